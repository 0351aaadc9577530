"""The job runner: claims due jobs one at a time and executes them safely.

Concurrency rules, for several Odoo workers running the cron at once:

* a runner holds a PostgreSQL session advisory lock on the job's account
  from before it claims a job until the job's outcome is committed, so the
  jobs of one account run one at a time, in queue order;
* a claimed job is marked Started and committed at once (the UI shows it),
  then its row stays locked (``FOR UPDATE``) while its handler runs, so
  recovery can tell a job that is really running from one whose worker died;
* the handler runs in its own transaction: on error it is rolled back
  entirely and the failure is written in a new transaction.

Parallelism comes from Odoo's own cron engine: the runner has several
slots, each an ``ir.cron`` record running ``_cron_run_jobs``, and Odoo's
cron workers (threads or processes, on one server or many) each lock one
record at a time, so N slots run up to N accounts' jobs at once.

Time: Odoo kills (prefork) or reloads (threaded) a cron worker whose pass
over the ready crons lasts longer than ``limit_time_real_cron`` (else
``limit_time_real``, 120 s by default). A slot stops taking jobs early
enough for the last job's part (``marketplace_base.part_seconds``, 50 s:
long handlers continue in parts) to end within that limit, counted from
the start of the worker's pass, since one worker may run several slots in
a row. It never asks Odoo to run it again in the same pass (the progress
API would); due jobs left over are a trigger for a fresh pass.
"""

import logging
import threading
import time
import traceback

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import config

from ..lib.errors import MarketplaceError, RetryableJobError
from .marketplace_job import DEFAULT_PART_SECONDS

_logger = logging.getLogger(__name__)

# First key of pg_try_advisory_lock(int, int); the second is the account id.
ACCOUNT_LOCK_NAMESPACE = 47_110_815
DEFAULT_TIME_BUDGET = 45
SAFETY_MARGIN = 10
FRESH_PASS = 2
CANDIDATE_ACCOUNTS = 20


def _try_lock_account(cr, account_id):
    cr.execute("SELECT pg_try_advisory_lock(%s, %s)", (ACCOUNT_LOCK_NAMESPACE, account_id))
    return cr.fetchone()[0]


def _unlock_account(cr, account_id):
    cr.execute("SELECT pg_advisory_unlock(%s, %s)", (ACCOUNT_LOCK_NAMESPACE, account_id))


def cron_time_limit():
    """Seconds a cron worker's pass may last before Odoo stops it, or None."""
    limit = config.get("limit_time_real_cron")
    if not limit or limit < 0:
        limit = config.get("limit_time_real")
    return limit if limit and limit > 0 else None


def pass_started_at():
    """When the current cron worker's pass began (see ``ir.cron._process_job``)."""
    thread = threading.current_thread()
    return getattr(thread, "marketplace_pass_start", None) or getattr(thread, "start_time", None)


class MarketplaceJob(models.Model):
    _inherit = "marketplace.job"

    @api.model
    def _cron_run_jobs(self):
        """Run due jobs until the queue is empty or the time budget is spent."""
        deadline = time.monotonic() + self._runner_budget()
        self._recover_interrupted_jobs()
        done = 0
        while time.monotonic() < deadline and self._run_next_job():
            done += 1
        # Out of time with work left: a fresh pass, never a re-run in this one.
        # Work left that nobody could claim belongs to accounts another slot is
        # running; that slot goes on with them, so no wake-up (it would spin).
        if time.monotonic() >= deadline and self._count_due_jobs():
            self._wake_runner()
        return done

    @api.model
    def _runner_budget(self):
        """Seconds this call may keep taking jobs (0 or less: none)."""
        budget = self._config_int("marketplace_base.runner_time_budget", DEFAULT_TIME_BUDGET)
        limit = cron_time_limit()
        if not limit:
            return budget
        elapsed = time.time() - (pass_started_at() or time.time())
        part = self._config_int("marketplace_base.part_seconds", DEFAULT_PART_SECONDS)
        window = limit - elapsed - part - SAFETY_MARGIN
        if window <= 0 and elapsed < FRESH_PASS:
            # A cron limit too short for a job part: still make progress, one
            # job per pass (Settings: lower "Job part", or raise the limit).
            _logger.warning(
                "Cron time limit %s s is shorter than a job part (%s s) and a margin: "
                "lower the job part setting or raise the limit",
                limit,
                part,
            )
            window = 1.0
        return min(budget, window)

    @api.model
    def _run_next_job(self, job_id=None):
        """Claim and execute the next due job (or ``job_id``); return its id or None."""
        with self.env.registry.cursor() as cr:
            for account_id in self._due_accounts(cr, job_id):
                if not _try_lock_account(cr, account_id):
                    continue
                try:
                    # End the transaction that took the lock: what follows reads
                    # a snapshot in which earlier claims on the account are visible.
                    cr.commit()  # pylint: disable=invalid-commit
                    claimed = self._claim_job(cr, account_id, job_id)
                    cr.commit()  # pylint: disable=invalid-commit
                    if claimed:
                        self._execute_job(cr, claimed)
                        return claimed
                finally:
                    cr.rollback()
                    _unlock_account(cr, account_id)
                    cr.commit()  # pylint: disable=invalid-commit
        return None

    @api.model
    def _due_accounts(self, cr, job_id=None):
        """Accounts with a due pending job, in the order of their first job.

        Read a page of ``CANDIDATE_ACCOUNTS`` at a time, the next page only
        when every account of this one is busy (locked by another slot), so
        a slot finds work however many slots run.
        """
        now = fields.Datetime.now()
        offset = 0
        while True:
            cr.execute(
                """
                SELECT account_id FROM (
                    SELECT DISTINCT ON (account_id) account_id, priority, scheduled_at, id
                      FROM marketplace_job
                     WHERE state = 'pending'
                       AND (scheduled_at <= %s AND %s IS NULL OR id = %s)
                  ORDER BY account_id, priority, scheduled_at, id
                ) first_jobs
                ORDER BY priority, scheduled_at, id
                LIMIT %s OFFSET %s
                """,
                (now, job_id, job_id, CANDIDATE_ACCOUNTS, offset),
            )
            page = [row[0] for row in cr.fetchall()]
            yield from page
            if len(page) < CANDIDATE_ACCOUNTS:
                return
            offset += CANDIDATE_ACCOUNTS

    @api.model
    def _claim_job(self, cr, account_id, job_id=None):
        """Mark the account's first due job Started; the account lock is held."""
        cr.execute(
            "SELECT 1 FROM marketplace_job WHERE account_id = %s AND state = 'started' LIMIT 1",
            (account_id,),
        )
        if cr.fetchone():
            return None  # a job whose worker died: recovery deals with it first
        cr.execute(
            """
            SELECT id FROM marketplace_job
             WHERE account_id = %s AND state = 'pending'
               AND (scheduled_at <= %s AND %s IS NULL OR id = %s)
          ORDER BY priority, scheduled_at, id
             LIMIT 1
               FOR UPDATE SKIP LOCKED
            """,
            (account_id, fields.Datetime.now(), job_id, job_id),
        )
        row = cr.fetchone()
        if not row:
            return None
        env = api.Environment(cr, SUPERUSER_ID, {})
        job = env["marketplace.job"].browse(row[0])
        job._set_started()
        job.flush_recordset()
        return job.id

    @api.model
    def _execute_job(self, cr, job_id):
        env = api.Environment(cr, SUPERUSER_ID, {})
        cr.execute("SELECT id FROM marketplace_job WHERE id = %s FOR UPDATE", (job_id,))
        job = env["marketplace.job"].browse(job_id)
        log_args = (job.id, job.job_type, job.account_id.name)
        _logger.info("Job %s (%s) for account %s: started", *log_args)
        start = time.monotonic()
        try:
            # in the company's language: its summary and messages are read there
            job = job.with_context(lang=job._company_lang())
            result = job._call_handler() or {}
            job._set_done(result, time.monotonic() - start)
            cr.commit()  # pylint: disable=invalid-commit
        except Exception as exc:  # noqa: BLE001 - every failure is recorded on the job
            details = traceback.format_exc()
            cr.rollback()
            job = api.Environment(cr, SUPERUSER_ID, {})["marketplace.job"].browse(job_id)
            job._record_failure(exc, details, time.monotonic() - start)
            cr.commit()  # pylint: disable=invalid-commit
            if job.state == "failed":
                _logger.warning(
                    "Job %s (%s) for account %s: failed - %s", *log_args, job.error_message
                )
        else:
            _logger.info("Job %s (%s) for account %s: done - %s", *log_args, job.summary)

    def _company_lang(self):
        """The language of the job's company (its contact's), when installed:
        a job runs as the system, whose language says nothing of the shop."""
        lang = self.company_id.partner_id.lang
        return (lang and self.env["res.lang"]._get_code(lang)) or None

    def _call_handler(self):
        self.ensure_one()
        account = self.account_id.with_company(self.company_id)
        if not account.active:
            raise MarketplaceError(self.env._("Account %s is archived.", account.name))
        handler = getattr(account, f"_run_job_{self.job_type}", None)
        if handler is None:
            raise MarketplaceError(
                self.env._(
                    "No handler for job type %s: is its addon installed?", repr(self.job_type)
                )
            )
        return handler(self)

    @api.model
    def _recover_interrupted_jobs(self):
        """Requeue or fail jobs left Started by a worker that died.

        A started job whose row is locked, or whose account lock is held,
        is running in another worker and is left alone.
        """
        recovered = 0
        with self.env.registry.cursor() as cr:
            cr.execute(
                "SELECT id, account_id FROM marketplace_job WHERE state = 'started' "
                "FOR UPDATE SKIP LOCKED"
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            for job_id, account_id in cr.fetchall():
                if not _try_lock_account(cr, account_id):
                    continue
                _unlock_account(cr, account_id)
                job = env["marketplace.job"].browse(job_id)
                job._record_failure(
                    RetryableJobError("The job was interrupted: the worker running it stopped."),
                    "",
                    job.duration,
                )
                _logger.warning(
                    "Job %s was interrupted (its worker stopped): now %s", job_id, job.state
                )
                recovered += 1
        return recovered

    @api.model
    def _count_due_jobs(self):
        with self.env.registry.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM marketplace_job "
                "WHERE state = 'pending' AND scheduled_at <= %s",
                (fields.Datetime.now(),),
            )
            return cr.fetchone()[0]
