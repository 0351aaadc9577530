"""Remote payment methods ("PromptPay", "COD") to the journals that receive them."""

from odoo import fields, models


class MarketplacePaymentMethod(models.Model):
    _name = "marketplace.payment.method"
    _description = "Marketplace Payment Method Journal"
    _order = "account_id, name"

    account_id = fields.Many2one(
        "marketplace.account", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    name = fields.Char(
        string="Payment method",
        required=True,
        help="The payment method as the remote system names it (compared ignoring case).",
    )
    journal_id = fields.Many2one(
        "account.journal",
        string="Payment journal",
        required=True,
        domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', company_id)]",
    )

    _sql_constraints = [
        (
            "name_unique",
            "unique(account_id, name)",
            "One journal per payment method and account.",
        ),
    ]
