from odoo import fields, models


class TestMarketplaceExecution(models.Model):
    """One row per run of a test job handler, to count and order executions."""

    _name = "test.marketplace.execution"
    _description = "Test Marketplace Job Execution"
    _order = "id"

    job_id = fields.Many2one("marketplace.job", ondelete="cascade")
    account_id = fields.Many2one("marketplace.account", ondelete="cascade")
    started = fields.Float()
    ended = fields.Float()
    pid = fields.Integer(help="The server process that ran the job.")
