from odoo import fields, models


class MarketplaceJob(models.Model):
    _inherit = "marketplace.job"

    job_type = fields.Selection(
        selection_add=[("sync_catalog", "Sync Catalogue")], ondelete={"sync_catalog": "cascade"}
    )
