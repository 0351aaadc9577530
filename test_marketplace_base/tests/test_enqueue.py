from odoo.addons.marketplace_base.tests.common import click
from odoo.tests import tagged

from .common import TestChannelCase


@tagged("post_install", "-at_install")
class TestEnqueue(TestChannelCase):
    def test_job_gets_a_readable_name_and_the_enqueuing_user(self):
        job = self.enqueue()
        self.assertEqual(job.name, "Test task - Test shop")
        self.assertEqual(job.user_id, self.env.user)
        self.assertEqual(job.state, "pending")
        self.assertEqual(job.company_id, self.account.company_id)

    def test_same_identity_key_while_pending_returns_the_same_job(self):
        first = self.enqueue(identity_key="auto")
        second = self.enqueue(identity_key="auto")
        self.assertEqual(first, second)
        self.assertEqual(self.account.job_count, 1)

    def test_same_identity_key_while_started_returns_the_same_job(self):
        first = self.enqueue(identity_key="auto")
        first.sudo().state = "started"
        self.assertEqual(self.enqueue(identity_key="auto"), first)

    def test_a_new_job_once_the_previous_one_ended(self):
        first = self.enqueue(identity_key="auto")
        self.run_jobs()
        second = self.enqueue(identity_key="auto")
        self.assertNotEqual(first, second)

    def test_other_keys_and_no_key_are_not_deduplicated(self):
        self.enqueue(identity_key="a")
        self.enqueue(identity_key="b")
        self.enqueue()
        self.enqueue()
        self.assertEqual(self.account.job_count, 4)

    def test_enqueue_wakes_the_runner(self):
        cron = self.env.ref("marketplace_base.ir_cron_run_jobs")
        triggers = self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])
        self.enqueue()
        self.assertEqual(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)]), triggers + 1
        )

    def test_jobs_smart_button_shows_the_account_jobs(self):
        job = self.enqueue()
        action = click(self.account, "action_view_jobs")
        self.assertEqual(self.env["marketplace.job"].search(action["domain"]), job)

    def test_test_connection_reports_success_and_failure(self):
        action = click(self.account, "action_test_connection")
        self.assertEqual(action["params"]["type"], "success")
        self.account.test_api_key = False
        with self.assertRaisesRegex(Exception, "No API key set"):
            click(self.account, "action_test_connection")
