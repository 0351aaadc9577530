from . import marketplace_account, marketplace_job, test_marketplace_execution
