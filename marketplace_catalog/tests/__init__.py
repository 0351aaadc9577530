from . import test_catalog_pipeline
