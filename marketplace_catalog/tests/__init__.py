from . import test_catalog_pictures, test_catalog_pipeline
