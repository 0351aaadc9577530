from . import (
    marketplace_account,
    marketplace_product_stock,
    marketplace_pushed_stock,
    marketplace_sku_lookup,
    marketplace_stock_applier,
    marketplace_stock_location_map,
    marketplace_stock_pusher,
    product_template,
)
