"""Pricing page: one vendor total, vendor precision, custom totals."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VendorSpecCase, click


@tagged("post_install", "-at_install")
class TestPricing(VendorSpecCase):
    def test_vendor_total_is_every_priced_row_and_names_the_unresolved_part(self):
        order = self.quotation()
        self.import_spec(
            order, "PN\tQty\tUnit\tTotal\nx1\t2\t150\t300\nzz-9\t1\t6,66\t6,66\ny1\t4\t9\t36"
        )
        self.assertEqual(order.vendor_spec_vendor_total, 342.66)
        self.assertEqual(order.vendor_spec_unresolved_total, 6.66)
        self.assertEqual(order.vendor_spec_unresolved_count, 1)
        html = str(order.vendor_spec_pricing_html)
        self.assertIn("Unresolved (1 line(s)", html)
        self.assertIn("342.66", html)
        self.assertIn("not estimated", html, "no 0.00 for our price before Recalculate")
        self.assertNotIn("$\u00a00.00", html)
        footer = sum(order.vendor_spec_line_ids.mapped("total_price"))
        self.assertEqual(footer, order.vendor_spec_vendor_total, "the BOM page footer agrees")
        self.estimate(order)
        self.assertEqual(order.vendor_spec_vendor_total, 342.66, "the same after Recalculate")

    def test_unit_prices_keep_the_vendors_precision(self):
        order = self.quotation()
        self.import_spec(order, "PN\tQty\tUnit price\ny1\t100\t0.018")
        line = order.vendor_spec_line_ids
        self.assertEqual(line.unit_price, 0.018)
        self.assertAlmostEqual(line.total_price, 1.80, places=2)
        self.assertAlmostEqual(line.unit_price * line.quantity, line.total_price, places=6)
        self.assertIn("0.01800", str(order.vendor_spec_pricing_html))
        # ...without touching the company's sales price precision
        self.assertEqual(self.env["decimal.precision"].precision_get("Product Price"), 2)

    def priced_order(self):
        order = self.quotation()
        self.import_spec(order, "x1\t2\t150\t300\ny1\t4\t9\t36")
        self.estimate(order)
        self.assertEqual(order.amount_untaxed, 240)
        return order

    def test_custom_total_below_the_list_total_is_exact_to_the_cent(self):
        order = self.priced_order()
        order.vendor_spec_custom_total = 199.99
        click(order, "action_vendor_spec_apply_custom_total")
        self.assertEqual(order.amount_untaxed, 199.99)
        products = order.order_line.filtered(lambda r: not r.vendor_spec_discount)
        self.assertEqual(products.mapped("price_unit"), [100, 10], "unit prices unchanged")
        discount = order.order_line.filtered("vendor_spec_discount")
        self.assertEqual(len(discount), 1, "one uniform discount")
        self.assertIn("16.6708", discount.name)
        order.vendor_spec_custom_total = 180
        click(order, "action_vendor_spec_apply_custom_total")
        self.assertEqual(order.amount_untaxed, 180)
        self.assertEqual(len(order.order_line.filtered("vendor_spec_discount")), 1, "replaced")

    def test_match_vendor_total_above_the_list_total_asks_first(self):
        order = self.priced_order()
        action = click(order, "action_vendor_spec_match_vendor_total")
        self.assertEqual(action["res_model"], "vendor.spec.markup")
        self.assertEqual(order.amount_untaxed, 240, "nothing changes before confirmation")
        wizard = self.env["vendor.spec.markup"].browse(action["res_id"])
        self.assertEqual(wizard.markup_percent, 40.0)
        self.assertEqual(wizard.line_ids, order.order_line)
        click(wizard, "action_confirm")
        self.assertEqual(order.order_line.mapped("price_unit"), [140, 14])
        self.assertEqual(order.amount_untaxed, 336)

    def test_a_markup_left_unconfirmed_keeps_the_earlier_discount(self):
        order = self.priced_order()
        order.vendor_spec_custom_total = 200
        click(order, "action_vendor_spec_apply_custom_total")
        order.vendor_spec_custom_total = 300
        action = click(order, "action_vendor_spec_apply_custom_total")
        self.assertEqual(action["res_model"], "vendor.spec.markup")
        self.assertEqual(order.amount_untaxed, 200, "the wizard closed: nothing changed")
        click(self.env["vendor.spec.markup"].browse(action["res_id"]), "action_confirm")
        self.assertFalse(order.order_line.filtered("vendor_spec_discount"))
        self.assertEqual(order.amount_untaxed, 300)

    def test_confirmed_order_refuses_vendor_bom_changes(self):
        order = self.priced_order()
        order.action_confirm()
        for method in (
            "action_vendor_spec_import",
            "action_vendor_spec_recalculate",
            "action_vendor_spec_apply_custom_total",
        ):
            with self.assertRaisesRegex(UserError, "is confirmed"):
                click(order, method)
