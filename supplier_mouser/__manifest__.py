{
    "name": "Mouser Price Breaks",
    "summary": "Mouser part data and price breaks into vendor pricelists, within the API quota",
    "version": "18.0.1.0.0",
    "category": "Inventory/Purchase",
    "website": "https://github.com/marketplace-suite/marketplace-suite",
    "author": "Marketplace Suite contributors",
    "license": "LGPL-3",
    "depends": ["marketplace_base", "purchase"],
    "data": [
        "security/ir.model.access.csv",
        "data/decimal_precision_data.xml",
        "data/ir_cron_data.xml",
        "views/marketplace_account_views.xml",
        "views/product_supplierinfo_views.xml",
        "views/product_template_views.xml",
        "views/product_category_views.xml",
    ],
}
