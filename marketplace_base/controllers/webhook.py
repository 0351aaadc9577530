"""What every channel's webhook route does, so a channel's route is a few lines.

A channel's controller takes ``MarketplaceWebhookRoute`` as a mixin before
``http.Controller``, declares its route and calls ``_webhook_handle``; it says
only where its token is stored, where a request carries it, and which events
it receives. A mixin, not a base controller: Odoo merges the subclasses of
one controller into a single class, whose channel settings would collide.
"""

import logging

from werkzeug.exceptions import RequestEntityTooLarge

from odoo import SUPERUSER_ID
from odoo.http import request

from ..lib.webhook_auth import MAX_BODY, parse_json_body, token_matches

_logger = logging.getLogger(__name__)


class MarketplaceWebhookRoute:
    #: The ``channel`` of the accounts the route serves.
    _webhook_channel = None
    #: The account field holding the token the remote system sends.
    _webhook_token_field = None

    def _webhook_events(self):
        """The event names the route accepts (lower case)."""
        return set()

    def _webhook_given_tokens(self, httprequest):
        """The values of the request that may be the token."""
        return []

    def _webhook_handle(self, account_id, event):
        """Check the token, read the body, store the event; answer at once.

        The token is checked first, the same way for every account id: an
        unknown, archived or other channel's account answers like a wrong
        token (the same 401), so the answers tell nobody which ids exist.
        """
        # as the system, like the schedule: a job it queues never resumes a paused account
        Account = request.env["marketplace.account"].with_user(SUPERUSER_ID)
        account = Account.browse(account_id).exists()
        usable = account.active and account.channel == self._webhook_channel
        token = account[self._webhook_token_field] if usable else None
        given = self._webhook_given_tokens(request.httprequest)
        if not token_matches(given, token) or not usable:
            _logger.warning(
                "%s webhook for account %s: wrong or missing token",
                self._webhook_channel,
                account_id,
            )
            return self._webhook_answer(401, "wrong or missing token")
        event = event.lower()
        if event not in self._webhook_events():
            return self._webhook_answer(404, "unknown webhook event")
        payload, error = self._webhook_payload()
        if error:
            return self._webhook_answer(400, error)
        account._webhook_receive(event, payload)
        return self._webhook_answer(200, "stored")

    def _webhook_payload(self):
        """``(payload, None)`` or ``(None, why)`` for a body too large or not JSON.

        The body is JSON, or a form whose ``payload`` field holds the JSON
        (as some remote systems post it).
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
        return parse_json_body(body)

    def _webhook_answer(self, status, message):
        return request.make_json_response({"message": message}, status=status)
