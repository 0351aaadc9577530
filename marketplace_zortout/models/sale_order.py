"""Sale orders imported from Zortout: the link to the Zortout order and its flags."""

from odoo import fields, models

from ..lib.orders import STATUS_NAMES

ZORTOUT_STATUSES = [(name, name) for name in STATUS_NAMES.values()]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    zortout_account_id = fields.Many2one(
        "marketplace.account", string="Zortout account", index=True, readonly=True, copy=False
    )
    zortout_order_id = fields.Integer(string="Zortout order ID", readonly=True, copy=False)
    zortout_number = fields.Char(string="Zortout number", readonly=True, copy=False, index=True)
    zortout_status = fields.Selection(ZORTOUT_STATUSES, readonly=True, copy=False)
    zortout_sales_channel = fields.Char(string="Sales channel", readonly=True, copy=False)
    zortout_updated = fields.Char(
        string="Zortout update time",
        readonly=True,
        copy=False,
        help="Zortout's update time of the order when it was last imported.",
    )
    zortout_fingerprint = fields.Char(
        readonly=True,
        copy=False,
        help="A digest of the order as Zortout last sent it (status, payment, lines, "
        "amounts, customer, update time): an import skips an order only when nothing "
        "in it changed, never on an equal update time alone.",
    )
    zortout_stock_in_zortout = fields.Boolean(
        string="Stock moved by Zortout",
        readonly=True,
        copy=False,
        help="Zortout is the stock master of the account: this order launches no "
        "delivery in Odoo, the stock sync brings Zortout's quantities, and the "
        "delivered quantities follow Zortout's status.",
    )
    zortout_attention = fields.Boolean(
        string="Needs attention (Zortout)", readonly=True, copy=False, index=True
    )
    zortout_missing_skus = fields.Char(
        string="SKUs without a product",
        readonly=True,
        copy=False,
        help="Zortout SKUs of this order that matched no product, or several: the next "
        "import completes the order once each matches one product.",
    )
    zortout_attention_reason = fields.Text(
        string="Why it needs attention", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "zortout_order_unique",
            "unique(zortout_account_id, zortout_order_id)",
            "A Zortout order is imported once per account.",
        ),
    ]
