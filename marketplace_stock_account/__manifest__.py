{
    "name": "Marketplace Stock with Accounting",
    "summary": "Remote stock adjustments stay fast when stock valuation is installed",
    "version": "18.0.1.0.0",
    "category": "Inventory/Inventory",
    "website": "https://github.com/marketplace-suite/marketplace-suite",
    "author": "Marketplace Suite contributors",
    "license": "LGPL-3",
    "depends": ["marketplace_stock", "stock_account"],
    "auto_install": True,
}
