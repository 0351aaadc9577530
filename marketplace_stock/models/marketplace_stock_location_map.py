from odoo import fields, models


class MarketplaceStockLocationMap(models.Model):
    _name = "marketplace.stock.location.map"
    _description = "Remote Warehouse to Odoo Location"
    _order = "account_id, remote_code"

    account_id = fields.Many2one(
        "marketplace.account", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    remote_code = fields.Char(string="Remote warehouse code", required=True)
    location_id = fields.Many2one(
        "stock.location",
        required=True,
        domain="[('usage', '=', 'internal'), ('company_id', 'in', [company_id, False])]",
        check_company=True,
    )

    _sql_constraints = [
        (
            "remote_code_unique",
            "unique(account_id, remote_code)",
            "Each remote warehouse can be mapped once per account.",
        ),
    ]
