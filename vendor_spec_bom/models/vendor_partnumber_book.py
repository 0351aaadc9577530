"""Partnumber books: versioned, append-only maps of vendor PNs to products."""

import hashlib

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.partnumbers import normalize_partnumber

BOOK_SOURCES = [("file", "File import"), ("server", "Book server")]


class VendorPartnumberBook(models.Model):
    _name = "vendor.partnumber.book"
    _description = "Partnumber Book"
    _inherit = ["marketplace.export.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Version", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    is_active = fields.Boolean(string="Active version", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    item_ids = fields.One2many("vendor.partnumber.book.item", "book_id", string="Items")
    item_count = fields.Integer(compute="_compute_item_count")
    source = fields.Selection(BOOK_SOURCES, required=True, default="file", readonly=True)
    server_book_id = fields.Char(string="Server book id", readonly=True, copy=False, index=True)
    content_hash = fields.Char(
        readonly=True,
        copy=False,
        index=True,
        help="Fingerprint of the items: an identical import is recognised and not created again.",
    )

    _sql_constraints = [
        (
            "server_book_unique",
            "unique(company_id, server_book_id)",
            "This book was already pulled from the server.",
        ),
    ]

    @api.constrains("is_active", "company_id")
    def _check_one_active(self):
        for company in self.filtered("is_active").company_id:
            if self.search_count([("company_id", "=", company.id), ("is_active", "=", True)]) > 1:
                raise ValidationError(
                    self.env._("Only one partnumber book can be active per company.")
                )

    def _compute_item_count(self):
        counts = dict(
            self.env["vendor.partnumber.book.item"]._read_group(
                [("book_id", "in", self.ids)], ["book_id"], ["__count"]
            )
        )
        for book in self:
            book.item_count = counts.get(book, 0)

    def action_open_import(self):
        """List button (also on the empty list): the import wizard."""
        return self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_spec_bom.vendor_partnumber_book_import_action"
        )

    def action_activate(self):
        """Make this version the one quotations resolve against."""
        self.ensure_one()
        self.search([("company_id", "=", self.company_id.id), ("is_active", "=", True)]).write(
            {"is_active": False}
        )
        self.is_active = True
        return True

    @api.model
    def _product_refs(self, company):
        """``{internal reference: product id}`` for the company's products."""
        products = self.env["product.product"].search_read(
            [("default_code", "!=", False), ("company_id", "in", [company.id, False])],
            ["default_code"],
        )
        return {p["default_code"].strip(): p["id"] for p in products}

    @api.model
    def _items_hash(self, items, product_by_ref):
        lines = sorted(
            (
                normalize_partnumber(item.partnumber),
                product_by_ref[item.product_ref],
                bool(item.is_primary),
                (item.description or "").strip(),
            )
            for item in items
        )
        return hashlib.sha256(repr(lines).encode()).hexdigest()

    @api.model
    def _identical_book(self, company, items, product_by_ref):
        """The company's existing version with exactly these items, if any."""
        return self.search(
            [
                ("company_id", "=", company.id),
                ("content_hash", "=", self._items_hash(items, product_by_ref)),
            ],
            limit=1,
        )

    @api.model
    def _create_from_items(self, values, items, product_by_ref):
        """A new book version holding parsed ``BookItem``s."""
        return self.create(
            {
                **values,
                "content_hash": self._items_hash(items, product_by_ref),
                "item_ids": [
                    fields.Command.create(
                        {
                            "partnumber": item.partnumber,
                            "product_id": product_by_ref[item.product_ref],
                            "is_primary_pn": item.is_primary,
                            "description": item.description,
                        }
                    )
                    for item in items
                ],
            }
        )

    @api.model
    def _active_book(self, company):
        return self.search([("company_id", "=", company.id), ("is_active", "=", True)], limit=1)
