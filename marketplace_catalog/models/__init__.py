from . import (
    catalog_picture_writer,
    catalog_pricelist_writer,
    catalog_product_writer,
    catalog_sync,
    marketplace_account,
    marketplace_catalog_language,
    marketplace_catalog_picture,
    marketplace_catalog_product,
    marketplace_job,
    product_pricelist,
    product_template,
)
