"""Shared setup of the vendor BOM tests: products, a book, quotations, and
buttons clicked the way the web client clicks them."""

import base64
import io
from pathlib import Path

import openpyxl

from odoo.addons.marketplace_base.tests.common import click
from odoo.tests.common import TransactionCase

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name):
    return base64.b64encode((FIXTURES / name).read_bytes())


def xlsx(table):
    book = openpyxl.Workbook()
    for row in table:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return base64.b64encode(buffer.getvalue())


class VendorSpecCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.lot_a = Product.create(
            {"name": "LOT A", "default_code": "LOT_A", "list_price": 100, "standard_price": 60}
        )
        cls.lot_b = Product.create(
            {"name": "LOT B", "default_code": "LOT_B", "list_price": 10, "standard_price": 4}
        )
        cls.spare = Product.create({"name": "Spare", "default_code": "SPARE", "list_price": 5})
        cls.partner = cls.env["res.partner"].create({"name": "Customer"})
        cls.book = cls.import_book(
            "v1",
            [
                ["partnumber", "product", "primary", "description"],
                ["x1", "LOT_A", "yes", "server"],
                ["x2", "LOT_A", "", "rail kit"],
                ["x3", "LOT_A", "no", "cable"],
                ["y1", "LOT_B", "1", "disk"],
            ],
        )

    @classmethod
    def import_book(cls, name, table, **options):
        wizard = cls.env["vendor.partnumber.book.import"].create(
            {"name": name, "file": xlsx(table), "filename": "book.xlsx", **options}
        )
        action = wizard.action_import()
        if action["type"] == "ir.actions.client":  # a notice, then maybe the new book
            action = action["params"].get("next") or {"res_id": False}
        return cls.env["vendor.partnumber.book"].browse(action["res_id"])

    def quotation(self):
        return self.env["sale.order"].create({"partner_id": self.partner.id})

    def import_spec(self, order, paste=None, **values):
        action = click(order, "action_vendor_spec_import")
        self.assertEqual(action["context"]["default_order_id"], order.id)
        wizard = self.env["vendor.spec.import"].create(
            {"order_id": order.id, "paste": paste, **values}
        )
        click(wizard, "action_preview")
        click(wizard, "action_confirm")
        return wizard

    def estimate(self, order):
        click(order, "action_vendor_spec_recalculate")
        return {line.product_id.default_code: line.product_uom_qty for line in order.order_line}
