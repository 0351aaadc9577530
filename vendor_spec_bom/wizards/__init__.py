from . import vendor_partnumber_book_import, vendor_spec_import, vendor_spec_markup
