from . import marketplace_account
from . import marketplace_job
from . import zortout_product_import
