from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.partnumbers import normalize_partnumber


class VendorPartnumberBookItem(models.Model):
    """One vendor part number of a book. Items are never edited: a new
    version is a new book, so old quotations stay explainable."""

    _name = "vendor.partnumber.book.item"
    _description = "Partnumber Book Item"
    _inherit = ["marketplace.export.mixin"]
    _order = "book_id, partnumber"

    book_id = fields.Many2one(
        "vendor.partnumber.book", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="book_id.company_id", store=True)
    partnumber = fields.Char(required=True)
    partnumber_key = fields.Char(compute="_compute_partnumber_key", store=True, index=True)
    product_id = fields.Many2one("product.product", required=True)
    is_primary_pn = fields.Boolean(string="Primary PN")
    description = fields.Char()

    _sql_constraints = [
        (
            "partnumber_unique",
            "unique(book_id, partnumber_key)",
            "A partnumber appears once per book.",
        ),
    ]

    @api.depends("partnumber")
    def _compute_partnumber_key(self):
        for item in self:
            item.partnumber_key = normalize_partnumber(item.partnumber)

    def write(self, vals):
        if set(vals) - {"partnumber_key"}:
            raise UserError(
                self.env._("Partnumber books are append-only: import a new version instead.")
            )
        return super().write(vals)
