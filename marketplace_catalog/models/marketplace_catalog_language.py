from odoo import fields, models


class MarketplaceCatalogLanguage(models.Model):
    _name = "marketplace.catalog.language"
    _description = "Catalogue Language Mapping"
    _order = "account_id, erp_code"

    account_id = fields.Many2one("marketplace.account", required=True, ondelete="cascade")
    erp_code = fields.Char(
        string="Source language", required=True, help="The language code the source sends, e.g. sv."
    )
    lang_id = fields.Many2one(
        "res.lang",
        string="Odoo language",
        required=True,
        domain="[('active', '=', True)]",
        ondelete="cascade",
    )

    _sql_constraints = [
        (
            "erp_code_uniq",
            "unique (account_id, erp_code)",
            "Each source language is mapped once per account.",
        )
    ]
