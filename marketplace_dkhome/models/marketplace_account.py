"""The DkHome channel: credentials, source settings and the catalogue fetch.

The document's *Warehouse* setting is the catalogue's *Stock warehouses*
(empty: every warehouse the source sends), *Disallow duplicate data* the
catalogue's own; the others are DkHome fields below.
"""

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.tools import MANAGER_GROUP

from ..clients.dkhome import DkHomeClient
from ..lib.item_mapper import DkHomeSettings, fetch_catalog


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    channel = fields.Selection(selection_add=[("dkhome", "DkHome")], ondelete={"dkhome": "cascade"})
    dkhome_url = fields.Char(string="DkHome API URL", groups=MANAGER_GROUP)
    dkhome_api_key = fields.Char(string="DkHome API key", groups=MANAGER_GROUP)
    dkhome_relative_pictures = fields.Boolean(
        string="Relative picture URLs",
        help="The source sends picture paths; they are read from the API's host.",
    )
    dkhome_picture_base_url = fields.Char(
        string="Picture base URL", help="Where relative picture paths live; empty: the API host."
    )
    dkhome_multiple_group_levels = fields.Boolean(
        string="Use multiple item group levels",
        help="Item groups are levels (Level, Name or DutchText, Dutch/German/French texts): "
        "one class per level. Otherwise they are flat Name: Value classes.",
    )
    dkhome_use_price_batch = fields.Boolean(
        string="Use item prices batch",
        help="Read prices from /ItemPrices instead of the prices embedded in items.",
    )
    dkhome_disable_batch_update = fields.Boolean(
        string="Disable batch update",
        help="Read only the first page of items (a source setting for slow ERPs); a full sync "
        "then archives nothing.",
    )
    dkhome_images_only_from_pim = fields.Boolean(
        string="Use images only from PIM",
        help="Pictures are managed in a PIM: the sync reads no PictureUrls / PictureUrl.",
    )

    @api.model
    def _catalog_channels(self):
        return [*super()._catalog_channels(), "dkhome"]

    def _dkhome_client(self):
        self.ensure_one()
        account = self.sudo()
        if not account.dkhome_url or not account.dkhome_api_key:
            raise MarketplaceError(
                self.env._("Account %s: set the DkHome API URL and API key first.", self.name)
            )
        return DkHomeClient(account.dkhome_url, account.dkhome_api_key)

    def _dkhome_settings(self):
        return DkHomeSettings(
            relative_picture_urls=self.dkhome_relative_pictures,
            picture_base_url=self.dkhome_picture_base_url or "",
            multiple_group_levels=self.dkhome_multiple_group_levels,
            use_item_prices_batch=self.dkhome_use_price_batch,
            disable_batch_update=self.dkhome_disable_batch_update,
            images_only_from_pim=self.dkhome_images_only_from_pim,
        )

    def _test_connection(self):
        if self.channel != "dkhome":
            return super()._test_connection()
        return self._dkhome_client().check_connection()

    def _catalog_fetch(self, since=None):
        if self.channel != "dkhome":
            return super()._catalog_fetch(since)
        client = self._dkhome_client()
        fetch = fetch_catalog(client, self._dkhome_settings(), since=since)
        fetch.warnings += client.text_repairs  # text the database could not store, repaired
        return fetch
