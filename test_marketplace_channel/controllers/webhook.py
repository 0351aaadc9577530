"""The test channel's webhook route: its own token check, then the neutral inbox."""

import hmac
import json
import secrets

from odoo import SUPERUSER_ID, http
from odoo.http import request

from ..models.marketplace_webhook_event import EVENTS


class TestChannelWebhookController(http.Controller):
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
        Account = request.env["marketplace.account"].with_user(SUPERUSER_ID)
        account = Account.browse(account_id).exists()
        usable = account.active and account.channel == "test_channel"
        token = account.test_channel_webhook_token if usable else None
        given = request.httprequest.headers.get("X-Token") or ""
        expected = token or secrets.token_urlsafe(32)  # the same work for every refusal
        if not (hmac.compare_digest(given.encode(), expected.encode()) and token):
            return self._answer(401, "wrong or missing token")
        if event not in dict(EVENTS):
            return self._answer(404, "unknown webhook event")
        try:
            payload = json.loads(request.httprequest.get_data())
        except ValueError:
            return self._answer(400, "body is not JSON")
        account._webhook_receive(event, payload)
        return self._answer(200, "stored")

    def _answer(self, status, message):
        return request.make_json_response({"message": message}, status=status)
