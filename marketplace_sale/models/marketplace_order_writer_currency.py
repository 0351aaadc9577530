"""Orders in the remote order's currency: a pricelist in that currency on the
sale order, so its invoice and payments are in it too, and Odoo's rates
convert them into the company's currency."""

from odoo import models


class MarketplaceOrderWriter(models.AbstractModel):
    _inherit = "marketplace.order.writer"

    def _references(self, account, orders):
        refs = super()._references(account, orders)
        refs["pricelists"] = {
            code: account._order_pricelist(code) for code in {o.currency for o in orders}
        }
        return refs

    def _order_vals(self, account, order, settings, refs):
        values = super()._order_vals(account, order, settings, refs)
        pricelist = refs["pricelists"].get(order.currency)
        if pricelist:
            values["pricelist_id"] = pricelist.id
        return values
