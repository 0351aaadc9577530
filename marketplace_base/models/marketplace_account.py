"""Marketplace accounts: one per remote shop, distributor or ERP."""

import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib.errors import MarketplaceError

_logger = logging.getLogger(__name__)


class MarketplaceAccount(models.Model):
    _name = "marketplace.account"
    _description = "Marketplace Account"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, name, id"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    channel = fields.Selection(
        selection=[],
        required=True,
        tracking=True,
        help="The remote system this account talks to; each channel addon adds its own.",
    )
    active = fields.Boolean(default=True, tracking=True)
    sync_enabled = fields.Boolean(
        default=True,
        tracking=True,
        help="Scheduled actions enqueue jobs only for accounts with this set.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    job_ids = fields.One2many("marketplace.job", "account_id")
    job_count = fields.Integer(compute="_compute_job_stats")
    job_failed_count = fields.Integer(compute="_compute_job_stats")
    last_job_id = fields.Many2one("marketplace.job", compute="_compute_job_stats")

    def _compute_job_stats(self):
        Job = self.env["marketplace.job"]
        groups = Job._read_group(
            [("account_id", "in", self.ids)], ["account_id", "state"], ["__count"]
        )
        counts, failed = {}, {}
        for account, state, count in groups:
            counts[account.id] = counts.get(account.id, 0) + count
            if state == "failed":
                failed[account.id] = count
        last_jobs = Job._read_group(
            [("account_id", "in", self.ids), ("state", "in", ("done", "failed"))],
            ["account_id"],
            ["id:max"],
        )
        last = {account.id: job_id for account, job_id in last_jobs}
        for account in self:
            account.job_count = counts.get(account.id, 0)
            account.job_failed_count = failed.get(account.id, 0)
            account.last_job_id = Job.browse(last.get(account.id))

    # ------------------------------------------------------------------ actions
    def action_view_jobs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "marketplace_base.marketplace_job_action"
        )
        action["domain"] = [("account_id", "=", self.id)]
        action["context"] = {"default_account_id": self.id, "search_default_filter_last_24h": 0}
        return action

    def _open_job(self, job):
        """The form of ``job``: what a "Sync now" button shows after queuing it."""
        return {
            "type": "ir.actions.act_window",
            "res_model": "marketplace.job",
            "res_id": job.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_test_connection(self):
        self.ensure_one()
        try:
            message = self._test_connection()
        except MarketplaceError as exc:
            raise UserError(str(exc)) from None
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Connection to %s works", self.name),
                "message": message,
                "type": "success",
                "sticky": False,
            },
        }

    # ----------------------------------------------------------- channel hooks
    def _test_connection(self):
        """Check the credentials; return a short message or raise (``UserError``
        or the client's ``MarketplaceError``, shown as it is).

        Channel addons override this for their channel and call ``super()``
        for the others.
        """
        raise UserError(
            self.env._("Channel %s has no connection test.", self.channel or self.env._("(none)"))
        )

    # ------------------------------------------------------------------- queue
    def _enqueue_job(
        self, job_type, params=None, name=None, priority=None, scheduled_at=None, identity_key=None
    ):
        """Queue a job for this account and wake the runner.

        With an ``identity_key``, a pending or started job with the same
        account, type and key is returned instead of a new one, so a
        schedule that outruns a slow API never piles up jobs.
        """
        self.ensure_one()
        self._check_can_queue()
        Job = self.env["marketplace.job"].sudo()
        if identity_key:
            existing = Job.search(
                [
                    ("account_id", "=", self.id),
                    ("job_type", "=", job_type),
                    ("identity_key", "=", identity_key),
                    ("state", "in", ("pending", "started")),
                ],
                limit=1,
            )
            if existing:
                return existing.with_env(self.env)
        values = {
            "account_id": self.id,
            "job_type": job_type,
            "params": params or {},
            "identity_key": identity_key,
            "user_id": self.env.uid,
        }
        if name:
            values["name"] = name
        if priority is not None:
            values["priority"] = priority
        if scheduled_at:
            values["scheduled_at"] = scheduled_at
        job = Job.create(values)
        _logger.info("Account %s (%s): enqueued job %s (%s)", self.name, self.id, job.id, job_type)
        Job._wake_runner(job.scheduled_at)
        return job.with_env(self.env)

    def _check_can_queue(self):
        """Only Marketplace users queue work, on accounts of their companies.

        Buttons of other addons (a product's "Sync now", a quotation's
        import) all end here, so the check cannot be forgotten by one of them.
        """
        if self.env.su:
            return
        if not self.env.user.has_group("marketplace_base.group_marketplace_user"):
            raise AccessError(self.env._("Only Marketplace users can queue jobs."))
        self.check_access("read")

    @api.model
    def _accounts_to_sync(self, channel):
        """Active accounts of a channel whose scheduled sync is enabled."""
        return self.search([("channel", "=", channel), ("sync_enabled", "=", True)])
