"""Zortout webhooks: check the token, store the event, answer at once."""

import json
import logging

from werkzeug.exceptions import RequestEntityTooLarge

from odoo import SUPERUSER_ID, http
from odoo.http import request

from ..lib.webhook import EVENTS, token_matches

_logger = logging.getLogger(__name__)

#: A product or order object is a few kB; anything much larger is refused.
MAX_BODY = 512 * 1024


class ZortoutWebhookController(http.Controller):
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
        """The token is checked first, the same way for every account id: an
        unknown or archived account answers like a wrong token, so the
        answers tell nobody which account ids exist."""
        # as the system, like the schedule: a job it queues never resumes a paused account
        Account = request.env["marketplace.account"].with_user(SUPERUSER_ID)
        account = Account.browse(account_id).exists()
        usable = account.active and account.channel == "zortout"
        token = account.zortout_webhook_token if usable else None
        if not token_matches(request.httprequest.headers, token) or not usable:
            _logger.warning("Zortout webhook for account %s: wrong or missing token", account_id)
            return self._answer(401, "wrong or missing token")
        if event.lower() not in EVENTS:
            return self._answer(404, "unknown webhook event")
        payload, error = self._read_payload()
        if error:
            return self._answer(400, error)
        account._webhook_receive(event.lower(), payload)
        return self._answer(200, "stored")

    def _read_payload(self):
        """``(payload, None)`` or ``(None, why)`` for a body too large or not JSON.

        The body is JSON (Zortout's reference), or a form whose ``payload``
        field holds the JSON (as a public Odoo integration of Zortout reads it).
        """
        httprequest = request.httprequest
        if (httprequest.content_length or 0) > MAX_BODY:
            return None, "body too large"
        httprequest.max_content_length = MAX_BODY  # a body without length stops there
        try:
            body = httprequest.get_data()  # cached: Odoo may retry the request
        except RequestEntityTooLarge:
            return None, "body too large"
        if len(body) > MAX_BODY:
            return None, "body too large"
        if httprequest.mimetype == "application/x-www-form-urlencoded":
            body = httprequest.form.get("payload", "")
        try:
            payload = json.loads(body)
        except ValueError:
            return None, "body is not JSON"
        if not isinstance(payload, (dict, list)):
            return None, "body is not a JSON object or list"
        return payload, None

    def _answer(self, status, message):
        return request.make_json_response({"message": message}, status=status)
