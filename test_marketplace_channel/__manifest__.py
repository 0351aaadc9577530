{
    "name": "Marketplace Test Channel",
    "summary": "A small test channel using the neutral services, as a new channel would",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "website": "https://github.com/marketplace-suite/marketplace-suite",
    "author": "Marketplace Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "maintainers": ["marketplace-suite"],
    "external_dependencies": {"python": []},
    "depends": ["marketplace_sale", "l10n_th"],
    "installable": True,
}
