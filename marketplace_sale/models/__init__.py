from . import (  # the writer before its extensions
    marketplace_account,
    marketplace_account_cash,
    marketplace_order_writer,
    marketplace_order_writer_cash,
    marketplace_order_writer_currency,
    marketplace_order_writer_parcels,
    marketplace_payment_method,
    marketplace_sales_channel,
    sale_order,
    sale_order_cash,
    sale_order_line,
)
