"""Paste or upload a vendor BOM, preview it, and make it the quotation's spec."""

import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.partnumbers import normalize_partnumber
from ..lib.spec_parser import parse_paste, parse_table
from ..lib.table_reader import read_table


class VendorSpecImport(models.TransientModel):
    _name = "vendor.spec.import"
    _description = "Import Vendor BOM"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade")
    paste = fields.Text(string="Cells copied from Excel")
    file = fields.Binary(string="Or a file (.xlsx, .xls, .csv)")
    filename = fields.Char()
    line_ids = fields.One2many("vendor.spec.import.line", "wizard_id", string="Preview")
    error_count = fields.Integer(compute="_compute_counts")
    row_count = fields.Integer(compute="_compute_counts")

    @api.depends("line_ids.error")
    def _compute_counts(self):
        for wizard in self:
            wizard.error_count = len(wizard.line_ids.filtered("error"))
            wizard.row_count = len(wizard.line_ids) - wizard.error_count

    def _parse(self):
        self.ensure_one()
        if self.file:
            try:
                table = read_table(self.filename, base64.b64decode(self.file))
            except ValueError as exc:
                raise UserError(str(exc)) from exc
            return parse_table(table)
        if not (self.paste or "").strip():
            raise UserError(self.env._("Paste the BOM's cells or choose a file."))
        return parse_paste(self.paste)

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
            {"line": error.line, "partnumber": error.text[:60], "error": error.reason}
            for error in result.errors
        ]
        self.line_ids = [fields.Command.clear()] + [
            fields.Command.create(v) for v in sorted(values, key=lambda v: v["line"])
        ]
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
        if not self.line_ids:
            self.action_preview()
        rows = self.line_ids.filtered(lambda line: not line.error)
        if not rows:
            raise UserError(self.env._("No readable line in this BOM."))
        order = self.order_id
        picks = {
            normalize_partnumber(line.vendor_partnumber): line.manual_product_id.id
            for line in order.vendor_spec_line_ids.filtered("manual_product_id")
        }
        order.vendor_spec_line_ids.unlink()
        self.env["vendor.spec.line"].create(
            [
                {
                    "order_id": order.id,
                    "sequence": row.line,
                    "vendor_partnumber": row.partnumber,
                    "quantity": row.quantity,
                    "description": row.description,
                    "unit_price": row.unit_price,
                    "total_price": row.total_price,
                    "manual_product_id": picks.get(normalize_partnumber(row.partnumber), False),
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
    line = fields.Integer()
    partnumber = fields.Char()
    quantity = fields.Float(digits="Product Unit of Measure")
    description = fields.Char()
    unit_price = fields.Float()
    total_price = fields.Float()
    error = fields.Char(string="Cannot be read")
