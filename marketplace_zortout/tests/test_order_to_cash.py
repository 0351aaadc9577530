"""Zortout orders to invoices, payments and credit notes, through the real
import job against the fake server: on a company with the generic chart of
accounts (the suite's own VAT taxes) and on one with Thailand's (l10n_th)."""

import unittest
from datetime import date
from decimal import Decimal

from odoo import fields
from odoo.tests import tagged

from .common import ZortoutCase
from .test_orders import recent
from .zortout_server import format_number, make_order


def payment(amount, day="2026-11-20 10:00", name="Bank transfer", pay_id=1):
    return {
        "id": pay_id,
        "name": name,
        "amount": format_number(Decimal(str(amount))),
        "paymentdatetimeString": day,
    }


class OrderToCashCase(ZortoutCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        if not cls.company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=cls.company, install_demo=False
            )
        cls.setup_journals()

    @classmethod
    def setup_journals(cls):
        Journal = cls.env["account.journal"]
        company = cls.account.company_id
        cls.bank = Journal.search([("type", "=", "bank"), ("company_id", "=", company.id)], limit=1)
        cls.cash = Journal.search([("type", "=", "cash"), ("company_id", "=", company.id)], limit=1)
        cls.cash = cls.cash or Journal.create(
            {"name": "Cash", "code": "CSH1", "type": "cash", "company_id": company.id}
        )

    def setUp(self):
        super().setUp()
        self.fake.orders = []
        self.minutes_ago = 600
        self.account.write(
            {
                "order_invoice_policy": "paid",
                "order_payment_journal_id": self.bank.id,
                "order_payment_method_ids": [
                    (5, 0, 0),
                    (0, 0, {"name": "COD", "journal_id": self.cash.id}),
                ],
            }
        )

    def order(self, order_id, lines=(("A-1", 2, 100),), paid=None, **kwargs):
        """A recently updated Zortout order; ``paid``: the amount paid (its
        payments list one payment of it), default the whole amount."""
        self.minutes_ago -= 1
        kwargs.setdefault("updated", recent(self.minutes_ago))
        item = make_order(order_id, list(lines), **kwargs)
        if paid is not None:
            item["paymentamount"] = format_number(Decimal(str(paid)))
            item["payments"] = [payment(paid)] if paid else []
        elif "payments" not in kwargs:
            item["payments"] = [payment(item["amount"])]
        self.fake.orders = [o for o in self.fake.orders if o["id"] != order_id] + [item]
        return item

    def import_orders(self, keep_window=False):
        if not keep_window:
            self.account.order_window_start = False
        job = self.account._zortout_enqueue_orders()
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

    def invoices(self, so):
        return so.invoice_ids.filtered(lambda m: m.move_type == "out_invoice")

    def refunds(self, so):
        return so.invoice_ids.filtered(lambda m: m.move_type == "out_refund")

    def assert_counts(self, job, invoices=0, payments=0, credit_notes=0):
        self.assertEqual(
            (
                job.result["invoices_created"],
                job.result["payments_registered"],
                job.result["credit_notes_created"],
            ),
            (invoices, payments, credit_notes),
            job.result,
        )


@tagged("post_install", "-at_install")
class TestOrderToCash(OrderToCashCase):
    def test_a_paid_order_is_invoiced_to_the_satang_paid_and_never_twice(self):
        item = self.order(
            1,
            [("A-1", 3, 33.33), ("A-2", 1, 19.99, "5%")],
            status="Packed",
            shipping=40,
            discount="10",
        )
        job = self.import_orders()
        self.assert_counts(job, invoices=1, payments=1)
        self.assertIn("1 invoiced, 1 payments registered", job.summary)
        so = self.so(1)
        invoice = self.invoices(so)
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.currency_id.name, "THB", "the order's currency")
        self.assertEqual(Decimal(str(invoice.amount_total)), Decimal(item["amount"]))
        self.assertEqual(invoice.payment_state, "paid")
        self.assertEqual(invoice.invoice_line_ids.sale_line_ids.order_id, so)
        self.assertEqual(so.invoice_status, "invoiced")
        origin = invoice.message_ids.filtered(lambda m: so.name in str(m.body))
        self.assertEqual(len(origin), 1, "the invoice's chatter says which order it comes from")
        self.assertIn(f'data-oe-id="{so.id}"', str(origin.body))
        pay = so.marketplace_payment_ids
        self.assertEqual((pay.journal_id, pay.date), (self.bank, date(2026, 11, 20)))
        self.assertIn(pay, invoice.matched_payment_ids)
        job = self.import_orders()
        self.assert_counts(job)
        self.assertEqual(job.result["orders_unchanged"], 1)
        self.assertEqual(len(self.so(1).invoice_ids), 1)
        self.assertEqual(len(self.so(1).marketplace_payment_ids), 1)

    def test_never_is_the_default_and_invoices_nothing(self):
        self.account.order_invoice_policy = "never"
        self.order(1, status="Packed")
        job = self.import_orders()
        self.assert_counts(job)
        self.assertFalse(self.so(1).invoice_ids)
        self.assertEqual(
            self.env["marketplace.account"].new({"channel": "zortout"}).order_invoice_policy,
            "never",
        )

    def test_partial_payment_then_the_rest(self):
        self.account.order_invoice_policy = "confirmed"
        item = self.order(1, status="Packed", paymentstatus="Partial", paid=50)
        job = self.import_orders()
        self.assert_counts(job, invoices=1, payments=1)
        invoice = self.invoices(self.so(1))
        self.assertEqual(invoice.payment_state, "partial")
        self.assertAlmostEqual(invoice.amount_residual, float(item["amount"]) - 50)
        self.order(
            1,
            status="Packed",
            paymentstatus="Paid",
            payments=[
                payment(50),
                payment(float(item["amount"]) - 50, "2026-11-22 09:00", pay_id=2),
            ],
        )
        job = self.import_orders()
        self.assert_counts(job, payments=1)
        self.assertEqual(invoice.payment_state, "paid")
        pays = self.so(1).marketplace_payment_ids.sorted("id")
        self.assertEqual(pays.mapped("amount"), [50, float(item["amount"]) - 50])
        self.assertEqual(pays[1].date, date(2026, 11, 22))

    def test_partial_under_the_paid_policy_waits_for_the_whole_payment(self):
        self.order(1, status="Packed", paymentstatus="Partial", paid=50)
        job = self.import_orders()
        self.assert_counts(job)
        self.assertFalse(self.so(1).invoice_ids)

    def test_overpaid_leaves_the_excess_as_the_customers_credit(self):
        item = self.order(1, status="Packed", paymentstatus="Overpaid", paid=234)
        job = self.import_orders()
        self.assert_counts(job, invoices=1, payments=1)
        so = self.so(1)
        invoice = self.invoices(so)
        self.assertEqual(invoice.payment_state, "paid")
        pay = so.marketplace_payment_ids
        self.assertEqual(pay.amount, 234)
        open_line = pay.move_id.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        excess = 234 - float(item["amount"])
        self.assertAlmostEqual(-open_line.amount_residual_currency, excess)
        self.assertFalse(
            pay.move_id.line_ids.filtered(lambda line: "Write" in (line.name or "")),
            "never written off",
        )

    def test_cash_on_delivery_is_paid_when_zortout_says_paid(self):
        self.account.order_invoice_policy = "confirmed"
        self.order(1, status="Shipping", isCOD=True, paymentstatus="Pending", paid=0)
        job = self.import_orders()
        self.assert_counts(job, invoices=1)
        invoice = self.invoices(self.so(1))
        self.assertEqual(invoice.payment_state, "not_paid")
        item = self.order(1, status="Success", isCOD=True, paymentstatus="Paid", payments=[])
        item["payments"] = [payment(item["amount"], name="COD")]
        job = self.import_orders()
        self.assert_counts(job, payments=1)
        self.assertEqual(invoice.payment_state, "paid")
        self.assertEqual(self.so(1).marketplace_payment_ids.journal_id, self.cash, "COD mapped")

    def test_a_payment_voided_after_it_was_registered_is_flagged_not_undone(self):
        self.order(1, status="Packed")
        self.import_orders()
        payment_done = self.so(1).marketplace_payment_ids
        self.order(1, status="Packed", paymentstatus="Voided")
        job = self.import_orders()
        self.assert_counts(job)
        so = self.so(1)
        self.assertTrue(so.marketplace_attention)
        self.assertIn("refund or cancel the difference", so.marketplace_attention_reason)
        self.assertEqual(so.marketplace_payment_ids, payment_done)
        self.assertEqual(payment_done.state, "paid")

    def test_sales_channel_setting_overrides_the_account(self):
        self.account.order_sales_channel_ids = [
            (0, 0, {"name": "lazada", "invoice_policy": "never"}),
            (0, 0, {"name": "Shopee", "journal_id": self.cash.id}),
        ]
        self.order(1, status="Packed", saleschannel="Lazada")
        self.order(2, status="Packed", saleschannel="Shopee")
        job = self.import_orders()
        self.assert_counts(job, invoices=1, payments=1)
        self.assertFalse(self.so(1).invoice_ids)
        self.assertEqual(self.so(2).marketplace_payment_ids.journal_id, self.cash)

    def test_returned_after_invoicing_gets_one_credit_note(self):
        item = self.order(1, status="Success")
        self.import_orders()
        invoice = self.invoices(self.so(1))
        self.order(1, status="Returned")
        job = self.import_orders()
        self.assert_counts(job, credit_notes=1)
        so = self.so(1)
        refund = self.refunds(so)
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.reversed_entry_id, invoice)
        self.assertEqual(Decimal(str(refund.amount_total)), Decimal(item["amount"]))
        self.assertEqual(so.state, "sale", "not cancelled")
        self.assertFalse(so.marketplace_attention)
        job = self.import_orders()
        self.assert_counts(job)
        self.assertEqual(len(self.refunds(self.so(1))), 1)

    def test_returned_with_odoo_as_stock_master_returns_the_delivery(self):
        self.account.stock_master = "odoo"
        self.env["stock.quant"]._update_available_quantity(self.a1, self.location, 10)
        self.order(1, status="Success")
        self.import_orders()
        delivery = self.so(1).picking_ids
        self.assertEqual(delivery.state, "done")
        self.order(1, status="Returned")
        job = self.import_orders()
        self.assert_counts(job, credit_notes=1)
        self.assertEqual(len(delivery.return_ids), 1)
        self.assertEqual(delivery.return_ids.move_ids.product_uom_qty, 2)
        self.import_orders()
        self.order(1, status="Returned", paymentstatus="Voided")
        self.import_orders()
        self.assertEqual(len(delivery.return_ids), 1, "once")
        self.assertEqual(len(self.refunds(self.so(1))), 1, "once")

    def test_voided_after_invoicing_is_flagged_not_cancelled(self):
        self.order(1, status="Packed")
        self.import_orders()
        invoice = self.invoices(self.so(1))
        self.order(1, status="Voided")
        job = self.import_orders()
        so = self.so(1)
        self.assertEqual(so.state, "sale")
        self.assertTrue(so.marketplace_attention)
        self.assertIn("after it was invoiced", so.marketplace_attention_reason)
        self.assertIn(invoice.name, so.marketplace_attention_reason)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(job.result["needs_attention"], 1)

    def test_no_journal_puts_the_order_in_attention_and_the_next_import_pays_it(self):
        self.account.order_payment_journal_id = False
        self.order(1, status="Packed")
        self.order(2, status="Packed", payments=[payment(200, name="COD")])
        job = self.import_orders()
        self.assert_counts(job, invoices=2, payments=1)
        first = self.so(1)
        self.assertTrue(first.marketplace_attention)
        self.assertIn("No payment journal", first.marketplace_attention_reason)
        self.assertEqual(self.so(2).marketplace_payment_ids.journal_id, self.cash)
        self.assertFalse(self.so(2).marketplace_attention)
        self.account.order_payment_journal_id = self.bank
        job = self.import_orders()
        self.assert_counts(job, payments=1)
        self.assertFalse(self.so(1).marketplace_attention)
        self.assertEqual(self.invoices(self.so(1)).payment_state, "paid")
        job = self.import_orders()
        self.assert_counts(job)
        self.assertEqual(job.result["orders_unchanged"], 2)

    def test_a_refused_payment_puts_its_order_in_attention_and_the_rest_goes_on(self):
        broken = self.bank.copy({"name": "PromptPay", "code": "PPAY"})
        method_lines = broken.inbound_payment_method_line_ids
        broken.inbound_payment_method_line_ids = [(5, 0, 0)]
        self.account.order_payment_method_ids = [
            (0, 0, {"name": "PromptPay", "journal_id": broken.id})
        ]
        self.order(1, status="Packed", payments=[payment(200, name="PromptPay")])
        self.order(2, status="Packed")
        job = self.import_orders()
        self.assert_counts(job, invoices=2, payments=1)
        first = self.so(1)
        self.assertTrue(first.marketplace_attention)
        self.assertTrue(first.marketplace_cash_retry)
        self.assertIn("no incoming payment method", first.marketplace_attention_reason)
        self.assertEqual(self.invoices(self.so(2)).payment_state, "paid")
        broken.inbound_payment_method_line_ids = [
            (0, 0, {"payment_method_id": line.payment_method_id.id}) for line in method_lines
        ] or [
            (
                0,
                0,
                {"payment_method_id": self.env.ref("account.account_payment_method_manual_in").id},
            )
        ]
        self.account.order_window_start = fields.Datetime.now()
        before = len(self.server.requests)
        job = self.import_orders(keep_window=True)
        self.assertEqual(job.result["orders_created"], 0)
        requests = [r for r in self.server.requests[before:] if r.path == "/v4/Order/GetOrders"]
        self.assertTrue(
            any(r.headers.get("orderidlist") == "1" for r in requests),
            "out of the window, the order to retry is read again by id",
        )
        self.assert_counts(job, payments=1)
        self.assertFalse(self.so(1).marketplace_attention)
        self.assertEqual(self.so(1).marketplace_payment_ids.journal_id, broken)


@tagged("post_install", "-at_install")
class TestOrderToCashThai(TestOrderToCash):
    """A company with Thailand's chart of accounts: its VAT 7%, in baht; every
    case of the class above again there."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.env["ir.module.module"]._get("l10n_th").state != "installed":
            raise unittest.SkipTest("l10n_th is not installed")
        baht = cls.env.ref("base.THB")
        baht.active = True
        company = cls.env["res.company"].create(
            {"name": "Thai shop", "country_id": cls.env.ref("base.th").id, "currency_id": baht.id}
        )
        cls.env.user.company_ids |= company
        cls.env["account.chart.template"].try_loading("th", company=company, install_demo=False)
        warehouse = cls.env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
        cls.location = warehouse.lot_stock_id
        cls.account.write(
            {
                "company_id": company.id,
                "stock_location_id": cls.location.id,
                "order_tax_included_id": False,
                "order_tax_excluded_id": False,
            }
        )
        cls.setup_journals()

    def test_thai_vat_of_the_chart_is_used_included_and_excluded(self):
        company = self.account.company_id
        vat = self.env["account.chart.template"].with_company(company).ref("tax_output_vat")
        self.order(1, status="Packed", vattype=2)
        item = self.order(2, status="Packed", vattype=3)
        job = self.import_orders()
        self.assert_counts(job, invoices=2, payments=2)
        self.assertEqual(self.so(1).order_line.tax_id, vat)
        included = self.so(2).order_line.tax_id
        self.assertTrue(included.price_include)
        self.assertEqual(included.tax_group_id, vat.tax_group_id)
        self.assertEqual(
            included.invoice_repartition_line_ids.account_id,
            vat.invoice_repartition_line_ids.account_id,
        )
        invoice = self.invoices(self.so(2))
        self.assertEqual(invoice.currency_id, company.currency_id)
        self.assertEqual(Decimal(str(invoice.amount_total)), Decimal(item["amount"]))
        self.assertEqual(invoice.payment_state, "paid")
        self.assertFalse(
            self.env["account.tax"]
            .search([("company_id", "=", company.id), ("name", "like", "VAT 7%")])
            .filtered(lambda t: t not in (vat | included)),
            "none of the suite's own taxes",
        )

    def test_returned_after_invoicing_on_the_thai_chart(self):
        self.order(1, status="Success")
        self.import_orders()
        self.order(1, status="Returned")
        job = self.import_orders()
        self.assert_counts(job, credit_notes=1)
        self.assertEqual(self.refunds(self.so(1)).state, "posted")

    def test_orders_stay_in_baht_when_the_default_pricelist_is_in_another_currency(self):
        """A company in baht whose first pricelist is in dollars (an export
        price list, or one kept from before the currency changed)."""
        company = self.account.company_id
        self.env["product.pricelist"].create(
            {
                "name": "Export (USD)",
                "currency_id": self.env.ref("base.USD").id,
                "company_id": company.id,
                "sequence": 1,
            }
        )
        item = self.order(1, status="Packed", vattype=3)
        self.import_orders()
        self.assertEqual(self.so(1).currency_id, company.currency_id)
        self.assertEqual(Decimal(str(self.so(1).amount_total)), Decimal(item["amount"]))
