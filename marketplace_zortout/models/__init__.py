from . import marketplace_account, marketplace_job, zortout_product_import
