"""Marketplace accounts: one per remote shop, distributor or ERP."""

import logging

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib.errors import MarketplaceError
from ..tools.notification import notification

_logger = logging.getLogger(__name__)

HEALTH_STATES = [
    ("ok", "OK"),
    ("failing", "Failing"),
    ("paused", "Paused"),
    ("disabled", "Disabled"),
]
DEFAULT_PAUSE_AFTER = 5


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
    responsible_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        tracking=True,
        help="Gets an activity when the account's jobs keep failing and it is paused.",
    )
    health = fields.Selection(
        HEALTH_STATES,
        compute="_compute_health",
        store=True,
        help="OK: the last job succeeded. Failing: the last job failed. Paused: jobs failed "
        "too many times in a row, so the schedule stopped queuing them until a job you start "
        "succeeds. Disabled: archived, or scheduled sync turned off.",
    )
    last_success_at = fields.Datetime(string="Last success", readonly=True, copy=False)
    last_success_summary = fields.Char(readonly=True, copy=False)
    last_failure_at = fields.Datetime(string="Last failure", readonly=True, copy=False)
    last_failure_message = fields.Text(readonly=True, copy=False)
    consecutive_failures = fields.Integer(string="Failures in a row", readonly=True, copy=False)
    paused = fields.Boolean(
        readonly=True,
        copy=False,
        tracking=True,
        help="Set after too many failures in a row: scheduled actions queue no job for this "
        "account until a job started by hand succeeds.",
    )
    job_ids = fields.One2many("marketplace.job", "account_id")
    job_count = fields.Integer(compute="_compute_job_stats")
    job_failed_count = fields.Integer(compute="_compute_job_stats")
    last_job_id = fields.Many2one("marketplace.job", compute="_compute_job_stats")

    @api.depends("active", "sync_enabled", "paused", "consecutive_failures")
    def _compute_health(self):
        for account in self:
            if not account.active or not account.sync_enabled:
                account.health = "disabled"
            elif account.paused:
                account.health = "paused"
            elif account.consecutive_failures:
                account.health = "failing"
            else:
                account.health = "ok"

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

    def _notify_job_queued(self, job):
        """What every "... now" button answers: a notification naming the job
        queued, with a link to it; the form the user is on stays as it is."""
        url = f"/odoo/action-marketplace_base.marketplace_job_action/{job.id}"
        return notification(
            # "%s" is where the web client puts the link to the job
            self.env._("%s: it runs within a minute."),
            title=self.env._("Job queued"),
            links=[{"label": job.name, "url": url}],
        )

    def action_test_connection(self):
        self.ensure_one()
        try:
            message = self._test_connection()
        except MarketplaceError as exc:
            raise UserError(str(exc)) from None
        return notification(
            message, "success", title=self.env._("Connection to %s works", self.name)
        )

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
        self,
        job_type,
        params=None,
        name=None,
        priority=None,
        scheduled_at=None,
        identity_key=None,
        reuse_states=("pending", "started"),
    ):
        """Queue a job for this account and wake the runner.

        With an ``identity_key``, a job in ``reuse_states`` with the same
        account, type and key is returned instead of a new one, so a
        schedule that outruns a slow API never piles up jobs. A job whose
        work is read when it starts (pending events, say) reuses only a
        pending one: a started one may have read before the new work came.
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
                    ("state", "in", list(reuse_states)),
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
        """Active accounts of a channel whose scheduled sync is enabled and not paused."""
        return self.search(
            [("channel", "=", channel), ("sync_enabled", "=", True), ("paused", "=", False)]
        )

    # ------------------------------------------------------------------ health
    def _record_job_outcome(self, job):
        """Keep the account's health from its ended jobs; pause it, or resume it."""
        self.ensure_one()
        if job.state == "done":
            values = {
                "last_success_at": job.done_at,
                "last_success_summary": (job.summary or "")[:200],
                "consecutive_failures": 0,
            }
            if self.paused and job.user_id.id != SUPERUSER_ID:
                values["paused"] = False
                self.message_post(
                    body=self.env._("Resumed: job %s, started by hand, succeeded.", job.name)
                )
            self.write(values)
            return
        failures = self.consecutive_failures + 1
        self.write(
            {
                "last_failure_at": job.done_at,
                "last_failure_message": job.error_message,
                "consecutive_failures": failures,
            }
        )
        limit = self.env["marketplace.job"]._config_int(
            "marketplace_base.pause_after_failures", DEFAULT_PAUSE_AFTER
        )
        if limit and failures >= limit and not self.paused:
            self._pause(failures)

    def _pause(self, failures):
        self.paused = True
        note = self.env._(
            "Paused after %(count)s failed jobs in a row: scheduled actions queue no job for "
            "this account until a job you start by hand succeeds. Last error: %(error)s",
            count=failures,
            error=self.last_failure_message or "",
        )
        self.message_post(body=note)
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._("Marketplace account %s is paused", self.name),
            note=note,
            user_id=(self.responsible_id or self.env.ref("base.user_admin")).id,
        )
