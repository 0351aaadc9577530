"""A new channel pushes stock through the neutral service with a batch sender only."""

from odoo.addons.marketplace_base.tests.common import MarketplaceQueueCase, click
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.marketplace_account_stock_push import REMOTE


@tagged("post_install", "-at_install")
class TestChannelStockPush(MarketplaceQueueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a push reads every storable product with a SKU: only this test's
        cls.env["product.product"].search(
            [("is_storable", "=", True), ("default_code", "!=", False)]
        ).active = False
        cls.location = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.products = cls.env["product.product"].create(
            [
                {"name": f"Thing {sku}", "default_code": sku, "type": "consu", "is_storable": True}
                for sku in ("T-1", "T-2", "T-3")
            ]
        )
        cls.account = cls.env["marketplace.account"].create(
            {
                "name": "Test shop",
                "channel": "test_channel",
                "stock_master": "odoo",
                "stock_location_id": cls.location.id,
            }
        )

    def setUp(self):
        super().setUp()
        REMOTE.update(stock={}, refuse={}, batches=[])
        for product, quantity in zip(self.products, (5, 2, 0), strict=True):
            self.set_on_hand(product, quantity)

    def set_on_hand(self, product, quantity):
        current = product.with_context(location=self.location.id).qty_available
        if quantity != current:
            self.env["stock.quant"]._update_available_quantity(
                product, self.location, quantity - current
            )
            self.env.invalidate_all()

    def push(self):
        click(self.account, "action_test_channel_push_stock")
        job = self.env["marketplace.job"].search(
            [("account_id", "=", self.account.id)], order="id desc", limit=1
        )
        self.run_jobs()
        self.assertEqual(job.state, "done", job.error_message)
        return job

    def test_only_changes_are_sent_in_batches_and_recorded(self):
        job = self.push()
        self.assertEqual(REMOTE["batches"], [{"T-1": 5, "T-2": 2}, {"T-3": 0}])
        self.assertEqual(job.summary, "3 stocks pushed, 0 unchanged")
        pushed = self.env["marketplace.pushed.stock"].search([("account_id", "=", self.account.id)])
        self.assertEqual({p.sku: p.quantity for p in pushed}, {"T-1": 5, "T-2": 2, "T-3": 0})
        self.assertTrue(self.account.stock_last_push_at)

        self.set_on_hand(self.products[1], 7)
        job = self.push()
        self.assertEqual(REMOTE["batches"][-1], {"T-2": 7})
        self.assertEqual((job.result["stocks_pushed"], job.result["unchanged"]), (1, 2))

    def test_the_buffer_is_kept_back(self):
        self.account.stock_push_buffer = 3
        self.push()
        self.assertEqual(REMOTE["stock"][""], {"T-1": 2, "T-2": 0, "T-3": 0})

    def test_refused_skus_are_listed_and_sent_again_next_time(self):
        REMOTE["refuse"] = {"T-2": "unknown SKU"}
        job = self.push()
        self.assertEqual(job.result["rejected_list"], ["T-2: unknown SKU"])
        self.assertIn("1 SKU refused by Test Channel (sent again next push)", job.summary)
        REMOTE["refuse"] = {}
        self.push()
        self.assertEqual(REMOTE["batches"][-1], {"T-2": 2})

    def test_the_stock_master_guards_buttons_and_jobs(self):
        self.account.stock_master = "remote"
        with self.assertRaisesRegex(UserError, "Test Channel is the stock master"):
            click(self.account, "action_test_channel_push_stock")
        job = self.account._enqueue_job("push_stock_to_test_channel")
        self.run_jobs()
        self.assertEqual(job.summary, "Skipped: Test Channel is this account's stock master.")
        self.assertFalse(REMOTE["batches"])

    def test_summary_in_thai_keeps_each_count_in_its_place(self):
        self.env["res.lang"]._activate_lang("th_TH")
        pusher = self.env["marketplace.stock.pusher"].with_context(lang="th_TH")
        result = {"stocks_pushed": 3, "unchanged": 1, "rejected": 2, "unconfirmed": 0}
        self.assertEqual(
            pusher._summary(self.account, {**result, "duplicates_list": ["T-9"]}),
            "ส่งสต็อกแล้ว 3 รายการ, ไม่เปลี่ยนแปลง 1 รายการ, "
            "2 SKU ถูกปฏิเสธโดย Test Channel (จะส่งอีกครั้งในการส่งครั้งถัดไป), "
            "1 SKU ถูกใช้โดยสินค้าสองรายการ จึงไม่ได้ส่ง",
        )
