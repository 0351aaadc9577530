from . import test_channel_orders, test_channel_webhooks
