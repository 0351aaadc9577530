from . import test_catalog_prices, test_catalog_sync
