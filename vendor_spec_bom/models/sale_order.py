"""The vendor BOM on quotations: estimate (order lines) and pricing."""

from decimal import Decimal

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round, formatLang

from ..lib.aggregate import ResolvedRow, aggregate
from ..lib.pricing import uniform_discount


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
        string="Vendor total", compute="_compute_vendor_spec_pricing"
    )
    vendor_spec_cost_total = fields.Monetary(string="Cost", compute="_compute_vendor_spec_pricing")
    vendor_spec_margin = fields.Monetary(string="Margin", compute="_compute_vendor_spec_pricing")
    vendor_spec_pricing_html = fields.Html(string="Pricing", compute="_compute_vendor_spec_pricing")
    vendor_spec_custom_total = fields.Monetary(
        string="Custom total", help="Untaxed total the quotation should reach."
    )

    @api.depends(
        "vendor_spec_line_ids.total_price",
        "vendor_spec_line_ids.resolution_source",
        "order_line.price_subtotal",
        "order_line.product_uom_qty",
    )
    def _compute_vendor_spec_pricing(self):
        for order in self:
            estimates, unresolved = aggregate(order._vendor_spec_rows())
            lines_by_product = {}
            for line in order.order_line.filtered("product_id"):
                lines_by_product.setdefault(line.product_id.id, line)
            rows, vendor_total, cost_total = [], 0.0, 0.0
            for product_id, estimate in estimates.items():
                product = self.env["product.product"].browse(product_id)
                line = lines_by_product.get(product_id)
                ours = line.price_subtotal if line else 0.0
                qty = line.product_uom_qty if line else float(estimate.quantity)
                cost = product.standard_price * qty
                vendor = float(estimate.vendor_total)
                vendor_total += vendor
                cost_total += cost
                rows.append((product.display_name, vendor, ours, cost, ours - cost))
            order.vendor_spec_unresolved_count = len(unresolved)
            order.vendor_spec_vendor_total = vendor_total
            order.vendor_spec_cost_total = cost_total
            order.vendor_spec_margin = order.amount_untaxed - cost_total
            order.vendor_spec_pricing_html = order._vendor_spec_pricing_table(
                rows,
                (vendor_total, order.amount_untaxed, cost_total, order.amount_untaxed - cost_total),
            )

    def _vendor_spec_pricing_table(self, rows, totals):
        money = lambda v: escape(formatLang(self.env, v, currency_obj=self.currency_id))  # noqa: E731
        head = Markup(
            "<tr><th>%s</th><th class='text-end'>%s</th><th class='text-end'>%s</th>"
            "<th class='text-end'>%s</th><th class='text-end'>%s</th></tr>"
        ) % (
            self.env._("Product"),
            self.env._("Vendor price"),
            self.env._("Our price"),
            self.env._("Cost"),
            self.env._("Margin"),
        )
        body = Markup().join(
            Markup("<tr><td>%s</td>%s</tr>")
            % (
                name,
                Markup().join(Markup("<td class='text-end'>%s</td>") % money(v) for v in values),
            )
            for name, *values in rows
        )
        total = Markup("<tr class='fw-bold'><td>%s</td>%s</tr>") % (
            self.env._("Total"),
            Markup().join(Markup("<td class='text-end'>%s</td>") % money(v) for v in totals),
        )
        return Markup("<table class='table table-sm'>%s%s%s</table>") % (head, body, total)

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

    def action_vendor_spec_import(self):
        self.ensure_one()
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
        if self.state not in ("draft", "sent"):
            raise UserError(self.env._("Only quotations can be recalculated."))
        estimates, _unresolved = aggregate(self._vendor_spec_rows())
        if not estimates:
            raise UserError(self.env._("No line of the vendor BOM resolves to a product."))
        self.order_line.filtered(lambda line: not line.display_type).unlink()
        self.env["sale.order.line"].create(
            [
                {
                    "order_id": self.id,
                    "product_id": product_id,
                    "product_uom_qty": float(estimate.quantity),
                    "sequence": index,
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

    def action_vendor_spec_apply_custom_total(self):
        """Discount every line alike so the untaxed total equals the custom total."""
        self.ensure_one()
        lines = self.order_line.filtered(lambda line: not line.display_type and line.price_unit)
        list_total = sum(line.price_unit * line.product_uom_qty for line in lines)
        try:
            discount = uniform_discount(list_total, self.vendor_spec_custom_total)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        if discount < 0:
            factor = float(self.vendor_spec_custom_total) / list_total
            for line in lines:
                line.write({"price_unit": line.price_unit * factor, "discount": 0.0})
        else:
            lines.write({"discount": float(discount)})
        residual = self.vendor_spec_custom_total - self.amount_untaxed
        if lines and not self.currency_id.is_zero(residual):
            largest = max(lines, key=lambda line: line.price_subtotal)
            factor = 1 - (largest.discount or 0) / 100
            largest.price_unit += float_round(
                residual / (largest.product_uom_qty * factor), precision_digits=6
            )
        return True
