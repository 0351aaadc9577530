from unittest.mock import patch

from odoo.addons.marketplace_base.tests.common import click
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ZortoutCase

PUSH_MODULE = "odoo.addons.marketplace_zortout.models.marketplace_account_stock_push"


@tagged("post_install", "-at_install")
class TestStockPush(ZortoutCase):
    """Odoo as the stock master: its quantities go to Zortout, changes only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account.stock_master = "odoo"
        # a push reads every storable product with a SKU: only this test's
        ours = cls.a1 | cls.a2 | cls.neg | cls.service | cls.dup1 | cls.dup2
        cls.env["product.product"].search(
            [("is_storable", "=", True), ("default_code", "!=", False), ("id", "not in", ours.ids)]
        ).active = False
        cls.customers = cls.env.ref("stock.stock_location_customers")

    def setUp(self):
        super().setUp()
        self.set_on_hand(self.a1, 10)
        self.set_on_hand(self.a2, 3)
        self.first_request = len(self.server.requests)

    def requests_to(self, path):
        """This test's requests to ``path``."""
        return [r for r in self.server.requests[self.first_request :] if r.path == path]

    def set_on_hand(self, product, quantity):
        Quant = self.env["stock.quant"]
        self.env.invalidate_all()
        current = self.on_hand(product)
        Quant._update_available_quantity(product, self.location, quantity - current)

    def push(self):
        job = self.account._enqueue_job("push_stock_to_zortout")
        self.run_jobs()
        return job

    def sent(self):
        """Every batch Zortout received, in order: [{sku: quantity}]."""
        return [push["sent"] for push in self.fake.pushes if not push.get("failed")]

    def recorded(self):
        records = self.env["marketplace.pushed.stock"].search(
            [("account_id", "=", self.account.id)]
        )
        return {r.sku: r.quantity for r in records}

    def test_first_push_sends_every_storable_sku_then_only_what_changed(self):
        job = self.push()
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual(self.sent(), [{"A-1": 10, "A-2": 3, "NEG": 0}])
        self.assertEqual(self.fake.stock["W1"]["A-1"], 10)
        self.assertEqual(job.result["duplicates_list"], ["DUP"], "two products, one SKU")
        self.assertIn("3 stocks pushed, 0 unchanged", job.summary)
        self.assertEqual(self.recorded(), {"A-1": 10, "A-2": 3, "NEG": 0})
        action = click(job, "action_view_records")
        pushed = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(pushed, self.a1 | self.a2 | self.neg)

        again = self.push()
        self.assertEqual(len(self.fake.pushes), 1, "nothing changed: no call at all")
        self.assertEqual(again.result["unchanged"], 3)

        self.set_on_hand(self.a1, 7)
        self.push()
        self.assertEqual(self.sent()[-1], {"A-1": 7})
        self.assertEqual(self.recorded()["A-1"], 7)
        self.assertTrue(self.account.stock_last_push_at)

    def test_the_safety_buffer_is_taken_off_in_whole_units_never_below_zero(self):
        self.account.stock_push_buffer = 4
        self.set_on_hand(self.a1, 10.5)
        self.push()
        self.assertEqual(self.sent(), [{"A-1": 6, "A-2": 0, "NEG": 0}])

    def test_forecast_setting_takes_confirmed_deliveries_off(self):
        move = self.env["stock.move"].create(
            {
                "name": "Delivery",
                "product_id": self.a1.id,
                "product_uom_qty": 4,
                "product_uom": self.a1.uom_id.id,
                "location_id": self.location.id,
                "location_dest_id": self.customers.id,
            }
        )
        move._action_confirm()
        self.push()
        self.assertEqual(self.sent()[-1]["A-1"], 10, "on hand by default")
        self.account.stock_push_quantity = "forecast"
        self.push()
        self.assertEqual(self.sent()[-1], {"A-1": 6})

    def test_available_stock_endpoint_and_the_warehouse_code_are_used(self):
        self.account.write({"zortout_push_endpoint": "available", "zortout_warehouse_code": "W2"})
        self.push()
        request = self.requests_to("/v4/Product/UpdateProductAvailableStockList")[-1]
        self.assertEqual(request.arg("warehousecode"), "W2")
        self.assertEqual(self.fake.available["W2"]["A-1"], 10)
        self.assertFalse(self.requests_to("/v4/Product/UpdateProductStockList"))

    def test_each_mapped_zortout_warehouse_gets_its_location_quantities(self):
        shelf = self.env["stock.location"].create(
            {"name": "Shop W2", "usage": "internal", "location_id": self.location.location_id.id}
        )
        self.env["stock.quant"]._update_available_quantity(self.a1, shelf, 2)
        self.account.write(
            {
                "stock_warehouse_mode": "map",
                "stock_location_map_ids": [
                    (0, 0, {"remote_code": "W1", "location_id": self.location.id}),
                    (0, 0, {"remote_code": "W2", "location_id": shelf.id}),
                ],
            }
        )
        self.push()
        by_code = {p["warehousecode"]: p["sent"] for p in self.fake.pushes}
        self.assertEqual(by_code["W1"], {"A-1": 10, "A-2": 3, "NEG": 0})
        self.assertEqual(by_code["W2"], {"A-1": 2, "A-2": 0, "NEG": 0})

    def test_skus_zortout_refused_are_listed_not_recorded_and_sent_again(self):
        """Zortout names refused SKUs in ``detail.stockupdate`` (the C# client's
        answer classes); they were once read at the top level only, so a
        refused push ended "3 stocks pushed, 0 rejected" and was never sent again."""
        for form in ("flat", "wrapped"):
            with self.subTest(form=form):
                self.env["marketplace.pushed.stock"].search([]).unlink()
                self.fake.write_form = form
                self.fake.reject = {"A-2": "faillist", "NEG": "notupdatelist"}
                job = self.push()
                self.assertEqual(job.state, "done", job.error_message)
                self.assertEqual(
                    job.result["rejected_list"], ["A-2: faillist", "NEG: notupdatelist"]
                )
                self.assertEqual(job.result["stocks_pushed"], 1)
                self.assertIn("1 stock pushed, 0 unchanged, 2 SKUs refused by Zortout", job.summary)
                self.assertEqual(self.recorded(), {"A-1": 10})

                self.fake.reject = {"NEG": "notupdatelist"}
                job = self.push()
                self.assertEqual(
                    self.sent()[-1], {"A-2": 3, "NEG": 0}, "only the refused ones again"
                )
                self.assertEqual(job.result["rejected_list"], ["NEG: notupdatelist"])
                self.fake.reject = {}
                self.push()
                self.assertEqual(self.sent()[-1], {"NEG": 0})
                self.assertEqual(self.recorded(), {"A-1": 10, "A-2": 3, "NEG": 0})

    def test_refusals_zortout_counts_but_does_not_name_are_sent_again(self):
        def answer(rows):
            confirmed = [{"productid": 1, "sku": rows[0]["sku"], "stock": rows[0]["stock"]}]
            stockupdate = {"success": 1, "fail": 2, "successlist": confirmed, "faillist": []}
            return {"resCode": "200", "resDesc": "", "detail": {"stockupdate": stockupdate}}

        self.fake.write_answer = answer
        job = self.push()
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual(self.recorded(), {"A-1": 10}, "only the SKU Zortout confirmed")
        self.assertEqual(job.result["unconfirmed_list"], ["A-2", "NEG"])
        self.assertIn("2 SKUs not confirmed by Zortout's answer", job.summary)
        self.assertIn(
            "counted 2 SKU(s) not written but named 0", job.result["zortout_answer_notes"][0]
        )
        self.fake.write_answer = None
        self.push()
        self.assertEqual(self.sent()[-1], {"A-2": 3, "NEG": 0})

    def test_a_write_answered_with_the_read_quota_code_records_nothing(self):
        """resCode 100 is the quota notice of reads; on a write it is no success."""
        self.fake.push_res_code = ("100", "Daily limit 50,000 calls reached")
        job = self.push()
        self.assertEqual(job.state, "failed")
        self.assertIn("code 100", job.error_message)
        self.assertIn("Daily limit 50,000 calls reached", job.error_message)
        self.assertEqual(self.recorded(), {})

    def test_an_outage_after_some_batches_continues_later_and_sends_nothing_twice(self):
        self.fake.push_fail = (2, 503)
        with patch(f"{PUSH_MODULE}.PUSH_BATCH", 1):
            job = self.push()
            self.assertEqual(job.state, "done", job.error_message)
            self.assertIn("HTTP 503", job.result["stopped_by"])
            follow_up = self.env["marketplace.job"].browse(job.result["continued_in_job"])
            self.assertEqual(follow_up.state, "pending")
            self.assertGreater(follow_up.scheduled_at, job.done_at, "after a delay")
            self.assertEqual(self.recorded(), {"A-1": 10})
            self.make_due(follow_up)
            self.run_jobs()
        self.assertEqual(follow_up.state, "done", follow_up.error_message)
        self.assertEqual(self.sent(), [{"A-1": 10}, {"A-2": 3}, {"NEG": 0}])
        self.assertEqual(self.recorded(), {"A-1": 10, "A-2": 3, "NEG": 0})

    def test_an_outage_on_the_first_batch_retries_the_job_with_nothing_recorded(self):
        self.fake.push_fail = (1, 503)
        job = self.push()
        self.assertEqual((job.state, job.attempts), ("pending", 1))
        self.assertEqual(self.recorded(), {})
        self.make_due(job)
        self.run_jobs()
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual(self.sent(), [{"A-1": 10, "A-2": 3, "NEG": 0}])

    def test_crons_push_for_odoo_master_accounts_and_sync_only_the_others(self):
        other = self.account.copy({"name": "Zortout master", "stock_master": "remote"})
        self.env.ref("marketplace_zortout.ir_cron_push_stock_auto").method_direct_trigger()
        self.env.ref("marketplace_zortout.ir_cron_sync_stock_auto").method_direct_trigger()
        self.env.ref("marketplace_zortout.ir_cron_push_stock_auto").method_direct_trigger()
        jobs = self.env["marketplace.job"].search(
            [("account_id", "in", (self.account | other).ids)]
        )
        self.assertEqual(
            sorted((j.account_id.name, j.job_type) for j in jobs),
            [
                ("Main store", "push_stock_to_zortout"),
                ("Zortout master", "sync_stock_from_zortout"),
            ],
        )
        self.assertEqual(
            jobs.filtered(lambda j: j.account_id == self.account).name,
            "Push Stock to Zortout - Main store (Auto)",
        )

    def test_sync_stock_now_says_why_and_a_queued_sync_changes_nothing(self):
        with self.assertRaisesRegex(UserError, "Odoo is the stock master"):
            click(self.account, "action_zortout_sync_stock")
        job = self.sync()
        self.assertEqual(job.state, "done")
        self.assertIn("Skipped", job.summary)
        self.assertEqual(self.on_hand(self.a1), 10, "Zortout's 15 not applied")
        self.assertFalse(self.requests_to("/v4/Product/GetProducts"))

    def test_push_now_queues_a_push_and_is_refused_for_a_zortout_master(self):
        action = click(self.account, "action_zortout_push_stock")
        self.assertEqual(
            action["params"]["links"][0]["label"], "Push Stock to Zortout - Main store"
        )
        self.account.stock_master = "remote"
        with self.assertRaisesRegex(UserError, "Zortout is the stock master"):
            click(self.account, "action_zortout_push_stock")

    def test_changing_master_or_field_written_makes_the_next_push_send_everything(self):
        self.push()
        self.account.zortout_push_endpoint = "available"
        self.push()
        self.assertEqual(self.sent()[-1], {"A-1": 10, "A-2": 3, "NEG": 0})
        self.account.stock_master = "remote"
        self.account.stock_master = "odoo"
        self.push()
        self.assertEqual(len(self.sent()), 3, "Zortout was master meanwhile: all sent again")

    def test_push_all_stock_sends_every_sku_again_after_a_change_by_hand(self):
        self.push()
        self.fake.stock["W1"]["A-1"] = 99  # changed by hand in Zortout
        self.push()
        self.assertEqual(len(self.sent()), 1, "nothing changed in Odoo: nothing sent")
        action = click(self.account, "action_zortout_push_all_stock")
        self.assertEqual(
            action["params"]["links"][0]["label"], "Push All Stock to Zortout - Main store"
        )
        self.run_jobs()
        self.assertEqual(self.sent()[-1], {"A-1": 10, "A-2": 3, "NEG": 0})
        self.assertEqual(self.fake.stock["W1"]["A-1"], 10)
        self.assertEqual(self.recorded(), {"A-1": 10, "A-2": 3, "NEG": 0})
        self.account.stock_master = "remote"
        with self.assertRaisesRegex(UserError, "Zortout is the stock master"):
            click(self.account, "action_zortout_push_all_stock")
