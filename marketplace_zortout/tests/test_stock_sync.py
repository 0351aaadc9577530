import time
from contextlib import contextmanager
from unittest.mock import patch

from odoo.addons.marketplace_base.tests.common import click
from odoo.tests import tagged

from .common import ZortoutCase


@tagged("post_install", "-at_install")
class TestStockSync(ZortoutCase):
    def test_cron_job_runner_sets_on_hand_with_inventory_moves(self):
        self.env.ref("marketplace_zortout.ir_cron_sync_stock_auto").method_direct_trigger()
        job = self.env["marketplace.job"].search([("account_id", "=", self.account.id)])
        self.assertEqual(job.name, "Sync Stock from Zortout - Main store (Auto)")
        self.assertEqual(job.job_type, "sync_stock_from_zortout")
        self.run_jobs()
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual(self.on_hand(self.a1), 15, "all warehouses summed")
        self.assertEqual(self.on_hand(self.a2), 3)
        moves = self.inventory_moves(self.a1 | self.a2)
        self.assertEqual(len(moves), 2)
        for move in moves:
            self.assertIn(f"[job {job.id}]", move.reference)
            self.assertIn("Main store", move.reference)
        self.assertEqual(job.result["stocks_updated"], 2, "NEG is 0 already: -5 applies as 0")
        self.assertIn("2 stocks updated", job.summary)
        action = click(job, "action_view_records")
        self.assertEqual(self.env[action["res_model"]].search(action["domain"]), moves)

    def test_second_run_without_remote_change_moves_nothing(self):
        self.sync()
        moves = self.inventory_moves()
        job = self.sync()
        self.assertEqual(job.result["stocks_updated"], 0)
        self.assertEqual(job.result["unchanged"], 3)
        self.assertEqual(self.inventory_moves(), moves)

    def test_remote_change_is_applied_as_a_new_move(self):
        self.sync()
        self.fake.stock["W1"]["A-1"] = 2
        job = self.sync()
        self.assertEqual(job.result["stocks_updated"], 1)
        self.assertEqual(self.on_hand(self.a1), 7)
        self.assertEqual(len(self.inventory_moves(self.a1)), 2)

    def test_warehouse_code_limits_to_that_warehouse(self):
        self.account.zortout_warehouse_code = "W2"
        click(self.account, "action_zortout_sync_stock")
        self.run_jobs()
        self.assertEqual(self.on_hand(self.a1), 5)
        self.assertEqual(self.on_hand(self.a2), 0)
        self.assertEqual(
            self.server.requests_to("/v4/Product/GetProducts")[-1].arg("warehousecode"), "W2"
        )

    def test_warehouse_mapping_feeds_one_location_per_remote_warehouse(self):
        shelf = self.env["stock.location"].create(
            {"name": "Shop W2", "usage": "internal", "location_id": self.location.location_id.id}
        )
        self.account.write(
            {
                "stock_warehouse_mode": "map",
                "stock_location_map_ids": [
                    (0, 0, {"remote_code": "W1", "location_id": self.location.id}),
                    (0, 0, {"remote_code": "W2", "location_id": shelf.id}),
                ],
            }
        )
        self.sync()
        self.assertEqual(self.on_hand(self.a1), 10)
        self.assertEqual(self.on_hand(self.a1, shelf), 5)

    def test_problems_are_counted_and_listed_and_others_applied(self):
        job = self.sync()
        result = job.result
        self.assertEqual(result["unknown_skus"], 1)
        self.assertEqual(result["unknown_skus_list"], ["UNKNOWN"])
        self.assertEqual(result["not_storable"], 1)
        self.assertEqual(result["duplicates_list"], ["DUP"])
        self.assertEqual(result["negative_quantities"], 1)
        self.assertEqual(self.on_hand(self.neg), 0, "negative remote stock is applied as 0")
        self.assertEqual(self.on_hand(self.dup1) + self.on_hand(self.dup2), 0)
        self.assertEqual(self.on_hand(self.a1), 15)
        self.assertIn("Unknown SKUs", job.result_display)

    def test_negative_stock_is_kept_when_the_account_allows_it(self):
        self.account.stock_allow_negative = True
        self.sync()
        self.assertEqual(self.on_hand(self.neg), -5)

    def test_sku_list_syncs_only_those_products(self):
        job = self.sync(sku_list=["A-2"])
        self.assertEqual(job.result["products_seen"], 1)
        self.assertEqual(self.on_hand(self.a1), 0)
        self.assertEqual(self.on_hand(self.a2), 3)
        self.assertEqual(
            self.server.requests_to("/v4/Product/GetProducts")[-1].headers["skulist"], "A-2"
        )

    def test_failed_page_retries_the_job_and_changes_nothing(self):
        self.fake.stock["W1"].update({f"BULK-{i:04d}": 1 for i in range(1200)})
        self.fake.fail_page = (2, 500)
        job = self.sync()
        self.assertEqual(job.state, "pending")
        self.assertEqual(job.attempts, 1)
        self.assertIn("HTTP 500", job.error_message)
        self.assertFalse(self.inventory_moves())
        self.assertEqual(self.on_hand(self.a1), 0)
        self.fake.fail_page = None
        self.make_due(job)
        self.run_jobs()
        self.assertEqual(job.state, "done")
        self.assertEqual(self.on_hand(self.a1), 15)
        pages = {r.arg("page") for r in self.server.requests_to("/v4/Product/GetProducts")}
        self.assertEqual(pages, {"1", "2", "3"})

    def test_bad_credentials_fail_with_a_message_about_them(self):
        self.fake.credentials = {"storename": "shop", "apikey": "other", "apisecret": "secret"}
        job = self.sync()
        self.assertEqual(job.state, "failed")
        self.assertIn("check the store name, API key and secret", job.error_message)
        self.assertNotIn("key", job.error_message.split("check")[0].replace("credentials", ""))

    def test_business_error_fails_with_zortout_description(self):
        self.fake.res_code = ("902", "Store is suspended")
        job = self.sync()
        self.assertEqual(job.state, "failed")
        self.assertIn("Store is suspended", job.error_message)

    def test_quota_notice_is_not_an_error(self):
        self.fake.notice = "You have used 90% of today's quota"
        job = self.sync()
        self.assertEqual(job.state, "done")
        self.assertEqual(job.result["zortout_notices"], ["You have used 90% of today's quota"])

    def test_no_job_for_disabled_or_archived_accounts_and_no_pile_up(self):
        cron = self.env.ref("marketplace_zortout.ir_cron_sync_stock_auto")
        disabled = self.account.copy({"name": "Disabled", "sync_enabled": False})
        archived = self.account.copy({"name": "Archived"})
        archived.active = False
        cron.method_direct_trigger()
        cron.method_direct_trigger()
        jobs = self.env["marketplace.job"].search(
            [("account_id", "in", (self.account | disabled | archived).ids)]
        )
        self.assertEqual(jobs.account_id, self.account)
        self.assertEqual(len(jobs), 1)

    def test_missing_credentials_fail_with_a_clear_message(self):
        self.account.zortout_apisecret = False
        job = self.sync()
        self.assertEqual(job.state, "failed")
        self.assertIn("set the Zortout API secret first", job.error_message)

    def test_product_form_shows_last_remote_quantity(self):
        job = self.sync()
        line = self.a1.product_tmpl_id.marketplace_stock_ids
        self.assertEqual(len(line), 1)
        self.assertEqual(
            (line.account_id, line.remote_quantity, line.job_id), (self.account, 15, job)
        )
        self.assertTrue(line.synced_at)

    def test_test_connection_names_the_warehouses(self):
        action = click(self.account, "action_test_connection")
        self.assertIn("W1", action["params"]["message"])


@tagged("post_install", "-at_install")
class TestStockSyncAgainstFaultyServers(ZortoutCase):
    """A faulty Zortout never inflates stock nor fails a whole sync for one row."""

    def bulk(self, n=1200):
        self.fake.stock["W1"].update({f"BULK-{i:04d}": 1 for i in range(n)})

    def test_a_repeated_page_fails_the_job_and_applies_nothing(self):
        self.bulk()
        self.fake.repeat_page = (3, 2)
        job = self.sync()
        self.assertEqual(job.state, "failed")
        self.assertIn("page 3 repeats page 2", job.error_message)
        self.assertFalse(self.inventory_moves())

    def test_a_server_ignoring_paging_is_not_read_forever(self):
        self.bulk()
        self.fake.ignore_paging = True
        before = len(self.server.requests_to("/v4/Product/GetProducts"))
        job = self.sync()
        self.assertEqual(job.state, "failed")
        self.assertFalse(self.inventory_moves())
        after = len(self.server.requests_to("/v4/Product/GetProducts"))
        self.assertEqual(after - before, 2, "stopped at the first repeated page")

    def test_an_unreadable_row_is_listed_by_sku_and_the_rest_applies(self):
        self.fake.products = {
            "A-1": {"sellprice": "n/a", "name": None},  # a stock sync ignores these
            "A-2": {"stock": "NaN"},
            "NEG": {"stock": "1e400"},
        }
        job = self.sync()
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual(self.on_hand(self.a1), 15)
        self.assertEqual(self.on_hand(self.a2), 0)
        listed = job.result["invalid_quantities_list"]
        self.assertEqual(sorted(entry.split(":")[0] for entry in listed), ["A-2", "NEG"])
        self.assertIn("2 SKUs not applied", job.summary)

    def test_a_nul_in_a_product_name_is_repaired_and_named_and_the_stock_applies(self):
        """A NUL (which PostgreSQL cannot store) in one name once failed every
        stock sync of the account; the sync reads no name at all."""
        self.fake.products = {"A-2": {"name": "Cable\x00 2 m"}}
        job = self.sync()
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual(self.on_hand(self.a1), 15)
        self.assertEqual(len(job.result["text_repaired"]), 1)
        self.assertRegex(
            job.result["text_repaired"][0], r"NUL on Product/GetProducts at \$\.list\[\d\]\.name"
        )

    def test_two_remote_warehouses_mapped_to_one_location_are_summed(self):
        self.account.write(
            {
                "stock_warehouse_mode": "map",
                "stock_location_map_ids": [
                    (0, 0, {"remote_code": "W1", "location_id": self.location.id}),
                    (0, 0, {"remote_code": "W2", "location_id": self.location.id}),
                ],
            }
        )
        job = self.sync()
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual(self.on_hand(self.a1), 15, "10 in W1 + 5 in W2, never overwritten")
        self.assertEqual(self.on_hand(self.a2), 3)

    def test_the_quota_notice_is_listed_once_for_many_pages(self):
        self.bulk()
        self.fake.notice = "You have used 90% of today's quota"
        job = self.sync()
        self.assertEqual(job.result["zortout_notices"], ["You have used 90% of today's quota"])

    def test_no_credential_reaches_the_job_or_the_chatter(self):
        self.fake.credentials = {"storename": "shop", "apikey": "other", "apisecret": "secret"}
        self.account.write({"zortout_storename": "shop", "zortout_apikey": "k3y-v4lue"})
        job = self.sync()
        self.assertEqual(job.state, "failed")
        shown = " ".join(
            [job.error_message or "", job.summary or "", job.sudo().exc_info or ""]
            + self.account.message_ids.mapped("body")
        )
        for secret in ("k3y-v4lue", "'shop'", "secret'"):
            self.assertNotIn(secret, shown)


@tagged("post_install", "-at_install")
class TestStockSyncInParts(ZortoutCase):
    """A large sync applies in parts, each within the cron limit, none twice."""

    @contextmanager
    def one_product_per_part(self):
        """Every part applies one slice of one product, then continues."""
        stock_applier = "odoo.addons.marketplace_stock.models.marketplace_stock_applier"
        Job = type(self.env["marketplace.job"])
        with (
            patch(f"{stock_applier}.APPLY_SLICE", 1),
            patch.object(Job, "_part_deadline", lambda self: time.monotonic() - 1),
        ):
            yield

    def test_a_sync_past_its_part_time_continues_in_parts_and_adds_up(self):
        with self.one_product_per_part():
            first = self.sync()
            self.assertEqual(first.state, "done", first.error_message)
            self.assertEqual(first.result["stocks_updated"], 1)
            self.assertEqual(first.result["stocks_left"], 1)
            second = self.env["marketplace.job"].browse(first.result["continued_in_job"])
            self.assertEqual(second.name, f"{first.name} (part 2)")
            self.run_jobs()
        self.assertEqual(second.state, "done", second.error_message)
        self.assertNotIn("continued_in_job", second.result)
        self.assertEqual(second.result["stocks_updated"], 2, "the parts add up")
        self.assertEqual(second.result["products_seen"], first.result["products_seen"])
        self.assertEqual((self.on_hand(self.a1), self.on_hand(self.a2)), (15, 3))
        self.assertEqual(len(self.inventory_moves(self.a1 | self.a2)), 2)
        self.assertEqual(len(self.server.requests_to("/v4/Product/GetProducts")), 1 + self.before)

    def setUp(self):
        super().setUp()
        self.before = len(self.server.requests_to("/v4/Product/GetProducts"))

    def test_a_retried_part_applies_nothing_twice(self):
        with self.one_product_per_part():
            first = self.sync()
            second = self.env["marketplace.job"].browse(first.result["continued_in_job"])
            params = dict(second.params)
            self.run_jobs()
            moves = self.inventory_moves()
            # the same part again, as after a worker died once it had committed
            again = self.account._enqueue_job("sync_stock_from_zortout", params=params)
            self.run_jobs()
        self.assertEqual(again.state, "done", again.error_message)
        self.assertEqual(self.inventory_moves(), moves)
        self.assertEqual((self.on_hand(self.a1), self.on_hand(self.a2)), (15, 3))
