"""Imported orders and their invoices and payments: what order to cash needs
to be idempotent and to retry what it could not do."""

from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    marketplace_cash_retry = fields.Boolean(
        string="Order to cash to retry",
        readonly=True,
        copy=False,
        index=True,
        help="An invoice, payment or credit note step could not run (no journal, a locked "
        "period...): the next import runs it again even if the remote order did not change.",
    )
    marketplace_payment_ids = fields.One2many(
        "account.payment",
        "marketplace_sale_order_id",
        string="Marketplace payments",
        readonly=True,
        help="The payments registered from what the remote system reported.",
    )


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.depends("order_id.marketplace_account_id")
    def _compute_qty_to_invoice(self):
        """An imported order is invoiced as sold: the marketplace charged the
        customer the ordered quantities, whatever the product's invoicing
        policy (the returns come back as credit notes)."""
        result = super()._compute_qty_to_invoice()
        for line in self:
            if (
                line.order_id.marketplace_account_id
                and line.state == "sale"
                and not line.display_type
            ):
                line.qty_to_invoice = line.product_uom_qty - line.qty_invoiced
        return result


class AccountPayment(models.Model):
    _inherit = "account.payment"

    marketplace_sale_order_id = fields.Many2one(
        "sale.order",
        string="Marketplace order",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The imported order whose remote payment this registers.",
    )
