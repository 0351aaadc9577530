{
    "name": "Marketplace Spector",
    "summary": "Spector ERP (batch ItemInfo endpoint) as an item catalogue source",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/marketplace-suite/marketplace-suite",
    "author": "Marketplace Suite contributors",
    "license": "LGPL-3",
    "depends": ["marketplace_catalog"],
    "data": ["views/marketplace_account_views.xml"],
}
