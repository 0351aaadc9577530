from odoo import fields, models


class MarketplaceJob(models.Model):
    _inherit = "marketplace.job"

    job_type = fields.Selection(
        selection_add=[("test_task", "Test task")], ondelete={"test_task": "cascade"}
    )
