from odoo import fields, models


class MarketplaceJob(models.Model):
    _inherit = "marketplace.job"

    job_type = fields.Selection(
        selection_add=[
            ("sync_stock_from_zortout", "Sync Stock from Zortout"),
            ("sync_products_from_zortout", "Import Products from Zortout"),
            ("push_stock_to_zortout", "Push Stock to Zortout"),
            ("import_orders_from_zortout", "Import Orders from Zortout"),
        ],
        ondelete={
            "sync_stock_from_zortout": "cascade",
            "sync_products_from_zortout": "cascade",
            "push_stock_to_zortout": "cascade",
            "import_orders_from_zortout": "cascade",
        },
    )
