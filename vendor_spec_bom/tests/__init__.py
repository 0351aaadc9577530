from . import test_vendor_spec
from . import test_partnumber_book
