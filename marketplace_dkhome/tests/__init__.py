from . import test_catalog_sync
