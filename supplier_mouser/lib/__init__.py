"""Plain-Python logic of the Mouser channel (no Odoo import)."""
