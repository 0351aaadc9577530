from . import test_stock_applier
