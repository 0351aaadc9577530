from . import marketplace_account_orders
