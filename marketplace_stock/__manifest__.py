{
    "name": "Marketplace Stock",
    "summary": "Apply remote stock to Odoo as real inventory adjustments",
    "version": "18.0.1.0.0",
    "category": "Inventory/Inventory",
    "website": "https://github.com/marketplace-suite/marketplace-suite",
    "author": "Marketplace Suite contributors",
    "license": "LGPL-3",
    "depends": ["marketplace_base", "stock"],
    "data": [
        "security/ir.model.access.csv",
        "security/marketplace_stock_rules.xml",
        "views/marketplace_account_views.xml",
        "views/product_template_views.xml",
    ],
}
