from odoo import fields, models


class ProductSupplierinfo(models.Model):
    _inherit = "product.supplierinfo"

    active = fields.Boolean(
        default=True, help="Archived vendor prices are kept for history but not used."
    )
