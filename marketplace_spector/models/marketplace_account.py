"""The Spector channel: credentials, source settings and the catalogue fetch.

Spector's own conventions are the account's defaults: a weekly full sync
on Sunday, and the item group as an item class named "Artikelgrupp".
The document's other settings are the catalogue settings every channel
shares: *Warehouses* is *Stock warehouses* (names, comma or semicolon
separated), *Show shelf stock* is *Stock figure*, *Only sync webshop
items* is *Only webshop items*, *Force full item sync* is *Force full sync*.
"""

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.tools import MANAGER_GROUP

from ..clients.spector import SpectorClient
from ..lib.item_mapper import DEFAULT_GROUP_CLASS, SpectorSettings, fetch_catalog


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    channel = fields.Selection(
        selection_add=[("spector", "Spector")], ondelete={"spector": "cascade"}
    )
    spector_url = fields.Char(string="Spector API URL", groups=MANAGER_GROUP)
    spector_token = fields.Char(string="Spector token", groups=MANAGER_GROUP)
    spector_item_group_class = fields.Char(
        string="Article group name",
        default=DEFAULT_GROUP_CLASS,
        help="The item class that Spector's ItemGroup becomes (a product tag "
        "'<name>: <group>', or an attribute).",
    )
    spector_batch_size = fields.Integer(string="Items per request", default=500)

    @api.model
    def _catalog_channels(self):
        return [*super()._catalog_channels(), "spector"]

    def _spector_client(self):
        self.ensure_one()
        account = self.sudo()
        if not account.spector_url or not account.spector_token:
            raise MarketplaceError(
                self.env._("Account %s: set the Spector API URL and token first.", self.name)
            )
        return SpectorClient(account.spector_url, account.spector_token)

    def _test_connection(self):
        if self.channel != "spector":
            return super()._test_connection()
        return self._spector_client().check_connection()

    def _catalog_fetch(self, since=None):
        if self.channel != "spector":
            return super()._catalog_fetch(since)
        settings = SpectorSettings(
            article_group_name=self.spector_item_group_class or DEFAULT_GROUP_CLASS
        )
        client = self._spector_client()
        fetch = fetch_catalog(
            client, settings, since=since, batch_size=max(1, self.spector_batch_size or 500)
        )
        fetch.warnings += client.text_repairs  # text the database could not store, repaired
        return fetch
