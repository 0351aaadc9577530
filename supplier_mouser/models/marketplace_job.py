from odoo import fields, models


class MarketplaceJob(models.Model):
    _inherit = "marketplace.job"

    job_type = fields.Selection(
        selection_add=[("mouser_sync", "Sync with Mouser")], ondelete={"mouser_sync": "cascade"}
    )
