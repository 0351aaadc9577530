"""Zortout webhooks: where Zortout puts the token; the rest is the neutral route's."""

from odoo import http
from odoo.addons.marketplace_base.controllers.webhook import MarketplaceWebhookRoute

from ..lib.webhook import EVENTS, given_tokens


class ZortoutWebhookController(MarketplaceWebhookRoute, http.Controller):
    _webhook_channel = "zortout"
    _webhook_token_field = "zortout_webhook_token"

    def _webhook_events(self):
        return set(EVENTS)

    def _webhook_given_tokens(self, httprequest):
        return given_tokens(httprequest.headers)

    @http.route(
        "/marketplace/zortout/<int:account_id>/webhook/<string:event>",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def zortout_webhook(self, account_id, event, **_kwargs):
        return self._webhook_handle(account_id, event)
