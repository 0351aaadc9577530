from odoo import fields, models


class MarketplaceProductStock(models.Model):
    """The last quantity an account reported for a product, for the product form."""

    _name = "marketplace.product.stock"
    _description = "Remote Stock of a Product"
    _order = "account_id, product_id"

    account_id = fields.Many2one(
        "marketplace.account", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    product_id = fields.Many2one("product.product", required=True, ondelete="cascade", index=True)
    product_tmpl_id = fields.Many2one(related="product_id.product_tmpl_id", store=True, index=True)
    location_id = fields.Many2one("stock.location")
    remote_quantity = fields.Float(digits="Product Unit of Measure")
    synced_at = fields.Datetime(string="Synced at")
    job_id = fields.Many2one("marketplace.job", ondelete="set null")

    _sql_constraints = [
        (
            "account_product_location_unique",
            "unique(account_id, product_id, location_id)",
            "One remote quantity per account, product and location.",
        ),
    ]
