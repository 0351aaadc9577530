"""Confirm a custom total above the list total: every listed line's unit price
goes up by the same percentage, nothing changes until confirmed."""

from odoo import fields, models


class VendorSpecMarkup(models.TransientModel):
    _name = "vendor.spec.markup"
    _description = "Confirm a Markup to Reach the Custom Total"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="order_id.currency_id")
    list_total = fields.Monetary(readonly=True)
    target_total = fields.Monetary(string="Custom total", readonly=True)
    markup_percent = fields.Float(string="Markup (%)", digits=(16, 2), readonly=True)
    line_ids = fields.Many2many("sale.order.line", string="Lines whose unit price goes up")

    def action_confirm(self):
        self.ensure_one()
        order = self.order_id
        order._check_vendor_spec_editable()
        order._vendor_spec_apply_markup(self.line_ids, self.list_total, self.target_total)
        return {"type": "ir.actions.act_window_close"}
