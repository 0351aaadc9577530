"""HTTP clients of the Mouser channel (plain Python, no Odoo import)."""
