"""Import a partnumber book version from .xlsx, .xls or .csv."""

import base64

from odoo import fields, models
from odoo.addons.marketplace_base.tools import notification
from odoo.exceptions import UserError

from ..lib.book_parser import HEADER_NAMES, parse_book
from ..lib.table_reader import read_table

MAX_LISTED_ERRORS = 30


class VendorPartnumberBookImport(models.TransientModel):
    _name = "vendor.partnumber.book.import"
    _description = "Import Partnumber Book"

    name = fields.Char(string="Version", required=True)
    file = fields.Binary(required=True)
    filename = fields.Char()
    skip_bad_rows = fields.Boolean(help="Import the valid rows and leave out the others.")
    activate = fields.Boolean(string="Activate this version", default=True)

    def _listed(self, errors):
        listed = "\n".join(
            self.env._("Row %(row)s: %(msg)s", row=r, msg=m) for r, m in errors[:MAX_LISTED_ERRORS]
        )
        more = len(errors) - MAX_LISTED_ERRORS
        return listed + (self.env._("\n… and %s more.", more) if more > 0 else "")

    def action_import(self):
        self.ensure_one()
        max_rows = self.env["vendor.spec.import"]._max_rows()
        try:
            table = read_table(self.filename, base64.b64decode(self.file), HEADER_NAMES, max_rows)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        Book = self.env["vendor.partnumber.book"]
        company = self.env.company
        product_by_ref = Book._product_refs(company)
        items, errors = parse_book(table.rows, set(product_by_ref), table.header_index)
        if errors and (not self.skip_bad_rows or not items):
            raise UserError(
                self.env._(
                    "Nothing was imported; fix these rows (or choose to skip bad rows):\n%s",
                    self._listed(errors),
                )
            )
        same = Book._identical_book(company, items, product_by_ref)
        if same:
            return self._notify(
                self.env._(
                    "This book is identical to version %s: nothing was imported.", same.name
                ),
                "warning",
            )
        book = Book._create_from_items(
            {"name": self.name, "company_id": company.id, "source": "file"}, items, product_by_ref
        )
        if self.activate:
            book.action_activate()
        action = {
            "type": "ir.actions.act_window",
            "res_model": "vendor.partnumber.book",
            "res_id": book.id,
            "view_mode": "form",
            "target": "current",
        }
        if not errors:
            return action
        rows = sorted({row for row, _message in errors})
        return self._notify(
            self.env._(
                "Version %(name)s imported with %(items)s item(s); %(count)s row(s) skipped:\n"
                "%(rows)s",
                name=book.name,
                items=len(items),
                count=len(rows),
                rows=self._listed(errors),
            ),
            "warning",
            action,
        )

    def _notify(self, message, kind, next_action=None):
        return notification(message, kind, sticky=True, next_action=next_action)
