"""The vendor BOM on quotations: estimate (order lines) and pricing.

The vendor total has one definition everywhere: the sum of the vendor
totals of every vendor BOM line that has a price, resolved or not; the part
of it on unresolved lines is shown beside it.
"""

from decimal import Decimal

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.addons.marketplace_base.tools import no_distribution_values
from odoo.exceptions import UserError
from odoo.tools import formatLang

from ..lib.aggregate import ResolvedRow, aggregate
from ..lib.partnumbers import normalize_partnumber
from ..lib.pricing import discount_split, markup_percent
from .vendor_spec_line import VENDOR_PRICE_DIGITS


class SaleOrder(models.Model):
    _inherit = "sale.order"

    vendor_spec_line_ids = fields.One2many("vendor.spec.line", "order_id", string="Vendor BOM")
    vendor_spec_book_id = fields.Many2one(
        "vendor.partnumber.book",
        string="Book used",
        readonly=True,
        copy=False,
        help="The partnumber book version of the last estimate.",
    )
    vendor_spec_unresolved_count = fields.Integer(compute="_compute_vendor_spec_pricing")
    vendor_spec_vendor_total = fields.Monetary(
        string="Vendor total",
        compute="_compute_vendor_spec_pricing",
        help="Sum of the vendor totals of every vendor BOM line with a price, resolved or not.",
    )
    vendor_spec_unresolved_total = fields.Monetary(
        string="of which unresolved",
        compute="_compute_vendor_spec_pricing",
        help="The part of the vendor total on lines that resolve to no product.",
    )
    vendor_spec_cost_total = fields.Monetary(string="Cost", compute="_compute_vendor_spec_pricing")
    vendor_spec_margin = fields.Monetary(string="Margin", compute="_compute_vendor_spec_pricing")
    vendor_spec_pricing_html = fields.Html(string="Pricing", compute="_compute_vendor_spec_pricing")
    vendor_spec_custom_total = fields.Monetary(
        string="Custom total", help="Untaxed total the quotation should reach."
    )

    @api.depends(
        "vendor_spec_line_ids.total_price",
        "vendor_spec_line_ids.quantity",
        "vendor_spec_line_ids.vendor_partnumber",
        "vendor_spec_line_ids.manual_product_id",
        "order_line.price_subtotal",
        "order_line.product_uom_qty",
    )
    def _compute_vendor_spec_pricing(self):
        for order in self:
            estimates, unresolved = aggregate(order._vendor_spec_rows())
            lines_by_product = {}
            for line in order.order_line.filtered(
                lambda line: line.product_id and not line.vendor_spec_discount
            ):
                lines_by_product.setdefault(line.product_id.id, line)
            rows, cost_total = [], 0.0
            products = {p.id: p for p in self.env["product.product"].browse(list(estimates))}
            for product_id, estimate in estimates.items():
                product = products[product_id]
                line = lines_by_product.get(product_id)
                qty = line.product_uom_qty if line else float(estimate.quantity)
                cost = product.standard_price * qty
                cost_total += cost
                ours = line.price_subtotal if line else None
                unit = estimate.vendor_total / estimate.quantity if estimate.quantity else 0
                rows.append(
                    (
                        product.display_name,
                        float(unit),
                        float(estimate.vendor_total),
                        ours,
                        cost,
                        None if ours is None else ours - cost,
                    )
                )
            unresolved_total = float(sum(r.total_price or 0 for r in unresolved))
            vendor_total = float(sum(e.vendor_total for e in estimates.values())) + unresolved_total
            order.vendor_spec_unresolved_count = len(unresolved)
            order.vendor_spec_vendor_total = vendor_total
            order.vendor_spec_unresolved_total = unresolved_total
            order.vendor_spec_cost_total = cost_total
            order.vendor_spec_margin = order.amount_untaxed - cost_total
            order.vendor_spec_pricing_html = order._vendor_spec_pricing_table(
                rows, len(unresolved), unresolved_total, vendor_total, cost_total
            )

    def _vendor_spec_pricing_table(self, rows, unresolved_count, unresolved_total, vendor, cost):
        money = lambda v: (  # noqa: E731
            Markup("<span class='text-muted'>%s</span>") % self.env._("not estimated")
            if v is None
            else escape(formatLang(self.env, v, currency_obj=self.currency_id))
        )
        unit = lambda v: escape(formatLang(self.env, v, digits=VENDOR_PRICE_DIGITS[1]))  # noqa: E731
        cell = Markup("<td class='text-end'>%s</td>")
        head = Markup("<tr>%s</tr>") % Markup().join(
            Markup("<th class='%s'>%s</th>") % ("" if i == 0 else "text-end", title)
            for i, title in enumerate(
                (
                    self.env._("Product"),
                    self.env._("Vendor unit price"),
                    self.env._("Vendor price"),
                    self.env._("Our price"),
                    self.env._("Cost"),
                    self.env._("Margin"),
                )
            )
        )
        body = Markup().join(
            Markup("<tr><td>%s</td>%s%s%s%s%s</tr>")
            % (
                name,
                cell % unit(u),
                cell % money(v),
                cell % money(o),
                cell % money(c),
                cell % money(m),
            )
            for name, u, v, o, c, m in rows
        )
        if unresolved_count:
            body += Markup(
                "<tr class='text-danger'><td>%s</td><td></td>%s<td colspan='3'></td></tr>"
            ) % (
                self.env._("Unresolved (%s line(s), no product yet)", unresolved_count),
                cell % money(unresolved_total),
            )
        ours = self.amount_untaxed if self.order_line else None
        total = Markup("<tr class='fw-bold'><td>%s</td><td></td>%s%s%s%s</tr>") % (
            self.env._("Total"),
            cell % money(vendor),
            cell % money(ours),
            cell % money(cost),
            cell % money(None if ours is None else ours - cost),
        )
        return Markup("<table class='table table-sm o_vendor_spec_pricing'>%s%s%s</table>") % (
            head,
            body,
            total,
        )

    def _vendor_spec_rows(self):
        self.ensure_one()
        return [
            ResolvedRow(
                line.vendor_partnumber,
                Decimal(str(line.quantity)),
                line.resolved_product_id.id or None,
                line.is_primary_pn,
                Decimal(str(line.total_price or 0)),
            )
            for line in self.vendor_spec_line_ids
        ]

    def _check_vendor_spec_editable(self):
        if self.state not in ("draft", "sent"):
            raise UserError(
                self.env._("%s is confirmed: its vendor BOM and prices are final.", self.name)
            )

    def _vendor_spec_replace(self, values_list):
        """The vendor BOM becomes ``values_list`` (manual picks kept per partnumber)."""
        self.ensure_one()
        picks = {
            normalize_partnumber(line.vendor_partnumber): line.manual_product_id.id
            for line in self.vendor_spec_line_ids.filtered("manual_product_id")
        }
        self.vendor_spec_line_ids.unlink()
        return self.env["vendor.spec.line"].create(
            [
                {
                    "order_id": self.id,
                    "manual_product_id": picks.get(
                        normalize_partnumber(values["vendor_partnumber"]), False
                    ),
                    **values,
                }
                for values in values_list
            ]
        )

    def action_vendor_spec_import(self):
        self.ensure_one()
        self._check_vendor_spec_editable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import Vendor BOM"),
            "res_model": "vendor.spec.import",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def action_vendor_spec_recalculate(self):
        """Replace the quotation lines by the BOM aggregated per product."""
        self.ensure_one()
        self._check_vendor_spec_editable()
        estimates, _unresolved = aggregate(self._vendor_spec_rows())
        if not estimates:
            raise UserError(self.env._("No line of the vendor BOM resolves to a product."))
        self.order_line.filtered(lambda line: not line.display_type).unlink()
        common = no_distribution_values(self.env)
        self.env["sale.order.line"].create(
            [
                {
                    "order_id": self.id,
                    "product_id": product_id,
                    "product_uom_qty": float(estimate.quantity),
                    "sequence": index,
                    **common,
                }
                for index, (product_id, estimate) in enumerate(estimates.items())
            ]
        )
        self.vendor_spec_book_id = self.env["vendor.partnumber.book"]._active_book(self.company_id)
        return True

    def action_vendor_spec_match_vendor_total(self):
        self.ensure_one()
        self.vendor_spec_custom_total = self.vendor_spec_vendor_total
        return self.action_vendor_spec_apply_custom_total()

    def _vendor_spec_priced_lines(self):
        return self.order_line.filtered(
            lambda line: (
                not line.display_type
                and not line.vendor_spec_discount
                and line.price_unit
                and line.product_uom_qty
            )
        )

    def _vendor_spec_list_total(self):
        """Untaxed total of the priced lines before any discount."""
        return sum(
            self.currency_id.round(line.price_unit * line.product_uom_qty)
            for line in self._vendor_spec_priced_lines()
        )

    def action_vendor_spec_apply_custom_total(self):
        """Reach the custom total: a discount below the list total, a markup
        (after confirmation) above it."""
        self.ensure_one()
        self._check_vendor_spec_editable()
        lines = self._vendor_spec_priced_lines()
        if not lines:
            raise UserError(
                self.env._("The quotation has no priced line: Recalculate estimate first.")
            )
        target = self.currency_id.round(self.vendor_spec_custom_total)
        if target <= 0:
            raise UserError(self.env._("Set a custom total above 0."))
        list_total = self._vendor_spec_list_total()  # before any discount
        if self.currency_id.compare_amounts(target, list_total) > 0:
            # nothing changes, the earlier discount included, until confirmed
            return self._vendor_spec_markup_confirmation(list_total, target)
        self._vendor_spec_clear_discount(lines)
        if self.currency_id.compare_amounts(target, list_total) < 0:
            self._vendor_spec_add_discount(lines, list_total - target, list_total)
        return True

    def _vendor_spec_clear_discount(self, lines):
        """Undo an earlier custom total's discount: line percentages and lines."""
        lines.write({"discount": 0.0})
        self.order_line.filtered("vendor_spec_discount").unlink()

    def _vendor_spec_add_discount(self, lines, amount, list_total):
        """One uniform discount (a percentage of every line) as discount lines, one
        per tax group, whose amounts add up to ``amount`` to the cent."""
        wizard = self.env["sale.order.discount"].create(
            {"sale_order_id": self.id, "discount_type": "amount", "discount_amount": amount}
        )
        product = wizard._get_discount_product()
        groups = {}
        for line in lines:
            groups.setdefault(line.tax_id, 0.0)
            groups[line.tax_id] += self.currency_id.round(line.price_unit * line.product_uom_qty)
        percent = amount / list_total * 100
        split = discount_split(
            [groups[taxes] for taxes in groups], amount, self.currency_id.decimal_places
        )
        values = []
        for (taxes, _subtotal), part in zip(groups.items(), split, strict=True):
            line_values = wizard._prepare_discount_line_values(
                product,
                float(part),
                taxes,
                description=self.env._(
                    "Discount %(percent)s%% (to reach %(total)s)",
                    percent=formatLang(self.env, percent, digits=4),
                    total=formatLang(
                        self.env, self.vendor_spec_custom_total, currency_obj=self.currency_id
                    ),
                ),
            )
            values.append({**line_values, "vendor_spec_discount": True})
        self.env["sale.order.line"].create(values)

    def _vendor_spec_markup_confirmation(self, list_total, target):
        lines = self._vendor_spec_priced_lines()
        wizard = self.env["vendor.spec.markup"].create(
            {
                "order_id": self.id,
                "list_total": list_total,
                "target_total": target,
                "markup_percent": float(markup_percent(list_total, target)),
                "line_ids": [fields.Command.set(lines.ids)],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Raise the prices?"),
            "res_model": "vendor.spec.markup",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _vendor_spec_apply_markup(self, lines, list_total, target):
        """Raise every listed line's unit price by the same factor."""
        self._vendor_spec_clear_discount(lines)
        digits = self.env["decimal.precision"].precision_get("Product Price")
        factor = Decimal(str(target)) / Decimal(str(list_total))
        for line in lines:
            line.price_unit = float(round(Decimal(str(line.price_unit)) * factor, digits))
