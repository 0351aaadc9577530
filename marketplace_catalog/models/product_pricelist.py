from odoo import fields, models


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    marketplace_account_id = fields.Many2one(
        "marketplace.account",
        string="Catalogue account",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        help="The catalogue account whose syncs maintain this price list's product rules.",
    )
    marketplace_code = fields.Char(
        string="Source price list", readonly=True, help="C-<currency> or <list>-<currency>."
    )

    _sql_constraints = [
        (
            "marketplace_code_uniq",
            "unique (marketplace_account_id, marketplace_code)",
            "A source price list maps to one price list per account.",
        )
    ]
