"""Marketplace jobs: one unit of sync work, queued and run by the runner."""

import logging
import time
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.sql import create_index

from ..lib.http import redact
from ..lib.run import CARRY_KEY, Run
from ..lib.summary import counter_rows, param_rows, summarize
from ..tools.job_errors import classify
from ..tools.notification import MANAGER_GROUP

_logger = logging.getLogger(__name__)

JOB_STATES = [
    ("pending", "Pending"),
    ("started", "Started"),
    ("done", "Done"),
    ("failed", "Failed"),
    ("cancelled", "Cancelled"),
]
DEFAULT_MAX_ATTEMPTS = 5
RUNNER_CODE = "model._cron_run_jobs()"
MAX_RUNNER_SLOTS = 32
DEFAULT_PART_SECONDS = 50
MAX_ATTEMPT_LOG = 20
VACUUM_BATCH = 1000


def _table(rows):
    """(label, text) rows as the HTML table of a job's form, or False."""
    if not rows:
        return False
    return Markup("<table class='table table-sm o_marketplace_result'>%s</table>") % Markup(
        ""
    ).join(Markup("<tr><th>%s</th><td>%s</td></tr>") % (escape(k), escape(v)) for k, v in rows)


class MarketplaceJob(models.Model):
    _name = "marketplace.job"
    _description = "Marketplace Job"
    _inherit = ["marketplace.export.mixin"]
    _order = "id desc"

    name = fields.Char(required=True)
    account_id = fields.Many2one(
        "marketplace.account", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    channel = fields.Selection(related="account_id.channel")
    job_type = fields.Selection(selection=[("process_webhooks", "Process Webhooks")], required=True)
    state = fields.Selection(
        JOB_STATES, required=True, default="pending", index=True, readonly=True
    )
    priority = fields.Integer(default=10, help="Lower runs first.")
    scheduled_at = fields.Datetime(
        required=True,
        default=fields.Datetime.now,
        index=True,
        help="The job does not run before this moment.",
    )
    started_at = fields.Datetime(readonly=True)
    done_at = fields.Datetime(string="Ended at", readonly=True)
    duration = fields.Float(string="Duration (s)", digits=(16, 1), readonly=True)
    attempts = fields.Integer(readonly=True)
    max_attempts = fields.Integer(default=DEFAULT_MAX_ATTEMPTS)
    params = fields.Json(readonly=True)
    params_display = fields.Html(string="Parameters", compute="_compute_params_display")
    result = fields.Json(string="Result data", readonly=True)
    summary = fields.Char(readonly=True)
    result_display = fields.Html(string="Result", compute="_compute_result_display")
    error_message = fields.Text(readonly=True)
    attempt_log = fields.Json(string="Attempt history", readonly=True, copy=False)
    attempt_log_display = fields.Html(string="Earlier attempts", compute="_compute_attempt_log")
    record_links = fields.Json(
        readonly=True,
        copy=False,
        help="The records this job created or changed, by model: {model: [ids]}.",
    )
    record_count = fields.Integer(string="Records changed", compute="_compute_record_count")
    exc_info = fields.Text(
        string="Technical details",
        readonly=True,
        groups=MANAGER_GROUP,
    )
    user_id = fields.Many2one(
        "res.users", string="Enqueued by", default=lambda self: self.env.user, readonly=True
    )
    identity_key = fields.Char(
        readonly=True,
        index=True,
        help="Jobs with the same account, type and key are not queued twice.",
    )

    def init(self):
        create_index(
            self.env.cr,
            "marketplace_job_due_index",
            self._table,
            ["priority", "scheduled_at", "id"],
            where="state = 'pending'",
        )

    @api.depends("params")
    def _compute_params_display(self):
        for job in self:
            job.params_display = _table(param_rows(job.params))

    @api.depends("result")
    def _compute_result_display(self):
        for job in self:
            job.result_display = _table(counter_rows(job.result))

    @api.depends("attempt_log")
    def _compute_attempt_log(self):
        for job in self:
            job.attempt_log_display = _table(
                [
                    (self.env._("Attempt %s", entry.get("attempt")), f"{entry.get('at')} UTC")
                    if not entry.get("error")
                    else (
                        self.env._("Attempt %s", entry.get("attempt")),
                        f"{entry.get('at')} UTC: {entry['error']}",
                    )
                    for entry in job.attempt_log or []
                ]
            )

    @api.depends("record_links")
    def _compute_record_count(self):
        for job in self:
            job.record_count = sum(len(ids) for ids in (job.record_links or {}).values())

    @api.model_create_multi
    def create(self, vals_list):
        type_labels = dict(self._fields["job_type"]._description_selection(self.env))
        for vals in vals_list:
            if not vals.get("name"):
                account = self.env["marketplace.account"].browse(vals.get("account_id"))
                job_type = vals.get("job_type")
                vals["name"] = f"{type_labels.get(job_type, job_type)} - {account.name}"
        return super().create(vals_list)

    # ------------------------------------------------------------------ actions
    def _check_operator(self):
        """Users only read jobs; their buttons write through the system.

        Whoever may read the jobs (Marketplace users, in their companies)
        may use the buttons; states, results and parameters are written by
        the system alone, so no one can mark a failed job Done by hand.
        """
        self.check_access("read")
        if not self.env.su and not self.env.user.has_group(
            "marketplace_base.group_marketplace_user"
        ):
            raise AccessError(self.env._("Only Marketplace users can manage jobs."))
        return self.sudo()

    def action_retry(self):
        """Put failed or cancelled jobs back in the queue, with fresh attempts."""
        if any(job.state not in ("failed", "cancelled") for job in self):
            raise UserError(self.env._("Only failed or cancelled jobs can be retried."))
        self._check_operator()._set_requeued()
        return True

    def action_cancel(self):
        if any(job.state != "pending" for job in self):
            raise UserError(self.env._("Only pending jobs can be cancelled."))
        self._check_operator()._set_cancelled()
        return True

    def action_run_now(self):
        """Run pending jobs in this request, one after the other, instead of
        waiting for the runner."""
        if any(job.state != "pending" for job in self):
            raise UserError(self.env._("Only pending jobs can be run."))
        self._check_operator()
        self.env.flush_all()
        busy = self.browse()
        for job in self:
            if not job.sudo()._run_next_job(job_id=job.id):
                busy |= job
        self.invalidate_recordset()
        if busy:
            raise UserError(
                self.env._(
                    "Could not start now, another job of the same account is running: %s. "
                    "They stay in the queue and run after it.",
                    ", ".join(busy.mapped("name")),
                )
            )
        return True

    def action_view_records(self):
        """The records this job created or changed (stock moves, vendor prices, products)."""
        self.ensure_one()
        links = {model: ids for model, ids in (self.record_links or {}).items() if ids}
        if not links:
            raise UserError(self.env._("This job changed no records."))
        model, ids = max(links.items(), key=lambda item: len(item[1]))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Changed by %s", self.name),
            "res_model": model,
            "domain": [("id", "in", ids)],
            "views": [(False, "list"), (False, "form")],
            "target": "current",
        }

    def _link_records(self, records):
        """Remember ``records`` as changed by this job (the job's smart button)."""
        self.ensure_one()
        if not records:
            return
        links = dict(self.record_links or {})
        known = set(links.get(records._name, []))
        links[records._name] = sorted(known | set(records.ids))
        self.record_links = links

    # ---------------------------------------------------------------- lifecycle
    # Every state change of a job is one of these methods; the runner only
    # locks, claims and executes.
    def _set_started(self):
        self.ensure_one()
        self.write(
            {
                "state": "started",
                "started_at": fields.Datetime.now(),
                "done_at": False,
                "attempts": self.attempts + 1,
            }
        )

    def _set_done(self, result, duration):
        """Done: the result shown, earlier attempts' errors kept in the history only."""
        self.ensure_one()
        self.write(
            {
                "state": "done",
                "done_at": fields.Datetime.now(),
                "duration": duration,
                "result": result,
                "summary": summarize(result),
                "error_message": False,
                "exc_info": False,
            }
        )
        self.account_id._record_job_outcome(self)

    def _set_requeued(self):
        """Failed or cancelled jobs back in the queue, due now, with fresh attempts."""
        self.write(
            {
                "state": "pending",
                "attempts": 0,
                "scheduled_at": fields.Datetime.now(),
                "started_at": False,
                "done_at": False,
                "error_message": False,
                "summary": False,
            }
        )
        self._wake_runner()

    def _set_cancelled(self):
        self.write({"state": "cancelled", "done_at": fields.Datetime.now()})

    def _set_retry(self, message, delay, details, duration):
        """Back to the queue in ``delay`` seconds, the failure kept on the job."""
        self.ensure_one()
        next_try = fields.Datetime.now() + timedelta(seconds=delay)
        at = fields.Datetime.to_string(next_try)
        self._log_attempt(message)
        self.write(
            {
                "state": "pending",
                "scheduled_at": next_try,
                "duration": duration,
                "exc_info": details,
                "summary": self.env._(
                    "Retry %(attempt)s at %(at)s UTC: %(error)s",
                    attempt=self.attempts + 1,
                    at=at,
                    error=message.splitlines()[0][:150],
                ),
                "error_message": self.env._(
                    "%(error)s\nAttempt %(attempt)s of %(max)s; next try at %(at)s UTC.",
                    error=message,
                    attempt=self.attempts,
                    max=self.max_attempts,
                    at=at,
                ),
            }
        )
        self._wake_runner(next_try)
        _logger.info("Job %s will be retried at %s: %s", self.id, at, message)

    def _set_failed(self, message, details, duration):
        """Failed for good: the message as the user reads it, followers told."""
        self.ensure_one()
        self._log_attempt(message)
        self.write(
            {
                "state": "failed",
                "done_at": fields.Datetime.now(),
                "duration": duration,
                "exc_info": details,
                "error_message": message,
                "summary": message.splitlines()[0][:200] if message else False,
            }
        )
        self._notify_failure()
        self.account_id._record_job_outcome(self)

    def _log_attempt(self, message):
        """Keep each failed attempt in the job's history."""
        log = list(self.attempt_log or [])
        log.append(
            {
                "attempt": self.attempts,
                "at": fields.Datetime.to_string(fields.Datetime.now()),
                "error": (message or "").splitlines()[0][:300] if message else "",
            }
        )
        self.attempt_log = log[-MAX_ATTEMPT_LOG:]

    def _record_failure(self, exc, details, duration):
        """Retry a temporary failure later, or fail the job for good."""
        self.ensure_one()
        failure = classify(exc, self.attempts)
        # a last net for unforeseen errors, whose text may hold a request URL
        message = redact(failure.text)
        details = details and redact(details)
        if failure.retryable and self.attempts < self.max_attempts:
            self._set_retry(message, failure.delay, details, duration)
        else:
            self._set_failed(message, details, duration)

    @api.model
    def _runner_crons(self):
        """The runner's slots: one ``ir.cron`` each, all running ``_cron_run_jobs``."""
        return (
            self.env["ir.cron"]
            .sudo()
            .with_context(active_test=False)
            .search([("model_id.model", "=", self._name), ("code", "=", RUNNER_CODE)], order="id")
        )

    @api.model
    def _wake_runner(self, at=None):
        """Have every runner slot look at the queue (now, or at ``at``).

        A slot is woken "now" once per transaction: the trigger the first
        job created starts the slot after the commit, for every job queued
        before it, so a burst of jobs costs one trigger per slot, not one
        per job and slot. A trigger undone by a rolled-back savepoint is
        created again.
        """
        now = fields.Datetime.now()
        due_now = at is None or at <= now
        woken = self.env.cr.postcommit.data.setdefault("marketplace_base.woken_slots", {})
        Trigger = self.env["ir.cron.trigger"].sudo()
        if due_now and woken and len(Trigger.browse(woken.values()).exists()) == len(woken):
            slots = self._runner_crons().filtered(lambda cron: cron.active and cron.id not in woken)
        else:
            slots = self._runner_crons().filtered("active")
        for cron in slots:
            trigger = cron._trigger(at)
            if due_now and trigger:
                woken[cron.id] = trigger.id

    @api.model
    def _set_runner_slots(self, count):
        """Keep ``count`` runner slots active: copies of the first, the rest archived."""
        count = max(1, min(int(count or 1), MAX_RUNNER_SLOTS))
        crons = self._runner_crons()
        first = crons[:1]
        while len(crons) < count:
            crons |= first.copy({"name": f"{first.name} (slot {len(crons) + 1})"})
        for index, cron in enumerate(crons):
            if cron.active != (index < count):
                cron.active = index < count

    def _part_deadline(self):
        """When this job stops and continues as a new part (``time.monotonic()``).

        Counted from the job's start, so the time spent fetching counts too.
        """
        self.ensure_one()
        seconds = self._config_int("marketplace_base.part_seconds", DEFAULT_PART_SECONDS)
        if seconds <= 0:
            return float("inf")
        spent = 0.0
        if self.state == "started" and self.started_at:
            spent = max(0.0, (fields.Datetime.now() - self.started_at).total_seconds())
        return time.monotonic() + seconds - spent

    def _continue(self, params, scheduled_at=None):
        """Queue the next part of this job (a long sync runs in parts, each one
        well within a cron worker's time limit), now or at ``scheduled_at``;
        return the new job."""
        self.ensure_one()
        part = int((self.params or {}).get("part") or 1) + 1
        first_name = (self.params or {}).get("first_name") or self.name
        return self.account_id._enqueue_job(
            self.job_type,
            params={**params, "part": part, "first_name": first_name},
            name=self.env._("%(name)s (part %(part)s)", name=first_name, part=part),
            priority=self.priority,
            scheduled_at=scheduled_at,
            identity_key=f"{self.job_type}-part-{self.id}",
        )

    def _run(self):
        """The ``Run`` of this part: its deadline, and what earlier parts counted."""
        self.ensure_one()
        return Run(self._part_deadline(), carry=(self.params or {}).get(CARRY_KEY))

    def _end_part(self, run, result=None):
        """The one way a long job ends a part: queue the next part when ``run``
        asks for one (carrying its counters), and say so in the result."""
        self.ensure_one()
        result = dict(run.result() if result is None else result)
        if run.continues:
            follow_up = self._continue(
                {**run.next_params, CARRY_KEY: run.carried()}, scheduled_at=run.next_at
            )
            result["continued_in_job"] = follow_up.id
            summary = result.get("summary")
            if summary:
                result["summary"] = self.env._(
                    "%(summary)s; continued in job %(job)s", summary=summary, job=follow_up.id
                )
            else:
                result["summary"] = self.env._("Continued in job %s", follow_up.id)
        return result

    def _notify_failure(self):
        """Tell the account's followers that a job has failed for good."""
        self.ensure_one()
        self.account_id.message_post(
            body=Markup("%s<br/>%s")
            % (
                self.env._(
                    "Job %(name)s failed after %(attempts)s attempt(s):",
                    name=self.name,
                    attempts=self.attempts,
                ),
                self.error_message or "",
            ),
            subtype_xmlid="marketplace_base.mt_job_failed",
        )

    # -------------------------------------------------------------------- crons
    @api.model
    def _cron_vacuum_jobs(self):
        """Delete ended jobs older than the retention period, a batch at a time."""
        days = self._config_int("marketplace_base.job_retention_days", 30)
        cutoff = fields.Datetime.now() - timedelta(days=days)
        domain = [("state", "in", ("done", "cancelled")), ("done_at", "<", cutoff)]
        old = self.search(domain, limit=VACUUM_BATCH, order="id")
        old.unlink()
        remaining = self.search_count(domain)
        self.env["ir.cron"]._notify_progress(done=len(old), remaining=remaining)
        return len(old)

    @api.model
    def _config_int(self, key, default):
        value = self.env["ir.config_parameter"].sudo().get_param(key)
        try:
            return int(value) if value else default
        except ValueError:
            _logger.warning("Setting %s is not a number (%r); using %s", key, value, default)
            return default
