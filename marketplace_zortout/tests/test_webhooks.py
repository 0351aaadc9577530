import json
import statistics
import time
from datetime import timedelta
from unittest.mock import patch
from urllib.parse import urlencode

from odoo import fields
from odoo.addons.marketplace_base.tests.common import click
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import ZortoutCase
from .zortout_server import make_order, quantity_body, webhook_order_body

QUANTITY_URL = "/marketplace/zortout/{}/webhook/updateproductquantity"


def product_event(sku, stock):
    """An UPDATEPRODUCTQUANTITY body (see ``quantity_body`` for its source)."""
    return quantity_body(sku, stock, product_id=1001)


@tagged("post_install", "-at_install")
class TestWebhooks(ZortoutCase, HttpCase):
    """Zortout's webhooks through real HTTP requests, then the real jobs."""

    registry_test_mode = False  # MarketplaceQueueCase enters it

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account.sudo().zortout_webhook_token = "t0ken-" + "x" * 30

    def post(self, path, body, token="t0ken-" + "x" * 30, headers=None, raw=None):
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        if token is not None:
            all_headers.update({"key1": token, "key2": "odoo-marketplace", "key3": "1"})
        data = raw if raw is not None else json.dumps(body)
        return self.opener.post(self.base_url() + path, data=data, headers=all_headers, timeout=10)

    def events(self):
        return self.env["marketplace.webhook.event"].search([("account_id", "=", self.account.id)])

    def jobs(self, job_type):
        return self.env["marketplace.job"].search(
            [("account_id", "=", self.account.id), ("job_type", "=", job_type)], order="id"
        )

    def test_a_burst_of_events_is_stored_with_one_job_and_syncs_only_those_skus(self):
        url = QUANTITY_URL.format(self.account.id)
        durations = []
        for index in range(1000):
            sku = ("A-1", "A-2")[index % 2]
            start = time.perf_counter()
            response = self.post(url, product_event(sku, index))
            durations.append(time.perf_counter() - start)
            self.assertEqual(response.status_code, 200, response.text)
        self.assertLess(statistics.median(durations), 0.25, "answered at once")
        self.assertEqual(len(self.events()), 1000)
        process = self.jobs("process_webhooks")
        self.assertEqual(len(process), 1, "one pending job for the whole burst")
        self.assertEqual(process.user_id, self.env.ref("base.user_root"), "queued as the system")
        self.assertFalse(self.jobs("sync_stock_from_zortout"), "no sync inside the request")

        self.run_jobs()  # processing, then the sync it queued
        self.assertEqual(process.state, "done", process.error_message)
        self.assertEqual(process.result["events"], 1000)
        sync = self.jobs("sync_stock_from_zortout")
        self.assertEqual(len(sync), 1)
        self.assertEqual(sync.params["sku_list"], ["A-1", "A-2"])
        self.assertEqual(sync.state, "done", sync.error_message)
        request = self.server.requests_to("/v4/Product/GetProducts")[-1]
        self.assertEqual(request.headers["skulist"], "A-1,A-2")
        self.assertEqual((self.on_hand(self.a1), self.on_hand(self.a2)), (15, 3))
        self.assertEqual(self.on_hand(self.neg), 0, "a SKU no event named is not synced")
        self.assertEqual(set(self.events().mapped("state")), {"done"})

    def test_wrong_or_missing_token_and_unknown_accounts_store_nothing(self):
        url = QUANTITY_URL.format(self.account.id)
        other = self.account.copy({"name": "Other"})
        other.sudo().zortout_webhook_token = "other-token"
        cases = [
            (url, {"token": None}, 401),
            (url, {"token": "t0ken-"}, 401),
            (url, {"token": "other-token"}, 401),
            (QUANTITY_URL.format(other.id), {"token": None}, 401),
            # an unknown account answers as a wrong token: ids cannot be listed
            (QUANTITY_URL.format(999999), {}, 401),
            (QUANTITY_URL.format(other.id), {}, 401),
            (f"/marketplace/zortout/{self.account.id}/webhook/deleteproduct", {}, 404),
        ]
        answers = set()
        for path, kwargs, status in cases:
            response = self.post(path, product_event("A-1", 1), **kwargs)
            self.assertEqual(response.status_code, status, (path, kwargs))
            if status == 401:
                answers.add(response.text)
        self.assertEqual(len(answers), 1, "one answer for every refusal")
        self.assertFalse(self.events())
        self.assertFalse(self.jobs("process_webhooks"))
        # Zortout's Authorization header carries key1 too
        response = self.post(
            url,
            product_event("A-1", 1),
            token=None,
            headers={"Authorization": "Basic t0ken-" + "x" * 30},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self.events()), 1)

    def test_a_paused_account_keeps_its_events_for_when_it_resumes(self):
        self.account.paused = True
        response = self.post(QUANTITY_URL.format(self.account.id), product_event("A-1", 1))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.events().state, "pending")
        self.assertFalse(self.jobs("process_webhooks"))
        self.account.paused = False
        self.events().received_at = "2000-01-01 00:00:00"
        self.env.ref("marketplace_base.ir_cron_queue_webhooks").method_direct_trigger()
        job = self.jobs("process_webhooks")
        self.assertEqual(job.user_id, self.env.ref("base.user_root"), "queued as the system")

    def test_an_archived_account_accepts_no_event(self):
        self.account.active = False
        response = self.post(QUANTITY_URL.format(self.account.id), product_event("A-1", 1))
        self.assertEqual(response.status_code, 401)
        self.assertFalse(self.events().with_context(active_test=False))

    def test_an_account_without_token_accepts_no_event(self):
        self.account.sudo().zortout_webhook_token = False
        response = self.post(QUANTITY_URL.format(self.account.id), {}, token="")
        self.assertEqual(response.status_code, 401)
        self.assertFalse(self.events())

    def test_oversized_or_non_json_bodies_are_refused(self):
        url = QUANTITY_URL.format(self.account.id)
        for raw in ("not json", "42", json.dumps({"sku": "A" * 600_000})):
            response = self.post(url, None, raw=raw)
            self.assertEqual(response.status_code, 400, raw[:20])
        self.assertFalse(self.events())

    def test_quantity_events_sync_exactly_their_skus_in_chunks_of_200(self):
        skus = [f"S{i:04d}" for i in range(450)]
        self.account._webhook_receive(
            "updateproductquantity", {"list": [product_event(s, 1) for s in skus]}
        )
        self.account._webhook_receive("updateproductquantity", product_event("S0001", 2))
        process = self.jobs("process_webhooks")
        with patch.object(type(self.env["marketplace.job"]), "_wake_runner"):
            click(process, "action_run_now")
        syncs = self.jobs("sync_stock_from_zortout")
        self.assertEqual([len(j.params["sku_list"]) for j in syncs], [200, 200, 50])
        self.assertEqual([s for j in syncs for s in j.params["sku_list"]], skus)
        self.assertEqual(process.result["skus"], 450)

    def test_quantity_events_of_an_odoo_master_account_are_skipped(self):
        self.account.stock_master = "odoo"
        self.post(QUANTITY_URL.format(self.account.id), product_event("A-1", 3))
        self.run_jobs()
        self.assertFalse(self.jobs("sync_stock_from_zortout"))
        self.assertEqual(self.events().state, "skipped")
        self.assertEqual(self.events().note, "Odoo is the stock master")

    def order_path(self, event):
        return f"/marketplace/zortout/{self.account.id}/webhook/{event}"

    def sale_orders(self):
        return self.env["sale.order"].search(
            [("marketplace_account_id", "=", self.account.id)], order="marketplace_order_ref"
        )

    def test_an_order_body_is_the_order_and_imports_it_through_the_runner(self):
        """ADDORDER posts the order object; its ``list`` holds lines, whose ids
        were once queued as order ids (job Done, no sale order)."""
        new = make_order(501, [("A-1", 2, "100"), ("A-2", 1, "50")], status="Pending")
        self.fake.orders = [new, make_order(502, [("A-2", 1, "50")], status="Pending")]
        self.assertEqual(
            self.post(self.order_path("addorder"), webhook_order_body(new)).status_code, 200
        )
        self.run_jobs()
        imports = self.jobs("import_orders_from_zortout")
        self.assertEqual(imports.mapped("params"), [{"order_ids": [501]}])
        self.assertEqual(imports.state, "done", imports.error_message)
        self.assertEqual(
            self.sale_orders().mapped("marketplace_order_ref"), ["501"], "not the lines"
        )
        self.assertEqual(len(self.sale_orders().order_line), 2)
        self.assertEqual(set(self.events().mapped("state")), {"done"})

        # UPDATEORDER: the same order, Packed in Zortout, confirms the same sale order
        packed = make_order(501, [("A-1", 2, "100"), ("A-2", 1, "50")], status="Packed")
        self.fake.orders[0] = packed
        self.post(self.order_path("updateorder"), webhook_order_body(packed))
        self.run_jobs()
        self.assertEqual(len(self.sale_orders()), 1)
        self.assertEqual(self.sale_orders().state, "sale")

    def test_order_bodies_as_a_list_a_form_field_or_by_number_are_read(self):
        one = make_order(601, [("A-1", 1, "100")])
        two = make_order(602, [("A-2", 1, "50")])
        three = make_order(603, [("A-1", 3, "100")])
        self.fake.orders = [one, two, three]
        self.post(
            self.order_path("updateorder"), [webhook_order_body(one), webhook_order_body(two)]
        )
        # a form whose ``payload`` field holds the JSON (as a public Odoo integration reads it)
        response = self.post(
            self.order_path("addorder"),
            None,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            raw=urlencode(
                {"payload": json.dumps({"number": three["number"], "status": "Pending"})}
            ),
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.run_jobs()
        params = self.jobs("import_orders_from_zortout").mapped("params")
        self.assertEqual(params, [{"order_ids": [601, 602]}, {"order_numbers": ["SO-000603"]}])
        self.assertEqual(self.sale_orders().mapped("marketplace_order_ref"), ["601", "602", "603"])
        request = self.server.requests_to("/v4/Order/GetOrders")[-1]
        self.assertEqual(request.headers["numberlist"], "SO-000603")

    def test_register_webhooks_sends_this_accounts_urls_and_token(self):
        # both answers flat, as the C# client and a public Odoo integration read them
        self.fake.write_form = self.fake.read_form = "flat"
        self.account.sudo().zortout_webhook_token = False
        self.assertEqual(self.account.zortout_webhook_state, "none")
        click(self.account, "action_zortout_register_webhooks")
        token = self.account.sudo().zortout_webhook_token
        self.assertGreaterEqual(len(token), 40)
        base = f"{self.base_url()}/marketplace/zortout/{self.account.id}/webhook/"
        self.assertEqual(self.account.zortout_webhook_url, base)
        self.assertEqual(
            self.fake.webhook,
            {
                "key1": token,
                "key2": "odoo-marketplace",
                "key3": str(self.account.id),
                "updatequantityurl": base + "updateproductquantity",
                "addorderurl": base + "addorder",
                "updateorderurl": base + "updateorder",
                "updateordertrackingurl": base + "updateordertracking",
                "updateorderpaymenturl": base + "updateorderpayment",
            },
        )
        self.assertTrue(self.server.requests_to("/v4/Webhook/GetWebhook"), "read back")
        self.assertEqual(self.account.zortout_webhook_state, "registered")
        response = self.post(
            self.fake.webhook["updatequantityurl"][len(self.base_url()) :],
            product_event("A-1", 1),
            token=token,
        )
        self.assertEqual(response.status_code, 200, "the registered URL and token work")
        self.env["ir.config_parameter"].set_param("web.base.url", "https://shop.example.com")
        self.account.invalidate_recordset()
        self.assertEqual(self.account.zortout_webhook_state, "stale")

    def test_an_account_registered_before_the_order_tracking_events_asks_to_register_again(self):
        # registered by the version without tracking and payment events: same URL, no event list
        self.account.zortout_webhook_registered_url = self.account.zortout_webhook_url
        self.account.zortout_catalog_size = 200_000
        self.assertEqual(self.account.zortout_webhook_state, "stale")
        self.assertFalse(
            self.account.zortout_scan_warning, "quantity events still arrive: no scan warning"
        )
        click(self.account, "action_zortout_register_webhooks")
        self.assertEqual(self.account.zortout_webhook_state, "registered")
        self.assertEqual(
            self.fake.webhook["updateordertrackingurl"],
            self.account.zortout_webhook_url + "updateordertracking",
        )

    def test_the_token_is_for_administrators_only(self):
        user = self.env["res.users"].create(
            {
                "name": "Marketplace user",
                "login": "mp_user_webhook",
                "groups_id": [(6, 0, [self.env.ref("marketplace_base.group_marketplace_user").id])],
            }
        )
        account = self.account.with_user(user)
        self.assertTrue(account.zortout_webhook_url)
        with self.assertRaises(AccessError):
            account.zortout_webhook_token  # noqa: B018

    def test_events_left_without_a_job_get_one_from_the_schedule(self):
        self.account._webhook_receive("updateproductquantity", product_event("A-1", 1))
        click(self.jobs("process_webhooks"), "action_cancel")
        self.events().received_at = "2000-01-01 00:00:00"
        self.env.ref("marketplace_base.ir_cron_queue_webhooks").method_direct_trigger()
        self.assertEqual(self.jobs("process_webhooks").mapped("state"), ["cancelled", "pending"])

    def test_events_of_an_account_archived_since_wait_without_a_job(self):
        self.account._webhook_receive("updateproductquantity", product_event("A-1", 1))
        click(self.jobs("process_webhooks"), "action_cancel")
        self.account.active = False
        self.events().received_at = "2000-01-01 00:00:00"
        self.env.ref("marketplace_base.ir_cron_queue_webhooks").method_direct_trigger()
        self.assertEqual(self.jobs("process_webhooks").mapped("state"), ["cancelled"])
        self.assertEqual(self.events().state, "pending")

    def test_events_naming_nothing_are_skipped_with_a_note(self):
        for event, body in (
            ("updateproductquantity", {"stock": "3"}),
            ("addorder", {"list": [{"id": 7, "sku": "A-1", "pricepernumber": "10"}]}),
        ):
            self.post(f"/marketplace/zortout/{self.account.id}/webhook/{event}", body)
        self.run_jobs()
        self.assertEqual(set(self.events().mapped("state")), {"skipped"})
        self.assertEqual(
            sorted(self.events().mapped("note")),
            ["names no SKU (keys: stock)", "names no order id or number (keys: list)"],
        )
        process = self.jobs("process_webhooks")
        self.assertEqual(process.result["events_not_understood"], 2)
        self.assertIn("2 not understood", process.summary)
        self.assertFalse(self.jobs("sync_stock_from_zortout"))
        self.assertFalse(self.jobs("import_orders_from_zortout"))


@tagged("post_install", "-at_install")
class TestReconciliationScan(ZortoutCase):
    """The full scan only reconciles: as often as the daily quota allows."""

    def test_a_full_scan_records_the_catalogue_size_a_webhook_sync_does_not(self):
        self.sync()
        self.assertEqual(self.account.zortout_catalog_size, 6)
        scanned_at = self.account.zortout_last_scan_at
        self.assertTrue(scanned_at)
        self.sync(sku_list=["A-1"])
        self.assertEqual(self.account.zortout_catalog_size, 6)
        self.assertEqual(self.account.zortout_last_scan_at, scanned_at)

    def test_the_interval_follows_catalogue_and_quota_with_a_warning(self):
        self.account.zortout_catalog_size = 200_000
        # 400 calls a scan, 40,000 calls a day for scans: 100 scans, every 14.4 min
        self.assertEqual(self.account.zortout_scan_interval, 20)
        self.assertIn("Webhooks are not registered", self.account.zortout_scan_warning)
        self.assertIn("every 20 minutes", self.account.zortout_scan_warning)
        self.account.zortout_webhook_registered_url = self.account.zortout_webhook_url
        self.assertFalse(self.account.zortout_scan_warning)
        self.account.zortout_daily_quota = 300
        self.assertIn(
            "cannot cover even one full stock scan a day", self.account.zortout_scan_warning
        )
        self.account.zortout_catalog_size = 3_000
        self.account.zortout_daily_quota = 50_000
        self.assertEqual(self.account.zortout_scan_interval, 10)

    def test_the_schedule_queues_a_scan_only_once_the_interval_has_passed(self):
        cron = self.env.ref("marketplace_zortout.ir_cron_sync_stock_auto")
        Job = self.env["marketplace.job"]
        scans = [("account_id", "=", self.account.id), ("job_type", "=", "sync_stock_from_zortout")]
        now = fields.Datetime.now()
        self.account.write(
            {"zortout_catalog_size": 200_000, "zortout_last_scan_at": now - timedelta(minutes=10)}
        )
        cron.method_direct_trigger()
        self.assertFalse(Job.search(scans), "20-minute interval, scanned 10 minutes ago")
        self.account.zortout_last_scan_at = now - timedelta(minutes=19)
        cron.method_direct_trigger()
        self.assertEqual(len(Job.search(scans)), 1)
