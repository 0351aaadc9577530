import time
from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.addons.marketplace_base.tests.common import click
from odoo.tests import tagged

from .common import MouserCase


@tagged("post_install", "-at_install")
class TestMouserSync(MouserCase):
    def test_ten_products_refreshed_by_one_call_then_only_changes_written(self):
        templates = self.env["product.template"]
        for i in range(10):
            pn = f"595-PART{i}"
            self.fake.catalogue[pn] = {
                "breaks": [(1, "$1.50", "USD"), (10, "$1.20", "USD"), (100, "$0.95", "USD")],
                "stock": 500 + i,
                "lifecycle": "New Product",
                "lead_time": "6 Weeks",
            }
            templates |= self.product(f"Part {i}", mouser_pn=pn)
        job = self.sync()
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual(len(self.fake.calls), 1)
        self.assertEqual(job.result["parts_refreshed"], 10)
        lines = self.lines(templates[3])
        self.assertEqual(
            [(line.min_qty, line.price) for line in lines], [(1, 1.5), (10, 1.2), (100, 0.95)]
        )
        self.assertEqual(lines.currency_id.name, "USD")
        self.assertEqual(set(lines.mapped("delay")), {42})
        self.assertEqual(templates[3].mouser_availability, 503)
        self.assertEqual(templates[3].mouser_lifecycle, "New Product")
        self.assertTrue(templates[3].mouser_synced_at)

        self.fake.catalogue["595-PART3"]["breaks"][1] = (10, "$1.10", "USD")
        line_ids = self.lines(templates[3]).ids
        job = self.sync()
        self.assertEqual(job.result["price_breaks_changed"], 1)
        self.assertEqual(self.lines(templates[3]).mapped("price"), [1.5, 1.1, 0.95])
        self.assertEqual(self.lines(templates[3]).ids, line_ids, "rows updated in place")
        action = click(job, "action_view_records")
        self.assertEqual(action["res_model"], "product.supplierinfo")
        changed = self.env["product.supplierinfo"].search(action["domain"])
        self.assertEqual(
            changed, self.lines(templates[3]).filtered(lambda line: line.min_qty == 10)
        )

    def test_a_slow_mouser_ends_the_run_within_its_part(self):
        for i in range(3):
            pn = f"595-SLOW{i}"
            self.fake.catalogue[pn] = {"breaks": [(1, "$1.00", "USD")], "stock": 1}
            self.product(f"Slow {i}", mouser_pn=pn)
        Job = type(self.env["marketplace.job"])
        with patch.object(Job, "_part_deadline", lambda job: time.monotonic() - 1):
            job = self.sync()
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual(job.result["calls"], 0)
        self.assertIn("this run's time is used", job.summary)

    def test_locale_prices_and_breaks_that_disappear(self):
        template = self.product("Regulator", mouser_pn="511-L7805")
        self.fake.catalogue["511-L7805"] = {
            "breaks": [(1, "0,57 €", "EUR"), (1000, "0,018 €", "EUR")]
        }
        self.sync()
        self.assertEqual(self.lines(template).mapped("price"), [0.57, 0.018], "5-digit prices")
        self.assertEqual(self.lines(template).currency_id.name, "EUR")
        self.fake.catalogue["511-L7805"]["breaks"] = [(1, "0,55 €", "EUR")]
        self.sync()
        self.assertEqual(self.lines(template).mapped("min_qty"), [1])
        self.assertEqual(self.lines(template, active=False).mapped("min_qty"), [1000])

    def test_part_gone_from_mouser_archives_lines_and_flags_product(self):
        template = self.product("Obsolete", mouser_pn="595-GONE")
        job = self.sync()
        self.assertEqual(job.result["not_found"], 1)
        self.assertEqual(job.result["not_found_list"], ["595-GONE"])
        self.assertFalse(self.lines(template))
        self.assertEqual(len(self.lines(template, active=False)), 1, "archived, not deleted")
        self.assertTrue(template.mouser_not_found)
        self.assertEqual(template.mouser_not_found_date, fields.Date.context_today(template))

    def test_a_number_holding_mousers_separator_is_refused_and_keeps_its_lines(self):
        template = self.product("Pair", mouser_pn="595-A|595-B")
        job = self.sync()
        self.assertEqual(self.sent_numbers(), [], "searched as two numbers, never sent")
        self.assertIn("'|' separates part numbers", job.result["refused_list"][0])
        self.assertEqual(self.lines(template).mapped("price"), [9.99], "nothing archived")
        self.assertFalse(template.mouser_not_found)

    def test_excluded_products_are_never_sent(self):
        self.fake.catalogue = {f"595-X{i}": {} for i in range(5)}
        child = self.env["product.category"].create(
            {"name": "Cables", "parent_id": self.category.id}
        )
        self.category.mouser_exclude = True
        self.product("In excluded child category", mouser_pn="595-X0", categ_id=child.id)
        self.category.mouser_exclude = False
        flagged = self.env["product.category"].create({"name": "Excluded", "mouser_exclude": True})
        self.product("In excluded category", mouser_pn="595-X1", categ_id=flagged.id)
        self.product("Not purchasable", mouser_pn="595-X2", purchase_ok=False)
        self.product("Excluded itself", mouser_pn="595-X3", mouser_exclude=True)
        self.product("Archived", mouser_pn="595-X4").active = False
        child.parent_id = flagged
        self.sync()
        self.assertEqual(self.sent_numbers(), [])

    def test_manufacturer_number_one_match_creates_lines_several_give_candidates(self):
        self.fake.catalogue = {
            "595-NE555P": {"mpn": "NE555P", "breaks": [(1, "$0.51", "USD")]},
            "511-LM358A": {"mpn": "LM358"},
            "926-LM358B": {"mpn": "LM358"},
        }
        single = self.product("Timer", manufacturer_pn="NE555P")
        multiple = self.product("Op amp", manufacturer_pn="LM358")
        nothing = self.product("No number")
        job = self.sync()
        self.assertEqual(self.lines(single).product_code, "595-NE555P")
        self.assertEqual(job.result["supplier_lines_created"], 1)
        self.assertEqual(len(multiple.mouser_candidate_ids), 2)
        self.assertEqual(job.result["candidates"], 1)
        self.assertEqual(job.result["skipped"], 1)
        self.assertIn("No number", job.result["skipped_list"][0])
        self.assertNotIn("No number", " ".join(self.sent_numbers()))
        candidate = multiple.mouser_candidate_ids.filtered(
            lambda c: c.mouser_part_number == "926-LM358B"
        )
        candidate.action_choose()
        self.run_jobs()
        self.assertEqual(self.lines(multiple).product_code, "926-LM358B")
        self.assertFalse(multiple.mouser_candidate_ids)
        self.assertFalse(nothing.mouser_synced_at)

    def test_too_many_requests_stops_and_reschedules_keeping_counters(self):
        self.product("Timer", mouser_pn="595-NE555P")
        self.fake.error = "TooManyRequests"
        job = self.sync()
        self.assertEqual(job.state, "done")
        self.assertIn("TooManyRequests", job.summary)
        follow_up = self.env["marketplace.job"].search(
            [("account_id", "=", self.account.id), ("state", "=", "pending")]
        )
        self.assertEqual(len(follow_up), 1)
        self.assertGreater(follow_up.scheduled_at, fields.Datetime.now())
        self.assertEqual(self.account.mouser_calls_today, 1, "the refused call still counts")

    def test_invalid_key_fails_the_job_with_a_clear_message(self):
        self.product("Timer", mouser_pn="595-NE555P")
        self.fake.api_key = "another"
        job = self.sync()
        self.assertEqual(job.state, "failed")
        self.assertIn("check the Search API key", job.error_message)
        self.assertNotIn("mouser-key", job.error_message)

    def test_daily_budget_is_kept_and_the_next_day_continues(self):
        self.account.mouser_daily_limit = 25
        templates = self.env["product.template"]
        for i in range(300):
            templates |= self.product(f"P{i:03d}", manufacturer_pn=f"MPN{i:03d}")
        self.fake.catalogue = {f"595-MPN{i:03d}": {"mpn": f"MPN{i:03d}"} for i in range(300)}
        job = self.sync()
        self.assertEqual(len(self.fake.calls), 25)
        self.assertEqual(job.result["parts_refreshed"], 250)
        self.assertIn("daily budget", job.summary)
        self.assertEqual(self.account.mouser_cursor_tmpl_id, templates[249].id)
        self.sync()
        self.assertEqual(len(self.fake.calls), 25, "nothing more today")

        quota = self.env["supplier.mouser.quota"].search([("account_id", "=", self.account.id)])
        quota.write({"day": fields.Date.today() - timedelta(days=1), "recent_calls": []})
        self.server.requests.clear()
        job = self.sync()
        self.assertEqual(self.fake.requested(self.fake.calls[0])[0], "MPN250")
        self.assertEqual(job.result["parts_refreshed"], 250, "wraps around to the first ones")
        self.assertIn(
            "595-MPN000", self.sent_numbers(), "found parts are now searched by Mouser number"
        )

    def test_garbage_html_and_timeout_leave_no_line_half_written(self):
        template = self.product("Timer", mouser_pn="595-NE555P")
        self.fake.catalogue["595-NE555P"] = {"breaks": [(1, "$0.40", "USD"), (10, "$0.30", "USD")]}
        for raw, expected_state, message in (
            ((200, "{garbage", {"Content-Type": "application/json"}), "failed", "not JSON"),
            (
                (502, "<html>Bad gateway</html>", {"Content-Type": "text/html"}),
                "pending",
                "HTTP 502",
            ),
        ):
            self.fake.raw = raw
            job = self.sync()
            self.assertEqual(job.state, expected_state)
            self.assertIn(message, job.error_message)
            self.assertEqual(
                [(line.min_qty, line.price) for line in self.lines(template)], [(1, 9.99)]
            )
            if job.state == "pending":
                click(job, "action_cancel")  # the retry would otherwise run in the next round

    def test_sync_now_button_queues_one_job_for_the_product(self):
        template = self.product("Timer", mouser_pn="595-NE555P")
        self.product("Other", mouser_pn="595-OTHER")
        self.fake.catalogue["595-NE555P"] = {}
        template.action_mouser_sync_now()
        self.run_jobs()
        self.assertEqual(self.sent_numbers(), ["595-NE555P"])
        self.assertTrue(template.mouser_synced_at)
        self.assertEqual(self.account.mouser_cursor_tmpl_id, 0, "a manual run keeps the cursor")

    def test_missing_vendor_fails_with_a_clear_message_and_sends_nothing(self):
        self.product("Timer", mouser_pn="595-NE555P")
        self.account.mouser_partner_id = False
        job = self.sync()
        self.assertEqual(job.state, "failed")
        self.assertIn("choose the vendor that stands for Mouser", job.error_message)
        self.assertFalse(self.fake.calls)

    def test_reel_prices_keep_five_digits_on_vendor_and_purchase_lines_only(self):
        template = self.product("Resistor", mouser_pn="71-CRCW0603-10K")
        self.fake.catalogue["71-CRCW0603-10K"] = {"breaks": [(1, "$0.00412", "USD")]}
        self.sync()
        self.assertEqual(self.lines(template).price, 0.00412)
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.mouser.id,
                "order_line": [
                    Command.create({"product_id": template.product_variant_id.id, "product_qty": 1})
                ],
            }
        )
        self.assertEqual(order.order_line.price_unit, 0.00412, "not rounded to 0.00")
        self.assertEqual(self.env.ref("product.decimal_price").digits, 2, "sales prices untouched")
        template.list_price = 1.23456
        self.assertEqual(template.list_price, 1.23, "sales prices keep the company's 2 digits")
