from . import marketplace_account, marketplace_order_writer, sale_order, sale_order_line
