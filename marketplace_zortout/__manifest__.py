{
    "name": "Marketplace Zortout",
    "summary": "Zortout (ZORT) channel: stock sync or push, webhooks, product and order import",
    "version": "18.0.2.0.0",
    "category": "Inventory/Inventory",
    "website": "https://github.com/marketplace-suite/marketplace-suite",
    "author": "Marketplace Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "maintainers": ["marketplace-suite"],
    "external_dependencies": {"python": ["pytz"]},
    "depends": ["marketplace_stock", "marketplace_catalog", "marketplace_sale"],
    "data": [
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/marketplace_account_views.xml",
        "wizards/zortout_order_import_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["marketplace_zortout/static/tests/tours/*.js"],
    },
    "installable": True,
}
