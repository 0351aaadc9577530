from . import test_channel_orders
