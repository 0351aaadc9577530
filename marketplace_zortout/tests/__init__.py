from . import (
    test_migration_sale_orders,
    test_migration_stock_push,
    test_order_parcels,
    test_orders,
    test_product_import,
    test_stock_push,
    test_stock_sync,
    test_thai_browser,
    test_tour,
    test_webhooks,
)
