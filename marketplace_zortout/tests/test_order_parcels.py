"""Zortout's parcels on Odoo's deliveries and sale orders: from the order
import and from the tracking webhook, through the real jobs and controller."""

import json

from odoo.tests import HttpCase, tagged

from .common import ZortoutCase
from .zortout_server import make_order, webhook_order_body

TOKEN = "t0ken-" + "x" * 30


class ParcelsMixin:
    def carrier(self, name):
        """A delivery method of the company (Odoo's fixed-price provider)."""
        product = self.env["product.product"].create({"name": f"{name} fee", "type": "service"})
        return self.env["delivery.carrier"].create({"name": name, "product_id": product.id})

    def serve(self, order_id, lines=(("A-1", 2, "100"),), **kwargs):
        """A Zortout order, served by the fake server in place of its earlier version."""
        item = make_order(order_id, list(lines), **kwargs)
        self.fake.orders = [o for o in self.fake.orders if o["id"] != order_id] + [item]
        return item

    def so(self, order_id):
        return self.env["sale.order"].search(
            [
                ("marketplace_account_id", "=", self.account.id),
                ("marketplace_order_ref", "=", str(order_id)),
            ]
        )

    def import_orders(self, *order_ids):
        job = self.account._zortout_enqueue_orders(params={"order_ids": list(order_ids)})
        self.run_jobs()
        self.assertEqual(job.state, "done", job.error_message)
        return job


@tagged("post_install", "-at_install")
class TestOrderParcels(ParcelsMixin, ZortoutCase):
    def setUp(self):
        super().setUp()
        self.fake.orders = []

    def test_odoo_master_delivery_gets_the_tracking_and_the_carrier_of_that_name(self):
        kerry = self.carrier("KERRY")
        self.account.stock_master = "odoo"
        self.serve(1, status="Packed", trackingno="TH111", shippingchannel="Kerry")
        job = self.import_orders(1)
        so = self.so(1)
        self.assertEqual(so.picking_ids.carrier_tracking_ref, "TH111")
        self.assertEqual(so.picking_ids.carrier_id, kerry, "matched by name, any case")
        self.assertEqual(so.marketplace_tracking, "TH111 (Kerry)")
        self.assertEqual(job.result["deliveries_tracked"], 1)

        # shipped: the delivery is validated, its tracking left as it is
        self.serve(1, status="Shipping", trackingno="TH111", shippingchannel="Kerry")
        job = self.import_orders(1)
        self.assertEqual(job.result["orders_updated"], 1)
        self.assertEqual(so.picking_ids.state, "done")
        self.assertEqual(so.picking_ids.carrier_tracking_ref, "TH111")
        self.assertNotIn("deliveries_tracked", job.result, "nothing to change")
        job = self.import_orders(1)
        self.assertEqual(job.result["orders_unchanged"], 1)
        self.assertNotIn("deliveries_tracked", job.result)
        self.assertEqual(
            self.env["delivery.carrier"].search_count([("name", "=ilike", "kerry")]),
            1,
            "no carrier created",
        )

    def test_several_parcels_and_an_unknown_carrier_stay_text(self):
        self.account.stock_master = "odoo"
        self.serve(
            2,
            status="Packed",
            trackingList=[
                {"trackingno": "FL-1", "shippingchannel": "Flash"},
                {"trackingno": "KE-2", "shippingchannel": "Kerry"},
            ],
        )
        self.import_orders(2)
        picking = self.so(2).picking_ids
        self.assertEqual(picking.carrier_tracking_ref, "FL-1,KE-2")
        self.assertFalse(picking.carrier_id, "two carriers, and none known to Odoo")
        self.assertEqual(self.so(2).marketplace_tracking, "FL-1 (Flash), KE-2 (Kerry)")

    def test_a_number_typed_in_odoo_stays_while_zortout_names_no_parcel(self):
        self.account.stock_master = "odoo"
        self.serve(3, status="Packed")
        self.import_orders(3)
        picking = self.so(3).picking_ids
        picking.carrier_tracking_ref = "TYPED-1"
        self.serve(3, status="Shipping")
        self.import_orders(3)
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.carrier_tracking_ref, "TYPED-1")
        self.assertFalse(self.so(3).marketplace_tracking)

    def test_remote_master_order_shows_its_tracking_on_the_sale_order(self):
        self.assertEqual(self.account.stock_master, "remote")
        self.serve(4, status="Shipping", trackingList=["TH-A", {"tracking": "TH-B"}])
        self.import_orders(4)
        so = self.so(4)
        self.assertFalse(so.picking_ids, "Zortout moves the stock: no delivery")
        self.assertEqual(so.marketplace_tracking, "TH-A (Kerry), TH-B (Kerry)")
        found = self.env["sale.order"].search([("marketplace_tracking", "ilike", "th-b")])
        self.assertEqual(found, so, "searchable")


@tagged("post_install", "-at_install")
class TestTrackingAndPaymentWebhooks(ParcelsMixin, ZortoutCase, HttpCase):
    """UPDATEORDERTRACKING and UPDATEORDERPAYMENT through the real controller and jobs."""

    registry_test_mode = False  # MarketplaceQueueCase enters it

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account.sudo().zortout_webhook_token = TOKEN

    def setUp(self):
        super().setUp()
        self.fake.orders = []

    def post(self, event, body):
        response = self.opener.post(
            f"{self.base_url()}/marketplace/zortout/{self.account.id}/webhook/{event}",
            data=json.dumps(body),
            headers={"Content-Type": "application/json", "key1": TOKEN, "key2": "x", "key3": "1"},
            timeout=10,
        )
        self.assertEqual(response.status_code, 200, response.text)

    def imports(self):
        return self.env["marketplace.job"].search(
            [
                ("account_id", "=", self.account.id),
                ("job_type", "=", "import_orders_from_zortout"),
            ],
            order="id",
        )

    def test_a_tracking_event_puts_the_new_number_on_the_shipped_delivery(self):
        kerry = self.carrier("Kerry")
        self.account.stock_master = "odoo"
        self.post("addorder", webhook_order_body(self.serve(701, status="Success")))
        self.run_jobs()
        picking = self.so(701).picking_ids
        self.assertEqual(picking.state, "done")
        self.assertFalse(picking.carrier_tracking_ref)

        # the number reaches Zortout after shipping; two parcels of one carrier
        tracked = self.serve(
            701,
            status="Success",
            trackingno="KE-1",
            trackingList=[{"trackingno": "KE-2", "shippingchannel": "kerry"}],
        )
        self.post("updateordertracking", webhook_order_body(tracked))
        self.run_jobs()
        self.assertEqual(self.imports()[-1].params, {"order_ids": [701]})
        self.assertEqual(picking.carrier_tracking_ref, "KE-1,KE-2")
        self.assertEqual(picking.carrier_id, kerry)
        self.assertEqual(self.so(701).marketplace_tracking, "KE-1 (Kerry), KE-2 (kerry)")
        events = self.env["marketplace.webhook.event"].search(
            [("account_id", "=", self.account.id)]
        )
        self.assertEqual(sorted(events.mapped("event_type")), ["addorder", "updateordertracking"])
        self.assertEqual(set(events.mapped("state")), {"done"})

    def test_a_payment_event_imports_exactly_that_order(self):
        paid = self.serve(801, status="Pending", paymentstatus="Paid")
        self.serve(802, status="Pending")
        self.post("updateorderpayment", webhook_order_body(paid))
        self.run_jobs()
        imports = self.imports()
        self.assertEqual(imports.mapped("params"), [{"order_ids": [801]}])
        self.assertEqual(imports.state, "done", imports.error_message)
        self.assertTrue(self.so(801))
        self.assertFalse(self.so(802), "an order no event named is not imported")
