from odoo.tests import HttpCase, tagged

from .common import click, xlsx


@tagged("post_install", "-at_install")
class TestVendorBomTour(HttpCase):
    """The README's vendor BOM path, clicked through in a real browser."""

    def test_paste_preview_confirm_recalculate(self):
        Product = self.env["product.product"]
        lot_a = Product.create({"name": "LOT A", "default_code": "LOT_A", "list_price": 100})
        lot_b = Product.create({"name": "LOT B", "default_code": "LOT_B", "list_price": 10})
        wizard = self.env["vendor.partnumber.book.import"].create(
            {
                "name": "Tour book",
                "filename": "book.xlsx",
                "file": xlsx(
                    [
                        ["partnumber", "product", "primary", "description"],
                        ["x1", "LOT_A", "yes", "server"],
                        ["y1", "LOT_B", "yes", "disk"],
                    ]
                ),
            }
        )
        click(wizard, "action_import")
        partner = self.env["res.partner"].create({"name": "Tour customer"})
        order = self.env["sale.order"].create({"partner_id": partner.id})
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{order.id}",
            "vendor_spec_bom_tour",
            login="admin",
        )
        quantities = {line.product_id: line.product_uom_qty for line in order.order_line}
        self.assertEqual(quantities, {lot_a: 2, lot_b: 4})
        self.assertEqual(len(order.vendor_spec_line_ids), 3)
