{
    "name": "Marketplace Test Channel",
    "summary": "A test-only channel built on the neutral services of marketplace_base",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "author": "Marketplace Suite contributors",
    "license": "LGPL-3",
    "depends": ["marketplace_base"],
}
