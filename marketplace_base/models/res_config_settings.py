from odoo import api, fields, models

from ..tools.notification import MANAGER_GROUP
from .marketplace_account import DEFAULT_PAUSE_AFTER
from .marketplace_job import DEFAULT_PART_SECONDS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    marketplace_runner_slots = fields.Integer(
        string="Runner slots",
        help="How many jobs of different accounts may run at the same time: one "
        "'Marketplace: Run Jobs' scheduled action per slot. Odoo's cron workers run "
        "one slot each at a time, so more slots than cron workers (all servers "
        "together) add nothing.",
    )
    marketplace_runner_time_budget = fields.Integer(
        string="Runner time budget (s)",
        config_parameter="marketplace_base.runner_time_budget",
        default=45,
        help="How long one run of a slot may keep taking new jobs; it stops earlier "
        "when Odoo's cron time limit requires it.",
    )
    marketplace_part_seconds = fields.Integer(
        string="Job part (s)",
        config_parameter="marketplace_base.part_seconds",
        default=DEFAULT_PART_SECONDS,
        help="How long one part of a long job (a large stock or catalogue sync) runs "
        "before the rest continues as a new job.",
    )
    marketplace_pause_after_failures = fields.Integer(
        string="Pause after failures in a row",
        config_parameter="marketplace_base.pause_after_failures",
        default=DEFAULT_PAUSE_AFTER,
        help="An account whose jobs fail this many times in a row is paused: its scheduled "
        "jobs stop until a job started by hand succeeds (0: never pause).",
    )
    marketplace_job_retention_days = fields.Integer(
        string="Keep finished jobs (days)",
        config_parameter="marketplace_base.job_retention_days",
        default=30,
        help="Done and cancelled jobs older than this are deleted every day.",
    )

    @api.model
    def get_values(self):
        res = super().get_values()
        slots = self.env["marketplace.job"]._runner_crons().filtered("active")
        res["marketplace_runner_slots"] = len(slots)
        return res

    def set_values(self):
        result = super().set_values()
        if self.env.user.has_group(MANAGER_GROUP):
            self.env["marketplace.job"]._set_runner_slots(self.marketplace_runner_slots)
        return result
