from . import marketplace_account
from . import marketplace_stock_location_map
from . import marketplace_product_stock
from . import marketplace_stock_applier
from . import product_template
