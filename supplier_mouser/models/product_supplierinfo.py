"""Vendor prices: archivable, and as precise as a reel price needs."""

from odoo import fields, models

VENDOR_PRICE = "Vendor Price"


class ProductSupplierinfo(models.Model):
    _inherit = "product.supplierinfo"

    active = fields.Boolean(
        default=True, help="Archived vendor prices are kept for history but not used."
    )
    price = fields.Float(digits=VENDOR_PRICE)
