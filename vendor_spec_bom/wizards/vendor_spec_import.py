"""Paste or upload a vendor BOM, preview it, and make it the quotation's spec."""

import base64

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.text import shown, storable
from odoo.exceptions import UserError

from ..lib.spec_parser import parse_file, parse_paste
from ..lib.table_reader import DEFAULT_MAX_ROWS, DELIMITER_NAMES
from ..models.vendor_spec_line import VENDOR_PRICE_DIGITS

ROLE_LABELS = {
    "partnumber": "part number",
    "quantity": "quantity",
    "unit_price": "unit price",
    "total_price": "total price",
    "description": "description",
    "dnp": "DNP",
}


class VendorSpecImport(models.TransientModel):
    _name = "vendor.spec.import"
    _description = "Import Vendor BOM"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade")
    paste = fields.Text(string="Cells copied from Excel")
    file = fields.Binary(string="Or a file (.xlsx, .xls, .csv)")
    filename = fields.Char()
    line_ids = fields.One2many("vendor.spec.import.line", "wizard_id", string="Preview")
    previewed = fields.Boolean(readonly=True)
    layout_info = fields.Text(string="How the table was read", readonly=True)
    problem = fields.Text(readonly=True)
    error_count = fields.Integer(compute="_compute_counts")
    skipped_count = fields.Integer(compute="_compute_counts")
    row_count = fields.Integer(compute="_compute_counts")

    @api.depends("line_ids.error", "line_ids.skipped")
    def _compute_counts(self):
        for wizard in self:
            skipped = wizard.line_ids.filtered("skipped")
            errors = wizard.line_ids.filtered("error") - skipped
            wizard.skipped_count = len(skipped)
            wizard.error_count = len(errors)
            wizard.row_count = len(wizard.line_ids) - len(skipped) - len(errors)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "paste" in vals:
                vals["paste"] = storable(vals["paste"])
        return super().create(vals_list)

    def write(self, vals):
        if "paste" in vals:
            vals = {**vals, "paste": storable(vals["paste"])}
        return super().write(vals)

    @api.model
    def _max_rows(self):
        value = self.env["ir.config_parameter"].sudo().get_param("vendor_spec_bom.max_rows")
        try:
            return max(int(value), 1) if value else DEFAULT_MAX_ROWS
        except ValueError:
            return DEFAULT_MAX_ROWS

    def _parse(self):
        self.ensure_one()
        try:
            if self.file:
                return parse_file(self.filename, base64.b64decode(self.file), self._max_rows())
            if not (self.paste or "").strip():
                raise UserError(self.env._("Paste the BOM's cells or choose a file."))
            return parse_paste(self.paste, self._max_rows())
        except ValueError as exc:
            raise UserError(str(exc)) from exc

    def _layout_text(self, result):
        used = ", ".join(
            self.env._("%(role)s from “%(column)s”", role=ROLE_LABELS[role], column=shown(title))
            for role, title in result.columns.items()
        )
        if result.header_line:
            text = self.env._(
                "Row %(row)s was taken as the header: %(header)s.",
                row=result.header_line,
                header=shown(" | ".join(c for c in result.header if c)[:300]),
            )
        else:
            text = self.env._("No header row: the columns are read by their position.")
        if result.shifted_from:
            text += " " + self.env._(
                "The data rows have more cells than the header: from “%s” on, every row is "
                "read that many cells further right.",
                shown(result.shifted_from),
            )
        if result.delimiter:
            text += " " + self.env._(
                "Cells separated by %s.", DELIMITER_NAMES.get(result.delimiter, result.delimiter)
            )
        return text + ("\n" + self.env._("Columns used: %s.", used) if used else "")

    def action_preview(self):
        self.ensure_one()
        result = self._parse()
        values = [
            {
                "line": row.line,
                "partnumber": row.partnumber,
                "quantity": float(row.quantity),
                "description": row.description,
                "unit_price": float(row.unit_price) if row.unit_price is not None else 0.0,
                "total_price": float(row.total_price) if row.total_price is not None else 0.0,
            }
            for row in result.rows
        ] + [
            {
                "line": error.line,
                "partnumber": shown(error.text[:60]),
                "error": error.reason,
                "skipped": error.skipped,
            }
            for error in result.errors
        ]
        self.write(
            {
                "line_ids": [fields.Command.clear()]
                + [fields.Command.create(v) for v in sorted(values, key=lambda v: v["line"])],
                "previewed": True,
                "layout_info": self._layout_text(result),
                "problem": result.problem,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Vendor BOM"),
        }

    def action_confirm(self):
        """Replace the quotation's vendor spec (manual picks kept per partnumber)."""
        self.ensure_one()
        self.order_id._check_vendor_spec_editable()
        if not self.previewed:
            self.action_preview()
        if self.problem:
            raise UserError(self.env._("Nothing was imported: %s", self.problem))
        rows = self.line_ids.filtered(lambda line: not line.error)
        if not rows:
            raise UserError(self.env._("Nothing was imported: no line of this BOM can be read."))
        self.order_id._vendor_spec_replace(
            [
                {
                    "sequence": row.line,
                    "vendor_partnumber": row.partnumber,
                    "quantity": row.quantity,
                    "description": row.description,
                    "unit_price": row.unit_price,
                    "total_price": row.total_price,
                }
                for row in rows
            ]
        )
        return {"type": "ir.actions.act_window_close"}


class VendorSpecImportLine(models.TransientModel):
    _name = "vendor.spec.import.line"
    _description = "Import Vendor BOM: Preview Line"
    _order = "line"

    wizard_id = fields.Many2one("vendor.spec.import", required=True, ondelete="cascade")
    line = fields.Integer(string="Row")
    partnumber = fields.Char()
    quantity = fields.Float(digits="Product Unit of Measure")
    description = fields.Char()
    unit_price = fields.Float(digits=VENDOR_PRICE_DIGITS)
    total_price = fields.Float()
    error = fields.Char(string="Left out because")
    skipped = fields.Boolean(string="Left out on purpose")
