"""The one way every channel finds Odoo products by SKU.

A SKU is a product's internal reference, trimmed; a company sees its own
products and the shared ones. Stock sync, stock push, the catalogue writer
and the order writer all ask here, so they agree on what a SKU matches.
"""

from collections import defaultdict

from odoo import api, models

from ..lib.stock_plan import ProductInfo

PRODUCT_COLUMNS = """
    SELECT pp.id, trim(pp.default_code), pp.active AND pt.active,
           pt.type = 'consu' AND pt.is_storable, pt.tracking != 'none', pp.product_tmpl_id
      FROM product_product pp
      JOIN product_template pt ON pt.id = pp.product_tmpl_id
"""


class MarketplaceSkuLookup(models.AbstractModel):
    _name = "marketplace.sku.lookup"
    _description = "Marketplace Products by SKU"

    @api.model
    def _products(self, company, skus):
        """``[ProductInfo]`` of the company's products whose SKU is in ``skus``
        (archived ones included: callers decide what an archived match means)."""
        skus = [sku for sku in {(sku or "").strip() for sku in skus or ()} if sku]
        if not skus:
            return []
        self._flush()
        self.env.cr.execute(
            PRODUCT_COLUMNS
            + """
             WHERE trim(pp.default_code) = ANY(%s)
               AND (pt.company_id IS NULL OR pt.company_id = %s)
            """,
            (skus, company.id),
        )
        return [ProductInfo(*row) for row in self.env.cr.fetchall()]

    @api.model
    def _by_sku(self, company, skus, active_only=True):
        """``{sku: [ProductInfo]}``: more than one entry means the SKU is ambiguous."""
        found = defaultdict(list)
        for info in self._products(company, skus):
            if info.active or not active_only:
                found[info.code].append(info)
        return found

    @api.model
    def _storable_with_sku(self, company):
        """``[ProductInfo]`` of every active storable product of the company that
        has a SKU, in id order (what a stock push sends)."""
        self._flush()
        self.env.cr.execute(
            PRODUCT_COLUMNS
            + """
             WHERE pp.active AND pt.active AND pt.type = 'consu' AND pt.is_storable
               AND trim(coalesce(pp.default_code, '')) != ''
               AND (pt.company_id IS NULL OR pt.company_id = %s)
          ORDER BY pp.id
            """,
            (company.id,),
        )
        return [ProductInfo(*row) for row in self.env.cr.fetchall()]

    def _flush(self):
        self.env["product.product"].flush_model(["default_code", "active", "product_tmpl_id"])
        self.env["product.template"].flush_model(
            ["company_id", "active", "type", "is_storable", "tracking"]
        )
