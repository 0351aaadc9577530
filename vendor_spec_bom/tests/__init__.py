from . import test_book_pull, test_partnumber_book, test_vendor_spec
