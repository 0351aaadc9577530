"""Per sales channel settings of an account's orders (Shopee, Lazada, ...):
where they differ from the account's."""

from odoo import fields, models

from ..lib.cash import INVOICE_POLICIES


class MarketplaceSalesChannel(models.Model):
    _name = "marketplace.sales.channel"
    _description = "Marketplace Sales Channel Settings"
    _order = "account_id, name"

    account_id = fields.Many2one(
        "marketplace.account", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    name = fields.Char(
        string="Sales channel",
        required=True,
        help="The sales channel as the orders name it (e.g. Shopee, Lazada).",
    )
    invoice_policy = fields.Selection(
        INVOICE_POLICIES,
        help="When this channel's orders are invoiced; empty: as the account says.",
    )
    journal_id = fields.Many2one(
        "account.journal",
        string="Payment journal",
        domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', company_id)]",
        help="Where this channel's payments are registered, unless their payment method "
        "is mapped; empty: the account's journal.",
    )

    _sql_constraints = [
        (
            "name_unique",
            "unique(account_id, name)",
            "One row per sales channel and account.",
        ),
    ]
