"""Plain-Python stock logic (no Odoo import)."""
