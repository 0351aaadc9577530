{
    "name": "Marketplace Base Tests",
    "summary": "A test channel whose jobs do what the tests of marketplace_base ask",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "author": "Marketplace Suite contributors",
    "license": "LGPL-3",
    "depends": ["marketplace_base"],
    "data": ["security/ir.model.access.csv"],
}
