from unittest.mock import patch

from odoo.tests.common import TransactionCase


class StockApplierCase(TransactionCase):
    """The applier with no channel: any channel hands it plain rows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # An account of a channel of its own: the applier needs none of a
        # channel addon's code, and this addon installs without one.
        Account = cls.env["marketplace.account"]
        with patch.dict(Account._fields["channel"]._selection, {"none": "None"}):
            cls.account = Account.create({"name": "Stock source", "channel": "none"})
        cls.location = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.products = cls.env["product.product"].create(
            [
                {
                    "name": f"Item {i}",
                    "default_code": f"SKU-{i}",
                    "type": "consu",
                    "is_storable": True,
                }
                for i in range(4)
            ]
        )
        cls.applier = cls.env["marketplace.stock.applier"]

    def on_hand(self, product):
        return product.with_context(location=self.location.id).qty_available

    def moves(self):
        return self.env["stock.move"].search(
            [("is_inventory", "=", True), ("product_id", "in", self.products.ids)]
        )
