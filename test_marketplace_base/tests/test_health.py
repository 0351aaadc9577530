from odoo.addons.marketplace_base.tests.common import click
from odoo.tests import new_test_user, tagged

from .common import TestChannelCase


@tagged("post_install", "-at_install")
class TestAccountHealth(TestChannelCase):
    """An operator reads an account's health without opening its jobs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operator = new_test_user(
            cls.env, "mp_operator", groups="marketplace_base.group_marketplace_user"
        )

    def test_a_success_then_a_failure_show_on_the_account(self):
        self.enqueue(summary="12 stocks updated")
        self.run_jobs()
        self.assertEqual(self.account.health, "ok")
        self.assertEqual(self.account.last_success_summary, "12 stocks updated")
        self.assertTrue(self.account.last_success_at)
        self.enqueue(action="fail")
        self.run_jobs()
        self.assertEqual(self.account.health, "failing")
        self.assertEqual(self.account.consecutive_failures, 1)
        self.assertEqual(self.account.last_failure_message, "The remote side refused.")
        failing = self.env["marketplace.account"].search([("health", "in", ("failing", "paused"))])
        self.assertIn(self.account, failing)

    def test_too_many_failures_pause_the_schedule_until_a_manual_job_succeeds(self):
        self.env["ir.config_parameter"].set_param("marketplace_base.pause_after_failures", "3")
        self.account.responsible_id = self.operator
        for _n in range(3):
            self.enqueue(action="fail")
            self.run_jobs()
        self.assertTrue(self.account.paused)
        self.assertEqual(self.account.health, "paused")
        self.assertNotIn(self.account, self.env["marketplace.account"]._accounts_to_sync("test"))
        activity = self.account.activity_ids
        self.assertEqual(activity.user_id, self.operator)
        self.assertIn("paused", activity.summary)
        bodies = " ".join(self.account.message_ids.mapped("body"))
        self.assertIn("Paused after 3 failed jobs in a row", bodies)
        # a scheduled (system) job that succeeds does not resume it...
        self.enqueue()
        self.run_jobs()
        self.assertTrue(self.account.paused)
        # ...one started by hand does
        self.account.with_user(self.operator)._enqueue_job("test_task")
        self.run_jobs()
        self.assertFalse(self.account.paused)
        self.assertEqual(self.account.health, "ok")
        self.assertIn(self.account, self.env["marketplace.account"]._accounts_to_sync("test"))

    def test_a_disabled_account_reads_disabled(self):
        self.account.sync_enabled = False
        self.assertEqual(self.account.health, "disabled")


@tagged("post_install", "-at_install")
class TestJobScreens(TestChannelCase):
    def test_a_retried_job_that_ends_done_keeps_its_errors_in_the_history_only(self):
        job = self.enqueue(action="retry")
        self.run_jobs()
        self.assertTrue(job.exc_info)
        job.params = {**job.params, "action": "ok"}
        self.make_due(job)
        self.run_jobs()
        self.assertEqual(job.state, "done")
        self.assertFalse(job.exc_info)
        self.assertFalse(job.error_message)
        self.assertIn("Remote side busy.", job.attempt_log_display)
        self.assertEqual(len(job.attempt_log), 1)

    def test_result_and_parameters_read_as_labelled_values(self):
        job = self.enqueue(items=0, warehouse_code=None, sku_list=["A-1"])
        self.run_jobs()
        self.assertNotIn("None", job.result_display)
        self.assertIn("Zero", job.result_display)
        self.assertIn("SKU list", job.params_display)
        self.assertNotIn("warehouse_code", job.params_display)
        self.assertNotIn("None", job.params_display)

    def test_list_buttons_act_on_every_selected_job(self):
        jobs = self.enqueue() | self.enqueue()
        click(jobs, "action_cancel")
        self.assertEqual(set(jobs.mapped("state")), {"cancelled"})
        click(jobs, "action_retry")
        self.assertEqual(set(jobs.mapped("state")), {"pending"})
        click(jobs, "action_run_now")
        self.assertEqual(set(jobs.mapped("state")), {"done"})

    def test_the_records_button_opens_what_the_job_linked(self):
        partners = self.env["res.partner"].create([{"name": "A"}, {"name": "B"}])
        job = self.enqueue()
        job._link_records(partners)
        job._link_records(partners[:1])
        self.assertEqual(job.record_count, 2)
        action = click(job, "action_view_records")
        self.assertEqual(action["res_model"], "res.partner")
        self.assertEqual(self.env["res.partner"].search(action["domain"]), partners)

    def test_queue_buttons_answer_with_a_link_to_the_job(self):
        job = self.enqueue()
        action = self.account._notify_job_queued(job)
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["links"][0]["label"], job.name)
        self.assertIn(str(job.id), action["params"]["links"][0]["url"])

    def test_exported_jobs_carry_no_live_formula(self):
        """A remote error or SKU list may begin with '=': an export shows it as text."""
        job = self.enqueue(summary='=HYPERLINK("http://evil.example","Click")')
        self.run_jobs()
        rows = job.export_data(["summary", "name"])["datas"]
        self.assertEqual(rows[0][0], '\'=HYPERLINK("http://evil.example","Click")')
        self.assertEqual(rows[0][1], job.name)
