"""HTTP clients of the Zortout channel (plain Python, no Odoo import)."""
