from . import (
    marketplace_account,
    marketplace_account_stock_push,
    marketplace_job,
    marketplace_zortout_pushed_stock,
)
