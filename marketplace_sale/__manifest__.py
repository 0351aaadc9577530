{
    "name": "Marketplace Sale",
    "summary": "Remote orders into Odoo sale orders, for every channel",
    "version": "18.0.1.1.0",
    "category": "Sales/Sales",
    "website": "https://github.com/marketplace-suite/marketplace-suite",
    "author": "Marketplace Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "maintainers": ["marketplace-suite"],
    "external_dependencies": {"python": []},
    "depends": ["marketplace_stock", "sale_stock", "stock_delivery"],
    "data": [
        "security/ir.model.access.csv",
        "views/marketplace_account_views.xml",
        "views/sale_order_views.xml",
    ],
    "installable": True,
}
