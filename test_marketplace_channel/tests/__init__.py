from . import test_channel_stock_push
