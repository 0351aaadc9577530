"""An account's order to cash settings: when its orders are invoiced and in
which journal their payments are registered, per sales channel and payment
method where they differ."""

from odoo import api, fields, models

from ..lib.cash import INVOICE_NEVER, INVOICE_POLICIES


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    order_invoice_policy = fields.Selection(
        INVOICE_POLICIES,
        string="Invoice",
        default=INVOICE_NEVER,
        required=True,
        help="When imported orders are invoiced (the invoice is posted and linked to the "
        "order, its total equal to the remote amount): when the order is confirmed, when "
        "the remote system says it is paid in full, or never (invoices are made by hand).",
    )
    order_payment_journal_id = fields.Many2one(
        "account.journal",
        string="Payment journal",
        domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', company_id)]",
        help="Where the payments the remote system reports are registered on the "
        "invoices, unless their payment method or sales channel names another journal. "
        "Empty: payments are not registered.",
    )
    order_sales_channel_ids = fields.One2many(
        "marketplace.sales.channel",
        "account_id",
        string="Per sales channel",
        help="Sales channels whose invoicing or payment journal differ from the account's.",
    )
    order_payment_method_ids = fields.One2many(
        "marketplace.payment.method",
        "account_id",
        string="Payment methods",
        help="The journal of each payment method as the remote system names it; it comes "
        "before the sales channel's and the account's journal.",
    )

    # ------------------------------------------------------------- resolution
    def _order_cash_settings(self):
        """What the order to cash steps read of the account, once per page:
        ``{"policy", "journal", "channels": {name: row}, "methods": {name: journal}}``."""
        self.ensure_one()
        account = self.sudo()
        return {
            "policy": account.order_invoice_policy or INVOICE_NEVER,
            "journal": account.order_payment_journal_id,
            "channels": {row.name.strip().lower(): row for row in account.order_sales_channel_ids},
            "methods": {
                row.name.strip().lower(): row.journal_id for row in account.order_payment_method_ids
            },
        }

    @api.model
    def _order_invoice_policy(self, settings, sales_channel):
        row = settings["channels"].get((sales_channel or "").strip().lower())
        return (row and row.invoice_policy) or settings["policy"]

    @api.model
    def _order_payment_journal(self, settings, method, sales_channel):
        """The journal of a payment: its method's, its sales channel's, the account's."""
        journal = settings["methods"].get((method or "").strip().lower())
        if journal:
            return journal
        row = settings["channels"].get((sales_channel or "").strip().lower())
        return (row and row.journal_id) or settings["journal"]

    # ------------------------------------------------------------------ taxes
    def _order_chart_tax(self, xmlid, included):
        """The tax ``xmlid`` of the company's chart of accounts (e.g. Thailand's
        ``tax_output_vat``) when the company has that chart, as it is for
        prices excluding it, or a price-included copy of it (same group and
        repartition) for prices including it; no tax otherwise."""
        self.ensure_one()
        Chart = self.env["account.chart.template"].with_company(self.company_id)
        tax = Chart.ref(xmlid, raise_if_not_found=False)
        if not tax:
            return self.env["account.tax"]
        tax = tax.sudo()
        if not included:
            return tax
        Tax = self.env["account.tax"].sudo()
        copy = Tax.search(
            [
                ("company_id", "=", tax.company_id.id),
                ("type_tax_use", "=", tax.type_tax_use),
                ("amount_type", "=", tax.amount_type),
                ("amount", "=", tax.amount),
                ("tax_group_id", "=", tax.tax_group_id.id),
                ("price_include", "=", True),
            ],
            limit=1,
        )
        return copy or tax.copy(
            {
                "name": self.env._("%s (included)", tax.name),
                "price_include_override": "tax_included",
            }
        )

    # --------------------------------------------------------------- currency
    def _order_pricelist(self, currency_name):
        """The pricelist of orders in ``currency_name`` (an ISO code), found or
        created (the currency activated); none for an order without currency
        or with an unknown code. The company's currency gets one too: the
        customers' default pricelist may be in another currency (a company
        whose currency changed keeps its first pricelist)."""
        self.ensure_one()
        company = self.company_id
        if not currency_name:
            return self.env["product.pricelist"]
        currency = (
            self.env["res.currency"]
            .sudo()
            .with_context(active_test=False)
            .search([("name", "=", currency_name)], limit=1)
        )
        if not currency:
            return self.env["product.pricelist"]
        if not currency.active:
            currency.active = True
        Pricelist = self.env["product.pricelist"].sudo()
        return Pricelist.search(
            [("currency_id", "=", currency.id), ("company_id", "in", [False, company.id])],
            limit=1,
        ) or Pricelist.create(
            {
                "name": f"{self._order_channel_label()} ({currency.name})",
                "currency_id": currency.id,
                "company_id": company.id,
            }
        )
