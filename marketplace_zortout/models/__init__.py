from . import marketplace_account, marketplace_job
