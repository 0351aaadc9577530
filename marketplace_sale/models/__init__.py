from . import (  # the writer before its extensions
    marketplace_account,
    marketplace_order_writer,
    marketplace_order_writer_parcels,
    sale_order,
    sale_order_line,
)
