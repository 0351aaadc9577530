"""Zortout products as neutral catalogue items, for the catalogue pipeline."""

from odoo.addons.marketplace_catalog.lib.item import CatalogFetch, CatalogItem


def catalog_fetch(products):
    """A ``CatalogFetch`` of Zortout products: name, barcode, prices and unit."""
    return CatalogFetch(
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
        ]
    )
