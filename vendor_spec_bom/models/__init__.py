from . import sale_order, vendor_partnumber_book, vendor_partnumber_book_item, vendor_spec_line
