"""Sale orders imported from a remote system: the link to the remote order and its flags."""

from odoo import fields, models

from ..lib.order import STATUSES


class SaleOrder(models.Model):
    _inherit = "sale.order"

    marketplace_account_id = fields.Many2one(
        "marketplace.account", string="Marketplace account", index=True, readonly=True, copy=False
    )
    marketplace_order_ref = fields.Char(
        string="Remote order ID",
        readonly=True,
        copy=False,
        help="The remote system's id of the order, as text: one sale order per id and account.",
    )
    marketplace_order_number = fields.Char(
        string="Remote order number", readonly=True, copy=False, index=True
    )
    marketplace_status = fields.Selection(
        STATUSES, string="Marketplace status", readonly=True, copy=False
    )
    marketplace_remote_status = fields.Char(
        string="Status in the remote system",
        readonly=True,
        copy=False,
        help="The status as the remote system names it (e.g. Waiting, Packed).",
    )
    marketplace_sales_channel = fields.Char(string="Sales channel", readonly=True, copy=False)
    marketplace_updated = fields.Char(
        string="Remote update time",
        readonly=True,
        copy=False,
        help="The remote system's update time of the order when it was last imported.",
    )
    marketplace_fingerprint = fields.Char(
        readonly=True,
        copy=False,
        help="A digest of the order as the remote system last sent it (status, payment, "
        "lines, amounts, customer, update time): an import skips an order only when "
        "nothing in it changed, never on an equal update time alone.",
    )
    marketplace_stock_remote = fields.Boolean(
        string="Stock moved by the remote",
        readonly=True,
        copy=False,
        help="The remote system is the stock master of the account: this order launches "
        "no delivery in Odoo, the stock sync brings the remote quantities, and the "
        "delivered quantities follow the remote status.",
    )
    marketplace_attention = fields.Boolean(
        string="Needs attention (marketplace)", readonly=True, copy=False, index=True
    )
    marketplace_missing_skus = fields.Char(
        string="SKUs without a product",
        readonly=True,
        copy=False,
        help="Remote SKUs of this order that matched no product, or several: the next "
        "import completes the order once each matches one product.",
    )
    marketplace_attention_reason = fields.Text(
        string="Why it needs attention", readonly=True, copy=False
    )

    marketplace_tracking = fields.Char(
        string="Tracking (marketplace)",
        readonly=True,
        copy=False,
        help="The parcels the remote system lists for this order: tracking numbers and "
        "carriers. With Odoo as stock master, the deliveries carry the numbers too.",
    )

    _sql_constraints = [
        (
            "marketplace_order_unique",
            "unique(marketplace_account_id, marketplace_order_ref)",
            "A remote order is imported once per account.",
        ),
    ]
