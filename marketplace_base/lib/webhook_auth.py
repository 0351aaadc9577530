"""Webhook request checks every channel shares: the token and the body.

No Odoo import: the unit tier tests it alone.
"""

import hmac
import json
import secrets

#: A product or order object is a few kB; anything much larger is refused.
MAX_BODY = 512 * 1024


def token_matches(given, token):
    """Whether any of the ``given`` values is ``token``.

    Compared in constant time, every value; no token configured never
    matches, after the same comparisons against a throwaway value, so the
    time of a refusal tells nothing about why.
    """
    expected = (token or secrets.token_urlsafe(32)).encode()
    matches = [hmac.compare_digest(str(value or "").encode(), expected) for value in given]
    return bool(token) and any(matches)


def parse_json_body(body):
    """``(payload, None)``, or ``(None, why)`` for a body that is not a JSON
    object or list (bytes or text)."""
    if len(body) > MAX_BODY:
        return None, "body too large"
    try:
        payload = json.loads(body)
    except ValueError:
        return None, "body is not JSON"
    if not isinstance(payload, (dict, list)):
        return None, "body is not a JSON object or list"
    return payload, None
