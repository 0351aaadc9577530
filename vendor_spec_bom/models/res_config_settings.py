from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    vendor_book_server_url = fields.Char(
        string="Partnumber book server", config_parameter="vendor_spec_bom.book_server_url"
    )
    vendor_book_server_token = fields.Char(
        string="Book server token", config_parameter="vendor_spec_bom.book_server_token"
    )
    vendor_spec_max_rows = fields.Integer(
        string="Vendor BOM maximum rows",
        config_parameter="vendor_spec_bom.max_rows",
        default=100_000,
        help="Longer pasted BOMs, BOM files and partnumber books are refused before they are read.",
    )
