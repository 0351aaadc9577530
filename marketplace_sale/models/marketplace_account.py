"""What every channel's accounts need to import orders: the products of the
shipping and discount lines, the taxes, where the scheduled import stands."""

from odoo import api, fields, models

from ..lib.order import TAX_EXCLUDED, TAX_INCLUDED


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    order_enabled = fields.Boolean(
        compute="_compute_order_enabled",
        help="The account's channel imports orders (its form shows the Orders page).",
    )
    order_window_start = fields.Datetime(
        string="Orders imported up to",
        copy=False,
        help="The next scheduled import reads the orders the remote system updated since "
        "this moment (minus a few minutes of overlap). It moves forward only when a whole "
        "window was imported.",
    )
    order_shipping_product_id = fields.Many2one(
        "product.product",
        string="Shipping product",
        domain="[('type', '=', 'service')]",
        help="The service product of the shipping line of imported orders; "
        "created on the first import when empty.",
    )
    order_discount_product_id = fields.Many2one(
        "product.product",
        string="Discount product",
        domain="[('type', '=', 'service')]",
        help="The service product of the order discount line (order discounts and line "
        "discounts given as an amount); created on the first import when empty.",
    )
    order_tax_included_id = fields.Many2one(
        "account.tax",
        string="Tax (prices include VAT)",
        domain="[('type_tax_use', '=', 'sale'), ('company_id', '=', company_id)]",
        help="For orders whose prices include VAT; the channel's default is found or "
        "created on the first import when empty.",
    )
    order_tax_excluded_id = fields.Many2one(
        "account.tax",
        string="Tax (prices exclude VAT)",
        domain="[('type_tax_use', '=', 'sale'), ('company_id', '=', company_id)]",
        help="For orders whose prices exclude VAT; the channel's default is found or "
        "created on the first import when empty.",
    )
    order_rounding_warning = fields.Char(
        compute="_compute_order_rounding_warning",
        help="Remote systems compute VAT on the order total; Odoo must round the same way.",
    )

    @api.model
    def _order_channels(self):
        """Channels whose accounts import orders (extended by channel addons)."""
        return []

    @api.depends("channel")
    def _compute_order_enabled(self):
        channels = self._order_channels()
        for account in self:
            account.order_enabled = account.channel in channels

    @api.depends("channel", "company_id.tax_calculation_rounding_method")
    def _compute_order_rounding_warning(self):
        for account in self:
            per_line = account.company_id.tax_calculation_rounding_method == "round_per_line"
            account.order_rounding_warning = (
                per_line
                and account.order_enabled
                and self.env._(
                    "%(company)s rounds taxes per line, %(channel)s on the order's total: orders "
                    "whose prices exclude VAT may differ by a cent and are then held as Needs "
                    "attention. Set Accounting > Settings > Rounding Method to Round Globally.",
                    company=account.company_id.name,
                    channel=account._order_channel_label(),
                )
            )

    # ------------------------------------------------------------ channel hooks
    def _order_stock_remote(self):
        """Whether the remote system moves the stock of its orders (it is the
        account's stock master): its orders then launch no delivery in Odoo."""
        self.ensure_one()
        return True

    def _order_default_tax(self, included):
        """The tax of orders whose prices include (or exclude) it, found or
        created, when the account names none; none by default."""
        return self.env["account.tax"]

    # ---------------------------------------------------------------- settings
    def _order_channel_label(self):
        self.ensure_one()
        return dict(self._fields["channel"]._description_selection(self.env)).get(
            self.channel, self.channel or ""
        )

    def _order_settings(self):
        """Shipping and discount products and the taxes per tax mode, created when missing."""
        self.ensure_one()
        account = self.sudo()
        label = self._order_channel_label()
        values = {}
        if not account.order_shipping_product_id:
            values["order_shipping_product_id"] = self._order_service(
                self.env._("Shipping (%s)", label)
            ).id
        if not account.order_discount_product_id:
            values["order_discount_product_id"] = self._order_service(
                self.env._("Discount (%s)", label)
            ).id
        if not account.order_tax_included_id:
            values["order_tax_included_id"] = self._order_default_tax(included=True).id
        if not account.order_tax_excluded_id:
            values["order_tax_excluded_id"] = self._order_default_tax(included=False).id
        values = {key: value for key, value in values.items() if value}
        if values:
            account.write(values)
        return {
            "shipping": account.order_shipping_product_id,
            "discount": account.order_discount_product_id,
            "taxes": {
                TAX_INCLUDED: account.order_tax_included_id,
                TAX_EXCLUDED: account.order_tax_excluded_id,
            },
        }

    def _order_service(self, name):
        Product = self.env["product.product"].sudo()
        product = Product.search(
            [
                ("name", "=", name),
                ("type", "=", "service"),
                ("company_id", "in", [False, self.company_id.id]),
            ],
            limit=1,
        )
        return product or Product.create(
            {"name": name, "type": "service", "invoice_policy": "order", "sale_ok": True}
        )
