import time
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.addons.marketplace_base.tests.common import click
from odoo.tests import tagged
from odoo.tools import config

from .common import TestChannelCase


@tagged("post_install", "-at_install")
class TestRunner(TestChannelCase):
    def test_jobs_run_in_priority_order_and_record_timings(self):
        low = self.enqueue(priority=20, items=1)
        high = self.enqueue(priority=1, items=2)
        normal = self.enqueue(priority=10, items=3)
        self.assertEqual(self.run_jobs(), 3)
        order = self.executions(low | high | normal).mapped("job_id")
        self.assertEqual(order.ids, [high.id, normal.id, low.id])
        for job in low | high | normal:
            self.assertEqual(job.state, "done")
            self.assertTrue(job.started_at and job.done_at)
            self.assertLessEqual(job.started_at, job.done_at)
            self.assertGreaterEqual(job.duration, 0)
            self.assertEqual(job.attempts, 1)
        self.assertEqual(normal.result["items_done"], 3)
        self.assertEqual(normal.summary, "Items done: 3")

    def test_equal_priorities_run_first_come_first_served(self):
        jobs = self.enqueue() | self.enqueue() | self.enqueue()
        self.run_jobs()
        self.assertEqual(self.executions(jobs).mapped("job_id").ids, jobs.ids)

    def test_job_scheduled_later_waits(self):
        later = self.enqueue()
        later.scheduled_at = fields.Datetime.now() + timedelta(hours=1)
        self.assertEqual(self.run_jobs(), 0)
        self.assertEqual(later.state, "pending")

    def test_handler_summary_is_kept(self):
        job = self.enqueue(summary="120 products checked, 3 stocks updated")
        self.run_jobs()
        self.assertEqual(job.summary, "120 products checked, 3 stocks updated")
        self.assertIn("Items done", job.result_display)

    def test_retryable_error_retries_with_growing_delays_then_fails(self):
        job = self.enqueue(action="retry")
        job.max_attempts = 3
        delays = []
        for attempt in (1, 2):
            before = fields.Datetime.now()
            self.run_jobs()
            self.assertEqual(job.state, "pending")
            self.assertEqual(job.attempts, attempt)
            self.assertIn("Remote side busy.", job.error_message)
            self.assertIn(f"Attempt {attempt} of 3", job.error_message)
            delays.append((job.scheduled_at - before).total_seconds())
            self.assertEqual(self.run_jobs(), 0, "a job waiting for its retry delay does not run")
            self.make_due(job)
        self.assertGreater(delays[1], delays[0])
        self.run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertEqual(job.attempts, 3)
        self.assertEqual(job.error_message, "Remote side busy.")
        self.assertIn("RetryableJobError", job.exc_info)
        message = self.account.message_ids[0]
        self.assertEqual(message.subtype_id, self.env.ref("marketplace_base.mt_job_failed"))
        self.assertIn("Remote side busy.", message.body)

    def test_retry_after_from_the_server_is_honoured(self):
        job = self.enqueue(action="retry", retry_after=900)
        before = fields.Datetime.now()
        self.run_jobs()
        self.assertGreaterEqual((job.scheduled_at - before).total_seconds(), 899)

    def test_permanent_error_fails_at_once_with_its_message(self):
        job = self.enqueue(action="fail")
        self.run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertEqual(job.attempts, 1)
        self.assertEqual(job.error_message, "The remote side refused.")
        self.assertEqual(job.summary, "The remote side refused.", "shown in the jobs list")
        self.assertTrue(job.done_at)

    def test_unexpected_error_fails_with_type_and_traceback(self):
        job = self.enqueue(action="crash")
        self.run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertIn("ZeroDivisionError", job.error_message)
        self.assertIn("Traceback", job.exc_info)

    def test_failed_job_leaves_none_of_its_writes(self):
        partners = self.env["res.partner"].search_count([])
        job = self.enqueue(action="write_then_raise")
        self.run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertEqual(self.account.name, "Test shop")
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        self.assertFalse(self.executions(job), "the handler's own record is rolled back too")

    def test_a_failing_job_does_not_stop_the_queue(self):
        bad = self.enqueue(action="crash", priority=1)
        good = self.enqueue(priority=2)
        self.assertEqual(self.run_jobs(), 2)
        self.assertEqual((bad.state, good.state), ("failed", "done"))

    def test_job_of_an_archived_account_fails_clearly(self):
        job = self.enqueue()
        self.account.active = False
        self.run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertIn("archived", job.error_message)

    def test_retry_and_cancel_buttons(self):
        job = self.enqueue(action="fail")
        self.run_jobs()
        click(job, "action_retry")
        self.assertEqual((job.state, job.attempts, job.error_message), ("pending", 0, False))
        click(job, "action_cancel")
        self.assertEqual(job.state, "cancelled")
        self.run_jobs()
        self.assertEqual(job.state, "cancelled", "a cancelled job never runs")
        with self.assertRaisesRegex(Exception, "Only pending jobs"):
            click(job, "action_cancel")

    def test_run_now_executes_a_pending_job_immediately(self):
        job = self.enqueue(items=7)
        job.scheduled_at = fields.Datetime.now() + timedelta(hours=1)
        click(job, "action_run_now")
        self.assertEqual(job.state, "done")
        self.assertEqual(job.result["items_done"], 7)

    def test_time_budget_stops_taking_jobs_and_wakes_a_fresh_pass(self):
        self.env["ir.config_parameter"].set_param("marketplace_base.runner_time_budget", "0")
        self.enqueue()
        self.enqueue()
        self.env.cr.postcommit.clear()  # the jobs were queued by an earlier, committed request
        slots = self.env["marketplace.job"]._runner_crons().filtered("active")
        Trigger = self.env["ir.cron.trigger"]
        before = Trigger.search_count([("cron_id", "in", slots.ids)])
        with patch.object(type(self.env["ir.cron"]), "_notify_progress") as progress:
            self.assertEqual(self.run_jobs(), 0)
        progress.assert_not_called()  # Odoo would re-run the slot in the same pass
        self.assertEqual(self.env["marketplace.job"]._count_due_jobs(), 2)
        self.assertEqual(Trigger.search_count([("cron_id", "in", slots.ids)]), before + len(slots))

    def test_the_budget_leaves_room_for_a_job_part_within_the_cron_limit(self):
        Job = self.env["marketplace.job"]
        runner = "odoo.addons.marketplace_base.models.marketplace_job_runner"
        with patch.dict(config.options, {"limit_time_real": 120, "limit_time_real_cron": -1}):
            with patch(f"{runner}.pass_started_at", return_value=time.time()):
                self.assertEqual(Job._runner_budget(), 45)
            # a pass that already ran other crons (or slots) for 70 s
            with patch(f"{runner}.pass_started_at", return_value=time.time() - 70):
                self.assertLessEqual(Job._runner_budget(), 0)
                self.enqueue()
                self.assertEqual(self.run_jobs(), 0, "no job may start that could end past 120 s")
        with (
            patch.dict(config.options, {"limit_time_real": 120, "limit_time_real_cron": 300}),
            patch(f"{runner}.pass_started_at", return_value=time.time() - 70),
        ):
            self.assertEqual(Job._runner_budget(), 45)

    def test_a_part_counts_from_the_job_start(self):
        job = self.enqueue()
        job.write({"state": "started", "started_at": fields.Datetime.now() - timedelta(seconds=45)})
        left = job._part_deadline() - time.monotonic()
        self.assertTrue(3 <= left <= 6, left)  # 50 s per part, 45 s already spent fetching

    def test_jobs_nobody_can_claim_wake_no_slot(self):
        """Jobs of an account another slot is running: that slot goes on with
        them; waking the others would make them spin on an empty claim."""
        running = self.enqueue()
        running.write({"state": "started"})
        self.enqueue()
        Job = type(self.env["marketplace.job"])
        slots = self.env["marketplace.job"]._runner_crons()
        Trigger = self.env["ir.cron.trigger"]
        before = Trigger.search_count([("cron_id", "in", slots.ids)])
        with patch.object(Job, "_recover_interrupted_jobs", lambda self: 0):
            self.assertEqual(self.run_jobs(), 0)
        self.assertEqual(Trigger.search_count([("cron_id", "in", slots.ids)]), before)

    def test_runner_slots_follow_the_setting(self):
        Job = self.env["marketplace.job"]
        self.assertEqual(len(Job._runner_crons().filtered("active")), 2)
        settings = self.env["res.config.settings"].create({"marketplace_runner_slots": 4})
        settings.execute()
        slots = Job._runner_crons().filtered("active")
        self.assertEqual(len(slots), 4)
        self.assertEqual(set(slots.mapped("code")), {"model._cron_run_jobs()"})
        self.assertIn("Marketplace: Run Jobs (slot 4)", slots.mapped("name"))
        self.assertEqual(self.env["res.config.settings"].create({}).marketplace_runner_slots, 4)
        self.env["res.config.settings"].create({"marketplace_runner_slots": 1}).execute()
        self.assertEqual(len(Job._runner_crons().filtered("active")), 1)

    def test_enqueue_wakes_every_slot(self):
        slots = self.env["marketplace.job"]._runner_crons().filtered("active")
        Trigger = self.env["ir.cron.trigger"]
        before = Trigger.search_count([("cron_id", "in", slots.ids)])
        self.enqueue()
        self.assertEqual(Trigger.search_count([("cron_id", "in", slots.ids)]), before + 2)

    def test_a_burst_of_jobs_wakes_each_slot_once(self):
        """1,000 webhooks in one request must not create 1,000 triggers per slot."""
        self.env["marketplace.job"]._set_runner_slots(4)
        slots = self.env["marketplace.job"]._runner_crons().filtered("active")
        Trigger = self.env["ir.cron.trigger"]
        before = Trigger.search_count([("cron_id", "in", slots.ids)])
        for _n in range(5):
            self.enqueue()
        self.assertEqual(Trigger.search_count([("cron_id", "in", slots.ids)]), before + 4)

    def test_a_wake_undone_by_a_rolled_back_savepoint_is_made_again(self):
        slots = self.env["marketplace.job"]._runner_crons().filtered("active")
        Trigger = self.env["ir.cron.trigger"]
        before = Trigger.search_count([("cron_id", "in", slots.ids)])
        with self.assertRaises(ValueError), self.env.cr.savepoint():
            self.enqueue()
            raise ValueError("the webhook's batch failed")
        self.assertEqual(Trigger.search_count([("cron_id", "in", slots.ids)]), before)
        self.enqueue()
        self.assertEqual(Trigger.search_count([("cron_id", "in", slots.ids)]), before + 2)

    def test_an_absurd_retry_after_is_capped(self):
        job = self.enqueue(action="retry", retry_after=1e300)
        before = fields.Datetime.now()
        self.run_jobs()
        self.assertEqual(job.state, "pending")
        delay = (job.scheduled_at - before).total_seconds()
        self.assertTrue(3590 <= delay <= 3610, delay)

    def test_a_database_conflict_is_retried_soon(self):
        job = self.enqueue(action="serialization_failure")
        before = fields.Datetime.now()
        self.run_jobs()
        self.assertEqual(job.state, "pending")
        self.assertLessEqual((job.scheduled_at - before).total_seconds(), 10)
        self.assertIn("Another worker was changing the same records", job.error_message)

    def test_the_last_failure_does_not_promise_a_retry(self):
        job = self.enqueue(action="retry")
        job.max_attempts = 1
        self.run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertNotIn("retry", job.error_message.lower())
        self.assertNotIn("next try", job.error_message)
