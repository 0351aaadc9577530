"""Purchase lines keep the vendor price's digits (0.018 € stays 0.018)."""

from odoo import fields, models

from .product_supplierinfo import VENDOR_PRICE


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    price_unit = fields.Float(digits=VENDOR_PRICE)

    def _compute_price_unit_and_date_planned_and_name(self):
        # Odoo rounds the vendor's price to the "Product Price" digits here.
        return super(
            PurchaseOrderLine, self.with_context(product_price_digits=VENDOR_PRICE)
        )._compute_price_unit_and_date_planned_and_name()
