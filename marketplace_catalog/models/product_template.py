from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    marketplace_catalog_ids = fields.One2many(
        "marketplace.catalog.product", "product_tmpl_id", string="Source items", readonly=True
    )
