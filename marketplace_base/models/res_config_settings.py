from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    marketplace_runner_time_budget = fields.Integer(
        string="Runner time budget (s)",
        config_parameter="marketplace_base.runner_time_budget",
        default=45,
        help="How long one run of 'Marketplace: Run Jobs' may keep taking new jobs.",
    )
    marketplace_job_retention_days = fields.Integer(
        string="Keep finished jobs (days)",
        config_parameter="marketplace_base.job_retention_days",
        default=30,
        help="Done and cancelled jobs older than this are deleted every day.",
    )
