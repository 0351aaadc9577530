from . import marketplace_account_stock_push
