from . import (
    ir_http,
    marketplace_account,
    marketplace_job,
    res_config_settings,
    sale_order,
    sale_order_line,
    vendor_partnumber_book,
    vendor_partnumber_book_item,
    vendor_partnumber_book_pull,
    vendor_spec_line,
)
