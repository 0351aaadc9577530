"""Lines of orders whose stock Zortout moves: no Odoo delivery, delivered by status."""

from odoo import api, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.depends("order_id.zortout_stock_in_zortout")
    def _compute_qty_delivered_method(self):
        """Delivered quantities of Zortout-master orders are set by the import."""
        super()._compute_qty_delivered_method()
        for line in self:
            if line.order_id.zortout_stock_in_zortout:
                line.qty_delivered_method = "manual"

    def _action_launch_stock_rule(self, previous_product_uom_qty=False):
        """No delivery for Zortout-master orders: Zortout moved the stock already,
        and the stock sync brings its quantities into Odoo."""
        lines = self.filtered(lambda line: not line.order_id.zortout_stock_in_zortout)
        return super(SaleOrderLine, lines)._action_launch_stock_rule(previous_product_uom_qty)
