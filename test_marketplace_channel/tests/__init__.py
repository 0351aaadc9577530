from . import (
    test_channel_order_settings_access,
    test_channel_orders,
    test_channel_stock_push,
    test_channel_webhooks,
)
