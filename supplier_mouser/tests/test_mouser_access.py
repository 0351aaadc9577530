"""Who may queue Mouser work, what the "now" buttons say, which day the counters count."""

from datetime import UTC, datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import MouserCase

USER = "marketplace_base.group_marketplace_user"


def _users(env):
    other_company = env["res.company"].create({"name": "Other company (Mouser)"})
    plain = new_test_user(
        env, login="mouser_plain", groups="base.group_user", password="mouser_plain"
    )
    outsider = new_test_user(
        env,
        login="mouser_outsider",
        groups=f"base.group_user,{USER}",
        password="mouser_outsider",
        company_id=other_company.id,
        company_ids=[Command.set(other_company.ids)],
    )
    member = new_test_user(env, login="mouser_member", groups=f"base.group_user,{USER}")
    return plain, outsider, member


@tagged("post_install", "-at_install")
class TestMouserAccess(MouserCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plain, cls.outsider, cls.member = _users(cls.env)

    def jobs(self):
        return self.env["marketplace.job"].search([("account_id", "=", self.account.id)])

    def test_plain_user_and_other_company_cannot_queue_jobs(self):
        template = self.product("Timer", mouser_pn="595-NE555P", company_id=self.env.company.id)
        for user in (self.plain, self.outsider):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.account.with_user(user).action_mouser_sync()
                with self.assertRaises(AccessError):
                    template.with_user(user).action_mouser_sync_now()
        self.assertFalse(self.jobs(), "nothing queued")

    def test_marketplace_user_of_the_company_gets_a_notification_linking_the_job(self):
        action = self.account.with_user(self.member).action_mouser_sync()
        job = self.jobs()
        self.assertEqual(len(job), 1)
        self.assertEqual(action["tag"], "display_notification")
        link = action["params"]["links"][0]
        self.assertEqual(link["label"], job.name)
        self.assertTrue(link["url"].endswith(f"/{job.id}"))
        self.assertIn("%s", action["params"]["message"])

        again = self.account.with_user(self.member).action_mouser_sync()
        self.assertEqual(len(self.jobs()), 1, "the pending job is reused")
        self.assertEqual(again["params"]["links"], action["params"]["links"])

    def test_product_button_links_its_job(self):
        template = self.product("Timer", mouser_pn="595-NE555P")
        action = template.with_user(self.member).action_mouser_sync_now()
        job = self.jobs()
        self.assertEqual(job.params, {"product_tmpl_ids": template.ids})
        self.assertEqual(action["params"]["links"][0]["label"], job.name)
        self.assertTrue(action["params"]["links"][0]["url"].endswith(f"/{job.id}"))

    def test_vendor_lines_show_their_currency_without_the_multi_currency_group(self):
        multi = self.env.ref("base.group_multi_currency")
        self.env.ref("base.group_user").implied_ids -= multi
        buyer = new_test_user(
            self.env, login="mouser_buyer", groups="base.group_user,purchase.group_purchase_user"
        )
        self.assertNotIn(multi, buyer.groups_id)
        arch = (
            self.env["product.supplierinfo"]
            .with_user(buyer)
            .get_views([(False, "list")])["views"]["list"]["arch"]
        )
        self.assertIn('name="currency_id"', arch)

    def test_calls_today_count_the_utc_day_whatever_the_users_time_zone(self):
        now = datetime.now(UTC)
        # A zone whose date differs from UTC's right now: far east late in the UTC day,
        # far west early in it.
        tz = "Pacific/Kiritimati" if now.hour >= 10 else "Pacific/Pago_Pago"
        quota = self.env["supplier.mouser.quota"].create(
            {"account_id": self.account.id, "day": now.date(), "calls_today": 7}
        )
        account = self.account.with_context(tz=tz)
        account.invalidate_recordset(["mouser_calls_today"])
        self.assertEqual(account.mouser_calls_today, 7)
        quota.day = now.date() - timedelta(days=1)
        account.invalidate_recordset(["mouser_calls_today"])
        self.assertEqual(account.mouser_calls_today, 0, "yesterday's calls (UTC) are not today's")


@tagged("post_install", "-at_install")
class TestMouserAccessRpc(HttpCase):
    """The buttons as the web client calls them, over JSON-RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plain, cls.outsider, _member = _users(cls.env)
        partner = cls.env["res.partner"].create({"name": "Mouser (RPC)"})
        cls.account = cls.env["marketplace.account"].create(
            {
                "name": "Mouser RPC",
                "channel": "mouser",
                "mouser_api_key": "k",
                "mouser_partner_id": partner.id,
            }
        )

    def call_button(self, login):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_button",
            {
                "model": "marketplace.account",
                "method": "action_mouser_sync",
                "args": [[self.account.id]],
                "kwargs": {},
            },
        )

    def test_rpc_refuses_plain_user_and_other_company(self):
        for login in ("mouser_plain", "mouser_outsider"):
            with self.subTest(login=login), self.assertRaises(Exception) as err:
                self.call_button(login)
            self.assertIn("AccessError", str(err.exception))
        jobs = self.env["marketplace.job"].search([("account_id", "=", self.account.id)])
        self.assertFalse(jobs)
