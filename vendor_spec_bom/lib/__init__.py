"""Plain-Python logic of the vendor BOM import (no Odoo import)."""
