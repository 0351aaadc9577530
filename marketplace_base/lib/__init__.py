"""Plain-Python helpers shared by the suite's channels (no Odoo import)."""
