from . import marketplace_account
from . import marketplace_job
from . import test_marketplace_execution
