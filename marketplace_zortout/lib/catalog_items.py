"""Zortout products as neutral catalogue items, for the catalogue pipeline."""

from odoo.addons.marketplace_base.lib.field_report import FieldReport
from odoo.addons.marketplace_catalog.lib.item import CatalogFetch, CatalogItem


def catalog_fetch(products, fields=None):
    """A ``CatalogFetch`` of Zortout products: name, barcode, prices and unit.

    ``fields`` (a ``FieldReport``) says which fields of the answers were read.
    """
    return CatalogFetch(
        fields=fields or FieldReport(),
        items=[
            CatalogItem(
                code=product.sku,
                description=product.name,
                ean=product.barcode,
                unit=product.unit,
                sales_price=product.sell_price,
                cost=product.cost,
            )
            for product in products
        ],
    )
