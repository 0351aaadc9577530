"""The test channel's webhook route: its token in ``X-Token``, then the neutral route."""

from odoo import http
from odoo.addons.marketplace_base.controllers.webhook import MarketplaceWebhookRoute

from ..models.marketplace_webhook_event import EVENTS


class TestChannelWebhookController(MarketplaceWebhookRoute, http.Controller):
    _webhook_channel = "test_channel"
    _webhook_token_field = "test_channel_webhook_token"

    def _webhook_events(self):
        return set(dict(EVENTS))

    def _webhook_given_tokens(self, httprequest):
        return [httprequest.headers.get("X-Token") or ""]

    @http.route(
        "/marketplace/test_channel/<int:account_id>/webhook/<string:event>",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def test_channel_webhook(self, account_id, event, **_kwargs):
        return self._webhook_handle(account_id, event)
