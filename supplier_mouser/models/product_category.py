from odoo import api, fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    mouser_exclude = fields.Boolean(
        string="Exclude from Mouser sync", help="Applies to the sub-categories too."
    )

    @api.model
    def _mouser_excluded_ids(self):
        """Categories flagged, and all their sub-categories."""
        flagged = self.search([("mouser_exclude", "=", True)])
        if not flagged:
            return []
        domain = ["|"] * (len(flagged) - 1) + [
            ("parent_path", "=like", f"{category.parent_path}%") for category in flagged
        ]
        return self.search(domain).ids
