from . import (
    res_config_settings,
    sale_order,
    vendor_partnumber_book,
    vendor_partnumber_book_item,
    vendor_partnumber_book_pull,
    vendor_spec_line,
)
