"""The DkHome channel: credentials, source settings and the catalogue fetch."""

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_catalog.lib.stock import parse_code_list

from ..clients.dkhome import DkHomeClient, DkHomeSettings, fetch_catalog

ADMIN = "marketplace_base.group_marketplace_manager"


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    channel = fields.Selection(selection_add=[("dkhome", "DkHome")], ondelete={"dkhome": "cascade"})
    dkhome_url = fields.Char(string="DkHome API URL", groups=ADMIN)
    dkhome_api_key = fields.Char(string="DkHome API key", groups=ADMIN)
    dkhome_relative_pictures = fields.Boolean(
        string="Relative picture URLs",
        help="The source sends picture paths; they are read from the API's host.",
    )
    dkhome_picture_base_url = fields.Char(
        string="Picture base URL", help="Where relative picture paths live; empty: the API host."
    )
    dkhome_multiple_group_levels = fields.Boolean(
        string="Multiple item-group levels",
        help="Item groups form a hierarchy (level 1 / level 2 / ...); "
        "otherwise only level 1 is read.",
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
    dkhome_price_lists = fields.Char(
        string="Discount price lists",
        help="Source price list codes imported as discount lists besides list 1 "
        "(comma separated). Prices on other lists are skipped when list 1 is present.",
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
            known_price_lists=tuple(parse_code_list(self.dkhome_price_lists)),
        )

    def _test_connection(self):
        if self.channel != "dkhome":
            return super()._test_connection()
        return self._dkhome_client().check_connection()

    def _catalog_fetch(self, since=None):
        if self.channel != "dkhome":
            return super()._catalog_fetch(since)
        return fetch_catalog(self._dkhome_client(), self._dkhome_settings(), since=since)
