"""A rotated credential: saved at once, read back, for administrators only.

That a job failing after ``_save`` keeps the new value needs a real commit:
tests/servers/test_credential_survives.py proves it on a real server.
"""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import TestChannelCase


@tagged("post_install", "-at_install")
class TestCredential(TestChannelCase):
    def test_a_saved_value_is_read_back_and_replaced_by_the_next(self):
        Credential = self.env["marketplace.credential"]
        self.assertIsNone(Credential._get(self.account, "refresh_token"))
        Credential._save(self.account, "refresh_token", "first")
        Credential._save(self.account, "refresh_token", "second")
        self.assertEqual(Credential._get(self.account, "refresh_token"), "second")
        row = Credential.search([("account_id", "=", self.account.id)])
        self.assertEqual(
            (row.key, row.value, row.company_id),
            ("refresh_token", "second", self.account.company_id),
        )
        self.assertTrue(row.updated_at)
        other = self.account.copy({"name": "Other"})
        self.assertIsNone(Credential._get(other, "refresh_token"), "one value per account")

    def test_a_failed_job_shows_no_token(self):
        job = self.enqueue(action="rotate_then_fail", token="n3w-t0ken")
        job.max_attempts = 1
        self.run_jobs()
        self.assertEqual(job.state, "failed")
        shown = f"{job.result} {job.summary} {job.error_message} {job.exc_info}"
        self.assertNotIn("n3w-t0ken", shown)

    def test_only_administrators_read_credentials(self):
        self.env["marketplace.credential"]._save(self.account, "refresh_token", "s3cret")
        user = new_test_user(
            self.env, "mp_cred_user", groups="marketplace_base.group_marketplace_user"
        )
        with self.assertRaises(AccessError):
            self.env["marketplace.credential"].with_user(user).search([]).read(["value"])
        manager = new_test_user(
            self.env, "mp_cred_manager", groups="marketplace_base.group_marketplace_manager"
        )
        values = self.env["marketplace.credential"].with_user(manager).search([]).mapped("value")
        self.assertIn("s3cret", values)
