"""Runners in parallel workers, with real connections and real commits."""

import threading

from odoo import SUPERUSER_ID, api
from odoo.addons.marketplace_base.models.marketplace_job_runner import CANDIDATE_ACCOUNTS
from odoo.modules.registry import DummyRLock, Registry
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestRunnerConcurrency(TransactionCase):
    """Not in test mode: every cursor here is a real connection.

    Data is committed for the other connections to see, and deleted again.
    """

    def setUp(self):
        super().setUp()
        # The test runner's thread holds the registry lock while tests run;
        # like Odoo's own test mode, let other threads look the registry up.
        self.patch(Registry, "_lock", DummyRLock())
        self.account_ids = []
        self.addCleanup(self._delete_committed_data)

    def _delete_committed_data(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "DELETE FROM mail_message WHERE model = 'marketplace.account' AND res_id = ANY(%s)",
                (self.account_ids,),
            )
            cr.execute("DELETE FROM marketplace_account WHERE id = ANY(%s)", (self.account_ids,))

    def committed(self, function):
        """Run ``function(env)`` in a new transaction and commit it."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})  # a transaction flushes only live envs
            return function(env)

    def create_accounts_and_jobs(self, accounts, jobs_per_account, **params):
        def create(env):
            job_ids = []
            for index in range(accounts):
                account = env["marketplace.account"].create(
                    {"name": f"Parallel shop {index}", "channel": "test"}
                )
                self.account_ids.append(account.id)
                for _n in range(jobs_per_account):
                    job_ids.append(account._enqueue_job("test_task", params=params).id)
            return job_ids

        return self.committed(create)

    def test_two_runners_execute_every_job_exactly_once(self):
        job_ids = self.create_accounts_and_jobs(3, 6, sleep=0.02)
        done_counts, errors = [], []

        def runner():
            try:
                done_counts.append(
                    self.committed(lambda env: env["marketplace.job"]._cron_run_jobs())
                )
            except Exception as exc:  # noqa: BLE001 - reported by the assertion below
                errors.append(exc)

        threads = [threading.Thread(target=runner) for _n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        self.assertEqual(errors, [])
        self.assertEqual(len(done_counts), 2)

        def check(env):
            jobs = env["marketplace.job"].browse(job_ids)
            self.assertEqual(set(jobs.mapped("state")), {"done"})
            self.assertEqual(set(jobs.mapped("attempts")), {1})
            executions = env["test.marketplace.execution"].search([("job_id", "in", job_ids)])
            self.assertEqual(sorted(executions.mapped("job_id").ids), sorted(job_ids))
            for account_id in self.account_ids:
                runs = executions.filtered(lambda e, a=account_id: e.account_id.id == a)
                self.assertEqual(
                    runs.mapped("job_id").ids,
                    sorted(runs.mapped("job_id").ids),
                    "an account's jobs run in queue order",
                )
                for previous, current in zip(runs, runs[1:], strict=False):
                    self.assertLessEqual(
                        previous.ended, current.started, "an account's jobs never overlap"
                    )

        self.committed(check)

    def test_a_slot_finds_work_beyond_the_first_page_of_busy_accounts(self):
        """More busy accounts than one page of candidates (32 slots allowed)."""
        job_ids = self.create_accounts_and_jobs(CANDIDATE_ACCOUNTS + 1, 1)
        busy = self.account_ids[:CANDIDATE_ACCOUNTS]
        with self.registry.cursor() as other_slots:
            for account_id in busy:
                other_slots.execute("SELECT pg_advisory_lock(47110815, %s)", (account_id,))
            try:
                ran = self.committed(lambda env: env["marketplace.job"]._run_next_job())
            finally:
                for account_id in busy:
                    other_slots.execute("SELECT pg_advisory_unlock(47110815, %s)", (account_id,))
        self.assertEqual(ran, job_ids[-1])
        state = self.committed(lambda env: env["marketplace.job"].browse(job_ids[-1]).state)
        self.assertEqual(state, "done")

    def test_recovery_requeues_orphans_and_leaves_running_jobs_alone(self):
        orphan_id, running_id, exhausted_id = self.create_accounts_and_jobs(3, 1)
        self.committed(
            lambda env: (
                env["marketplace.job"]
                .browse([orphan_id, running_id, exhausted_id])
                .write({"state": "started", "attempts": 1})
            )
        )
        self.committed(
            lambda env: env["marketplace.job"].browse(exhausted_id).write({"max_attempts": 1})
        )

        with self.registry.cursor() as worker_cr:
            # A live worker holds the row lock of the job it runs.
            worker_cr.execute(
                "SELECT id FROM marketplace_job WHERE id = %s FOR UPDATE", (running_id,)
            )
            self.committed(lambda env: env["marketplace.job"]._recover_interrupted_jobs())
            worker_cr.rollback()

        def check(env):
            orphan, running, exhausted = env["marketplace.job"].browse(
                [orphan_id, running_id, exhausted_id]
            )
            self.assertEqual((orphan.state, orphan.attempts), ("pending", 1))
            self.assertIn("interrupted", orphan.error_message)
            self.assertEqual(running.state, "started")
            self.assertFalse(running.error_message)
            self.assertEqual(exhausted.state, "failed")
            self.assertIn("interrupted", exhausted.error_message)

        self.committed(check)

    def test_recovery_leaves_a_job_whose_account_a_runner_holds(self):
        (job_id,) = self.create_accounts_and_jobs(1, 1)
        self.committed(
            lambda env: env["marketplace.job"].browse(job_id).write({"state": "started"})
        )
        with self.registry.cursor() as runner_cr:
            runner_cr.execute("SELECT pg_advisory_lock(47110815, %s)", (self.account_ids[0],))
            self.committed(lambda env: env["marketplace.job"]._recover_interrupted_jobs())
            runner_cr.execute("SELECT pg_advisory_unlock(47110815, %s)", (self.account_ids[0],))
        state = self.committed(lambda env: env["marketplace.job"].browse(job_id).state)
        self.assertEqual(state, "started")
