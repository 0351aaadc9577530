from . import (
    marketplace_account,
    marketplace_job,
    product_category,
    product_supplierinfo,
    product_template,
    supplier_mouser_candidate,
    supplier_mouser_quota,
    supplier_mouser_sync,
)
