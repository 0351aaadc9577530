from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    vendor_book_server_url = fields.Char(
        string="Partnumber book server", config_parameter="vendor_spec_bom.book_server_url"
    )
    vendor_book_server_token = fields.Char(
        string="Book server token", config_parameter="vendor_spec_bom.book_server_token"
    )
