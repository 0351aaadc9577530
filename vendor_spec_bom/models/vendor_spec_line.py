"""A line of the vendor's BOM on a quotation, and how it resolves to a product."""

from collections import defaultdict

from odoo import api, fields, models

from ..lib.partnumbers import normalize_partnumber

# Fixed rather than the "Product Price" precision: read once per value, a
# named precision costs a cached lookup per line (5,000-line BOMs).
VENDOR_PRICE_DIGITS = (16, 5)
RESOLUTION_SOURCES = [
    ("book", "Partnumber book"),
    ("manual_suggestion", "Manual choice"),
    ("unresolved", "Unresolved"),
]


class VendorSpecLine(models.Model):
    _name = "vendor.spec.line"
    _description = "Vendor BOM Line"
    _inherit = ["marketplace.export.mixin"]
    _order = "order_id, sequence, id"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    currency_id = fields.Many2one(related="order_id.currency_id")
    sequence = fields.Integer(default=10)
    vendor_partnumber = fields.Char(string="Vendor PN", required=True)
    quantity = fields.Float(required=True, digits="Product Unit of Measure", default=1)
    description = fields.Char()
    unit_price = fields.Float(
        string="Vendor unit price",
        digits=VENDOR_PRICE_DIGITS,
        help="As the vendor wrote it (5 decimals, like vendor pricelists in this suite).",
    )
    total_price = fields.Monetary(string="Vendor total")
    manual_product_id = fields.Many2one(
        "product.product",
        string="Manual product",
        help="Your choice for this quotation only; the partnumber book is not changed.",
    )
    resolved_product_id = fields.Many2one(
        "product.product", string="Product", compute="_compute_resolution"
    )
    resolution_source = fields.Selection(RESOLUTION_SOURCES, compute="_compute_resolution")
    is_primary_pn = fields.Boolean(string="Primary PN", compute="_compute_resolution")

    @api.depends("vendor_partnumber", "manual_product_id", "order_id.company_id")
    def _compute_resolution(self):
        """One query for the whole BOM: the active book first, then the manual choice."""
        by_company = defaultdict(self.browse)
        for line in self:
            by_company[line.order_id.company_id or self.env.company] |= line
        for company, lines in by_company.items():
            found = lines._book_matches(company)
            for line in lines:
                product_id, primary = found.get(
                    normalize_partnumber(line.vendor_partnumber), (0, 0)
                )
                if product_id:
                    line.update(
                        {
                            "resolved_product_id": product_id,
                            "is_primary_pn": primary,
                            "resolution_source": "book",
                        }
                    )
                elif line.manual_product_id:
                    line.update(
                        {
                            "resolved_product_id": line.manual_product_id,
                            "is_primary_pn": True,
                            "resolution_source": "manual_suggestion",
                        }
                    )
                else:
                    line.update(
                        {
                            "resolved_product_id": False,
                            "is_primary_pn": False,
                            "resolution_source": "unresolved",
                        }
                    )

    def _book_matches(self, company):
        """``{partnumber key: (product id, is primary)}`` from the active book."""
        book = self.env["vendor.partnumber.book"]._active_book(company)
        keys = list({normalize_partnumber(pn) for pn in self.mapped("vendor_partnumber")})
        if not book or not keys:
            return {}
        self.env["vendor.partnumber.book.item"].flush_model()
        self.env.cr.execute(
            """
            SELECT partnumber_key, product_id, is_primary_pn
              FROM vendor_partnumber_book_item
             WHERE book_id = %s AND partnumber_key = ANY(%s)
            """,
            (book.id, keys),
        )
        return {
            key: (product_id, bool(primary)) for key, product_id, primary in self.env.cr.fetchall()
        }
