from unittest.mock import patch

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestAdjustmentReconciliation(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.location = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.products = cls.env["product.product"].create(
            [
                {"name": f"Adjusted {i}", "is_storable": True, "standard_price": 2.0}
                for i in range(3)
            ]
        )

    def count_reconciliations(self):
        """Count account.move.line._reconcile_plan calls while still running them."""
        AccountMoveLine = type(self.env["account.move.line"])
        original = AccountMoveLine._reconcile_plan
        calls = []

        def counting(records, plan):
            calls.append(plan)
            return original(records, plan)

        return calls, patch.object(AccountMoveLine, "_reconcile_plan", counting)

    def test_adjustments_are_valued_without_empty_reconciliations(self):
        self.env.company.anglo_saxon_accounting = True
        Quant = self.env["stock.quant"].with_context(inventory_mode=True)
        quants = Quant.create(
            [
                {"product_id": p.id, "location_id": self.location.id, "inventory_quantity": 5}
                for p in self.products
            ]
        )
        calls, patcher = self.count_reconciliations()
        with patcher:
            quants.action_apply_inventory()

        self.assertEqual(calls, [])
        self.assertEqual(self.products.mapped("qty_available"), [5.0, 5.0, 5.0])
        layers = self.env["stock.valuation.layer"].search([("product_id", "in", self.products.ids)])
        self.assertEqual(sorted(layers.mapped("value")), [10.0, 10.0, 10.0])

    def test_invoices_are_still_reconciled_by_odoo(self):
        self.env.company.anglo_saxon_accounting = True
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.env["res.partner"].create({"name": "Customer"}).id,
                "invoice_line_ids": [
                    (0, 0, {"product_id": self.products[0].id, "quantity": 1, "price_unit": 9})
                ],
            }
        )
        calls, patcher = self.count_reconciliations()
        with patcher:
            invoice._stock_account_anglo_saxon_reconcile_valuation()

        self.assertEqual(len(calls), 2)  # Odoo's own reconciliation ran
