from . import (
    marketplace_account,
    marketplace_account_orders,
    marketplace_job,
    sale_order,
    sale_order_line,
    zortout_order_sync,
)
