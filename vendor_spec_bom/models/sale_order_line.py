"""Quotation lines: which ones are the discount that reaches a custom total."""

from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    vendor_spec_discount = fields.Boolean(
        string="Custom total discount",
        copy=False,
        readonly=True,
        help="Set on the discount line(s) that make the quotation reach its custom total; "
        "replaced each time a custom total is applied.",
    )
