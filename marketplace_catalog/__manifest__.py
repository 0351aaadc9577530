{
    "name": "Marketplace Catalogue",
    "summary": "Item catalogue sync from ERP sources: products, variants, price lists, "
    "tier prices, translations, stock and pictures",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/marketplace-suite/marketplace-suite",
    "author": "Marketplace Suite contributors",
    "license": "LGPL-3",
    "depends": ["marketplace_stock", "sale"],
    "data": [
        "security/ir.model.access.csv",
        "security/marketplace_catalog_rules.xml",
        "data/ir_cron_data.xml",
        "views/marketplace_account_views.xml",
        "views/marketplace_catalog_picture_views.xml",
        "views/marketplace_catalog_product_views.xml",
        "views/product_template_views.xml",
        "views/marketplace_catalog_menus.xml",
    ],
}
