"""Lines of orders whose stock the remote system moves: no Odoo delivery,
delivered by the remote status."""

from odoo import api, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.depends("order_id.marketplace_stock_remote")
    def _compute_qty_delivered_method(self):
        """Delivered quantities of such orders are set by the import."""
        result = super()._compute_qty_delivered_method()
        for line in self:
            if line.order_id.marketplace_stock_remote:
                line.qty_delivered_method = "manual"
        return result

    def _action_launch_stock_rule(self, previous_product_uom_qty=False):
        """No delivery for such orders: the remote system moved the stock
        already, and the stock sync brings its quantities into Odoo."""
        lines = self.filtered(lambda line: not line.order_id.marketplace_stock_remote)
        return super(SaleOrderLine, lines)._action_launch_stock_rule(previous_product_uom_qty)
