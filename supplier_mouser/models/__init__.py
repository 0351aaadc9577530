from . import (
    decimal_precision,
    marketplace_account,
    marketplace_job,
    product_category,
    product_supplierinfo,
    product_template,
    purchase_order_line,
    supplier_mouser_candidate,
    supplier_mouser_quota,
    supplier_mouser_sync,
)
