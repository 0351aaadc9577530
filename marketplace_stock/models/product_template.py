from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    marketplace_stock_ids = fields.One2many(
        "marketplace.product.stock", "product_tmpl_id", string="Marketplace stock", readonly=True
    )
