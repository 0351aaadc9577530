"""HTTP clients of the vendor BOM addon (plain Python, no Odoo import)."""
