"""Lets purchase computations round vendor prices with the "Vendor Price" digits."""

from odoo import api, models


class DecimalPrecision(models.Model):
    _inherit = "decimal.precision"

    @api.model
    def precision_get(self, application):
        if application == "Product Price" and self.env.context.get("product_price_digits"):
            application = self.env.context["product_price_digits"]
        return super().precision_get(application)
