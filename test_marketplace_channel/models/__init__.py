from . import (
    marketplace_account,
    marketplace_account_orders,
    marketplace_account_stock_push,
    marketplace_account_webhook,
    marketplace_webhook_event,
)
