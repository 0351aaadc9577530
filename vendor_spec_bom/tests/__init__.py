from . import (
    test_api,
    test_book_import,
    test_book_pull,
    test_partnumber_book,
    test_pricing,
    test_real_exports,
    test_security,
    test_tour,
    test_vendor_spec,
)
