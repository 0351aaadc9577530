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
"""

import logging
import time
import traceback
from datetime import timedelta

import requests

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.backoff import retry_delay
from ..lib.errors import MarketplaceError, RetryableJobError

_logger = logging.getLogger(__name__)

# First key of pg_try_advisory_lock(int, int); the second is the account id.
ACCOUNT_LOCK_NAMESPACE = 47_110_815
DEFAULT_TIME_BUDGET = 45
CANDIDATE_ACCOUNTS = 20
RETRYABLE_ERRORS = (RetryableJobError, requests.Timeout, requests.ConnectionError)


def _try_lock_account(cr, account_id):
    cr.execute("SELECT pg_try_advisory_lock(%s, %s)", (ACCOUNT_LOCK_NAMESPACE, account_id))
    return cr.fetchone()[0]


def _unlock_account(cr, account_id):
    cr.execute("SELECT pg_advisory_unlock(%s, %s)", (ACCOUNT_LOCK_NAMESPACE, account_id))


def error_text(exc):
    """What the user reads for an exception: our own messages as they are."""
    if isinstance(exc, (MarketplaceError, UserError, ValidationError)):
        return str(exc.args[0]) if exc.args else str(exc)
    if isinstance(exc, requests.Timeout):
        return f"The remote service did not answer in time: {exc}"
    if isinstance(exc, requests.ConnectionError):
        return f"Could not connect to the remote service: {exc}"
    return f"Unexpected error ({type(exc).__name__}): {exc}"


class MarketplaceJob(models.Model):
    _inherit = "marketplace.job"

    @api.model
    def _cron_run_jobs(self):
        """Run due jobs until the queue is empty or the time budget is spent."""
        budget = self._config_int("marketplace_base.runner_time_budget", DEFAULT_TIME_BUDGET)
        deadline = time.monotonic() + budget
        self._recover_interrupted_jobs()
        done = 0
        while time.monotonic() < deadline and self._run_next_job():
            done += 1
        remaining = self._count_due_jobs()
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

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
        """Accounts with a due pending job, in the order of their first job."""
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
            LIMIT %s
            """,
            (fields.Datetime.now(), job_id, job_id, CANDIDATE_ACCOUNTS),
        )
        return [row[0] for row in cr.fetchall()]

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
        job.write(
            {
                "state": "started",
                "started_at": fields.Datetime.now(),
                "done_at": False,
                "attempts": job.attempts + 1,
            }
        )
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
            result = job._call_handler() or {}
            job._mark_done(result, time.monotonic() - start)
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

    def _call_handler(self):
        self.ensure_one()
        account = self.account_id.with_company(self.company_id)
        if not account.active:
            raise MarketplaceError(f"Account {account.name} is archived.")
        handler = getattr(account, f"_run_job_{self.job_type}", None)
        if handler is None:
            raise MarketplaceError(
                f"No handler for job type {self.job_type!r}: is its addon installed?"
            )
        return handler(self)

    def _record_failure(self, exc, details, duration):
        """Retry a temporary failure later, or fail the job for good."""
        self.ensure_one()
        message = error_text(exc)
        values = {"duration": duration, "exc_info": details}
        if isinstance(exc, RETRYABLE_ERRORS) and self.attempts < self.max_attempts:
            delay = retry_delay(self.attempts, getattr(exc, "retry_after", None))
            next_try = fields.Datetime.now() + timedelta(seconds=delay)
            values.update(
                state="pending",
                scheduled_at=next_try,
                summary=f"Retry {self.attempts + 1} at {fields.Datetime.to_string(next_try)} UTC: "
                f"{message.splitlines()[0][:150]}",
                error_message=f"{message}\nAttempt {self.attempts} of {self.max_attempts}; "
                f"next try at {fields.Datetime.to_string(next_try)} UTC.",
            )
            self.write(values)
            self.env.ref("marketplace_base.ir_cron_run_jobs")._trigger(next_try)
            _logger.info("Job %s will be retried at %s: %s", self.id, next_try, message)
        else:
            values.update(
                state="failed",
                done_at=fields.Datetime.now(),
                error_message=message,
                summary=message.splitlines()[0][:200] if message else False,
            )
            self.write(values)
            self._notify_failure()

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
