import logging
from unittest.mock import patch

from odoo.addons.marketplace_base.models import marketplace_job_runner as job_runner
from odoo.addons.marketplace_base.tests.common import click
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import TestChannelCase


@tagged("post_install", "-at_install")
class TestSecurity(TestChannelCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env, "mp_user", groups="marketplace_base.group_marketplace_user"
        )
        cls.manager = new_test_user(
            cls.env, "mp_manager", groups="marketplace_base.group_marketplace_manager"
        )
        cls.other_company = cls.env["res.company"].create({"name": "Other Co"})
        cls.other_user = new_test_user(
            cls.env,
            "mp_other",
            groups="marketplace_base.group_marketplace_manager",
            company_id=cls.other_company.id,
            company_ids=[cls.other_company.id],
        )

    def test_user_sees_accounts_but_not_credentials(self):
        account = self.account.with_user(self.user)
        self.assertEqual(account.name, "Test shop")
        with self.assertRaises(AccessError):
            account.read(["test_api_key"])
        self.assertNotIn("test_api_key", account.fields_get())

    def test_user_cannot_edit_or_create_accounts(self):
        with self.assertRaises(AccessError):
            self.account.with_user(self.user).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.env["marketplace.account"].with_user(self.user).create(
                {"name": "New", "channel": "test"}
            )

    def test_user_can_queue_retry_and_cancel_jobs(self):
        account = self.account.with_user(self.user)
        job = account._enqueue_job("test_task")
        click(job, "action_cancel")
        self.assertEqual(job.state, "cancelled")
        click(job, "action_retry")
        self.assertEqual(job.state, "pending")

    def test_users_cannot_write_states_results_or_parameters(self):
        job = self.enqueue()
        self.run_jobs()
        as_user = job.with_user(self.user)
        for values in (
            {"state": "done", "summary": "All good"},
            {"params": {"sku_list": ["X"]}},
            {"result": {"stocks_updated": 0}},
        ):
            with self.assertRaises(AccessError):
                as_user.write(values)
        with self.assertRaises(AccessError):
            self.env["marketplace.job"].with_user(self.user).create(
                {"account_id": self.account.id, "job_type": "test_task", "state": "started"}
            )
        other_account = self.env["marketplace.account"].create(
            {"name": "Other shop", "channel": "test", "company_id": self.other_company.id}
        )
        for user in (self.user, self.manager):
            with self.assertRaises(AccessError):
                job.with_user(user).write({"account_id": other_account.id})

    def test_plain_users_and_other_companies_cannot_queue_jobs(self):
        plain = new_test_user(self.env, "plain_user", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.account.with_user(plain)._enqueue_job("test_task")
        with self.assertRaises(AccessError):
            self.account.with_user(self.other_user).with_company(self.other_company)._enqueue_job(
                "test_task"
            )
        self.assertFalse(self.env["marketplace.job"].search([("account_id", "=", self.account.id)]))

    def test_buttons_of_another_company_job_are_refused(self):
        job = self.enqueue()
        with self.assertRaises(AccessError):
            job.with_user(self.other_user).action_cancel()
        self.assertEqual(job.state, "pending")

    def test_manager_reads_and_writes_credentials(self):
        account = self.account.with_user(self.manager)
        self.assertEqual(account.test_api_key, "s3cret")
        account.test_api_key = "new"
        self.assertEqual(self.account.test_api_key, "new")

    def test_credentials_never_reach_job_results_or_logs(self):
        # The runner logs to a logger of this test's own, at the level it
        # needs, whatever levels the test runner (Odoo's or pytest-odoo) set.
        records = []
        capture = logging.getLogger("test_marketplace_base.capture")
        capture.setLevel(logging.DEBUG)
        capture.propagate = False
        handler = logging.Handler(logging.DEBUG)
        handler.emit = records.append
        capture.addHandler(handler)
        self.addCleanup(capture.removeHandler, handler)
        with patch.object(job_runner, "_logger", capture):
            job = self.enqueue()
            self.run_jobs()
        logged = "\n".join(record.getMessage() for record in records)
        self.assertIn(f"Job {job.id} (test_task) for account Test shop: done", logged)
        self.assertNotIn("s3cret", logged)
        self.assertNotIn("s3cret", str(job.result) + (job.summary or ""))

    def test_other_company_sees_neither_accounts_nor_jobs(self):
        job = self.enqueue()
        Account = self.env["marketplace.account"].with_user(self.other_user)
        Job = self.env["marketplace.job"].with_user(self.other_user)
        self.assertFalse(Account.search([("id", "=", self.account.id)]))
        self.assertFalse(Job.search([("id", "=", job.id)]))
        with self.assertRaises(AccessError):
            self.account.with_user(self.other_user).read(["name"])
        own = Account.create({"name": "Other shop", "channel": "test"})
        self.assertEqual(own.company_id, self.other_company)
        self.assertFalse(
            self.env["marketplace.account"].with_user(self.manager).search([("id", "=", own.id)])
        )
