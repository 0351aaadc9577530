"""The test channel imports its orders through the neutral order writer."""

from unittest.mock import patch

from odoo.addons.marketplace_base.tests.common import MarketplaceQueueCase
from odoo.tests import tagged


def order(order_id, state="paid", items=(("T-1", 2, "10.00"),), **values):
    lines = [{"sku": sku, "name": sku, "qty": qty, "price": price} for sku, qty, price in items]
    total = sum(qty * float(price) for _sku, qty, price in items)
    return {
        "id": order_id,
        "no": f"T-{order_id}",
        "state": state,
        "total": f"{total:.2f}",
        "buyer": {"id": "B-1", "name": "Ann", "email": "ann@x.test"},
        "items": lines,
        **values,
    }


@tagged("post_install", "-at_install")
class TestChannelOrders(MarketplaceQueueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account = cls.env["marketplace.account"].create(
            {"name": "Test shop", "channel": "test_channel"}
        )
        storable = {"type": "consu", "is_storable": True}
        cls.product = cls.env["product.product"].create(
            {"name": "Thing", "default_code": "T-1", **storable}
        )

    def import_orders(self, *orders):
        job = self.account._enqueue_job(
            "import_test_channel_orders", params={"orders": list(orders)}
        )
        self.run_jobs()
        self.assertEqual(job.state, "done", job.error_message)
        return job

    def so(self, order_id):
        return self.env["sale.order"].search(
            [
                ("marketplace_account_id", "=", self.account.id),
                ("marketplace_order_ref", "=", str(order_id)),
            ]
        )

    def test_orders_are_created_once_and_follow_their_status(self):
        job = self.import_orders(order(1, "new"), order(2, "paid"))
        self.assertEqual(job.summary, "2 orders created, 0 updated, 0 need attention")
        self.assertEqual((self.so(1).state, self.so(1).marketplace_status), ("draft", "pending"))
        self.assertEqual(self.so(2).state, "sale")
        self.assertEqual(self.so(2).order_line.product_id, self.product)
        self.assertEqual(self.so(2).marketplace_remote_status, "paid")
        self.assertTrue(self.so(2).marketplace_stock_remote, "no delivery in Odoo")
        self.assertFalse(self.so(2).picking_ids)
        job = self.import_orders(order(1, "paid"), order(2, "done"))
        self.assertEqual((job.result["orders_created"], job.result["orders_updated"]), (0, 2))
        self.assertEqual(self.so(1).state, "sale")
        self.assertEqual(self.so(2).marketplace_status, "delivered")
        self.assertEqual(self.so(2).order_line.qty_delivered, 2, "delivered by status")
        job = self.import_orders(order(1, "paid"))
        self.assertEqual(job.result["orders_unchanged"], 1)
        self.assertEqual(len(self.so(1)), 1)
        job = self.import_orders(order(3, "paid"), order(3, "cancelled"))
        self.assertEqual(self.so(3).state, "cancel", "a repeated order: its last version")

    def test_one_buyer_is_one_customer_across_imports(self):
        self.import_orders(order(1), order(2, buyer={"id": "B-1", "phone": "099"}))
        self.import_orders(order(3))
        partners = (self.so(1) | self.so(2) | self.so(3)).partner_id
        self.assertEqual(len(partners), 1)
        self.assertEqual((partners.ref, partners.name), ("B-1", "Ann"))

    def test_an_unknown_sku_holds_the_order_until_the_product_exists(self):
        job = self.import_orders(order(1, items=(("T-1", 1, "10"), ("T-NEW", 1, "5"))))
        so = self.so(1)
        self.assertEqual(job.summary, "1 order created, 0 updated, 1 needs attention")
        self.assertEqual((so.state, so.marketplace_missing_skus), ("draft", "T-NEW"))
        self.assertIn("T-NEW", so.marketplace_attention_reason)
        self.env["product.product"].create(
            {"name": "New", "default_code": "T-NEW", "type": "consu", "is_storable": True}
        )
        job = self.import_orders(order(1, items=(("T-1", 1, "10"), ("T-NEW", 1, "5"))))
        self.assertEqual(job.result["orders_updated"], 1)
        self.assertFalse(so.marketplace_attention, so.marketplace_attention_reason)
        self.assertEqual((so.state, so.amount_total), ("sale", 15))

    def test_a_total_odoo_cannot_match_is_held_with_the_difference(self):
        job = self.import_orders(order(1, total="20.01"))
        so = self.so(1)
        self.assertEqual(so.state, "draft", "not confirmed")
        self.assertIn("difference -0.01", so.marketplace_attention_reason)
        self.assertEqual(
            job.result["needs_attention_list"], [f"T-1: {so.marketplace_attention_reason}"]
        )

    def test_unreadable_orders_are_listed_and_a_long_import_continues_in_parts(self):
        orders = [order(n) for n in range(1, 6)] + [{"id": 9, "state": "lost"}]
        Job = type(self.env["marketplace.job"])
        with patch.object(Job, "_part_deadline", lambda self: 0):
            first = self.import_orders(*orders)
            self.run_jobs()
        parts = self.env["marketplace.job"].search(
            [("account_id", "=", self.account.id)], order="id"
        )
        self.assertEqual(len(parts), 3, "two orders a page, one page a part")
        self.assertEqual(first.result["orders_created"], 2)
        self.assertTrue(first.result["continued_in_job"])
        last = parts[-1].result
        self.assertEqual((last["orders_created"], last["unreadable_orders"]), (5, 1))
        self.assertIn("1 unreadable order", parts[-1].summary)
        self.assertEqual(
            len(self.env["sale.order"].search([("marketplace_account_id", "=", self.account.id)])),
            5,
        )
