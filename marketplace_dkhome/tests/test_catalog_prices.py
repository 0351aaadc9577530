from odoo.tests import tagged

from .common import DkHomeCase, raw_item


@tagged("post_install", "-at_install")
class TestCatalogPrices(DkHomeCase):
    def pricelist(self, code):
        return self.env["product.pricelist"].search(
            [("marketplace_account_id", "=", self.account.id), ("marketplace_code", "=", code)]
        )

    def test_price_lists_per_currency_and_discount_list(self):
        self.account.dkhome_price_lists = "2"
        self.fake.items = [
            raw_item(
                "HAM-1",
                SalesPrice=100.0,
                Prices=[
                    {"PriceList": "1", "Currency": "EUR", "Price": 9.5},
                    {"PriceList": "2", "Currency": "EUR", "Price": 8.0},
                    {"PriceList": "2", "Currency": "SEK", "Price": 0},
                    {"PriceList": "7", "Currency": "EUR", "Price": 1.0},
                ],
            )
        ]
        job = self.sync()
        hammer = self.product("HAM-1")
        eur = self.pricelist("C-EUR")
        self.assertEqual(eur.name, "EUR Price")
        self.assertEqual(eur.currency_id.name, "EUR")
        self.assertAlmostEqual(eur._get_product_price(hammer, 1), 9.5)
        discount = self.pricelist("2-EUR")
        self.assertAlmostEqual(discount._get_product_price(hammer, 1), 8.0)
        self.assertFalse(self.pricelist("2-SEK"), "a zero price in a discount list is skipped")
        self.assertFalse(self.pricelist("7-EUR"), "unknown list skipped: list 1 is present")
        self.assertTrue(self.pricelist(f"C-{self.currency}"), "the default list is always there")
        self.assertEqual(job.result["zero_prices_skipped"], 1)

        # a changed price updates the rule instead of adding one
        self.fake.items[0]["Prices"][0]["Price"] = 9.0
        self.sync(full=True)
        self.assertEqual(len(eur.item_ids), 1)
        self.assertAlmostEqual(eur._get_product_price(hammer, 1), 9.0)

    def test_tier_prices_follow_the_sale_order_line_quantity(self):
        self.fake.items = [
            raw_item(
                "HAM-1",
                SalesPrice=100.0,
                QuantityBreaks=[
                    {"FromQuantity": 10, "DiscountPercent": 5},
                    {"FromQuantity": 50, "Price": 80},
                ],
            )
        ]
        self.sync()
        hammer = self.product("HAM-1")
        default = self.pricelist(f"C-{self.currency}")
        partner = self.env["res.partner"].create({"name": "Customer"})
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "pricelist_id": default.id,
                "order_line": [
                    (0, 0, {"product_id": hammer.id, "product_uom_qty": qty}) for qty in (1, 10, 60)
                ],
            }
        )
        self.assertEqual([unit_price(line) for line in order.order_line], [100.0, 95.0, 80.0])
        line = order.order_line[0]
        line.product_uom_qty = 12
        self.assertEqual(unit_price(line), 95.0)


def unit_price(line):
    """What the customer pays per unit, whether the rule shows as a discount or a price."""
    return round(line.price_subtotal / line.product_uom_qty, 2)
