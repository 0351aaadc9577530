"""Pictures downloaded once per URL.

The cache is what keeps a sync from downloading 20,000 pictures every
hour, and what remembers a broken URL: it is tried again only after the
account's retry delay, not on every run.
"""

from odoo import fields, models


class MarketplaceCatalogPicture(models.Model):
    _name = "marketplace.catalog.picture"
    _description = "Catalogue Picture"
    _order = "tried_at desc, id desc"
    _rec_name = "url"

    url = fields.Char(string="URL", required=True, index=True, readonly=True)
    state = fields.Selection(
        [("done", "Downloaded"), ("failed", "Failed")], required=True, readonly=True
    )
    image = fields.Binary(attachment=True, readonly=True)
    checksum = fields.Char(readonly=True, index=True, help="SHA-1 of the downloaded content.")
    size = fields.Integer(string="Size (bytes)", readonly=True)
    error = fields.Char(readonly=True)
    attempts = fields.Integer(readonly=True)
    tried_at = fields.Datetime(string="Last try", readonly=True)

    _sql_constraints = [("url_uniq", "unique (url)", "A picture URL is cached once.")]

    def action_retry(self):
        """Forget the failure: the next sync downloads the URL again."""
        self.filtered(lambda p: p.state == "failed").unlink()
