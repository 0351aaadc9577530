{"name": "supplier_mouser", "version": "18.0.1.0.0", "license": "LGPL-3", "installable": False}
