"""Which Odoo product each source item became, and what it last said.

The link is what makes a sync idempotent (unchanged items are skipped by
fingerprint) and what lets a full sync archive the products *this account*
created when the source stops returning them, without touching others.
"""

from markupsafe import Markup, escape

from odoo import api, fields, models


class MarketplaceCatalogProduct(models.Model):
    _name = "marketplace.catalog.product"
    _description = "Catalogue Item Link"
    _inherit = ["marketplace.export.mixin"]
    _order = "account_id, code"
    _rec_name = "code"

    account_id = fields.Many2one(
        "marketplace.account", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    code = fields.Char(string="Item code", required=True)
    parent_code = fields.Char(string="Matrix item", help="The matrix item this item is a cell of.")
    product_id = fields.Many2one("product.product", ondelete="cascade", index=True)
    product_tmpl_id = fields.Many2one("product.template", ondelete="cascade", index=True)
    fingerprint = fields.Char(readonly=True)
    internal_code = fields.Char(string="Internal item code", readonly=True)
    free_fields = fields.Json(readonly=True)
    free_fields_html = fields.Html(
        string="Free fields", compute="_compute_free_fields_html", sanitize=False
    )
    info = fields.Json(readonly=True, help="Article info, comments: texts the source keeps.")
    info_html = fields.Html(string="Item info", compute="_compute_info_html", sanitize=False)
    free_sort_field = fields.Char(string="Free sort field", readonly=True)
    accepts_default_discount = fields.Boolean(string="Accepts default discount", readonly=True)
    stock_indicator = fields.Integer(
        readonly=True, help="The source's stock indicator; -1 when it never sent one."
    )
    last_available_stock = fields.Float(string="Last available stock", readonly=True)
    source_unit = fields.Char(string="Unit in source", readonly=True)
    matrix_id = fields.Char(string="Matrix ID", readonly=True)
    matrix_cell = fields.Char(string="Matrix cell", readonly=True)
    next_delivery = fields.Date(string="Next delivery", readonly=True)
    package_size = fields.Float(string="Purchase package size", readonly=True)
    vat_percent = fields.Float(string="VAT %", readonly=True)
    source_created_at = fields.Datetime(string="Created in source", readonly=True)
    source_modified_at = fields.Datetime(string="Modified in source", readonly=True)
    synced_at = fields.Datetime(string="Synced at", readonly=True)
    archived_by_sync = fields.Boolean(
        readonly=True, help="Archived because a full sync no longer found the item."
    )

    _sql_constraints = [
        ("code_uniq", "unique (account_id, code)", "An item code is linked once per account.")
    ]

    @api.depends("free_fields")
    def _compute_free_fields_html(self):
        for link in self:
            link.free_fields_html = _table(sorted((link.free_fields or {}).items()))

    @api.depends("info")
    def _compute_info_html(self):
        for link in self:
            link.info_html = _table((link.info or {}).items())


def _table(rows):
    """Label/text rows as a small read-only table (texts escaped, line breaks kept)."""
    rows = list(rows)
    if not rows:
        return False
    return Markup("<table class='table table-sm o_marketplace_free_fields'>%s</table>") % (
        Markup().join(
            Markup("<tr><th>%s</th><td style='white-space: pre-wrap'>%s</td></tr>")
            % (escape(k), escape(v))
            for k, v in rows
        )
    )
