"""Zortout webhook requests: the token check and what an event names.

Zortout POSTs the product or order object, as its GET answers show it, to
the URL set for each trigger, with the "Key Reference" values in headers:
``Authorization: Basic {key1}``, ``key1``, ``key2``, ``key3``
(https://developers.zortout.com/overview/webhook). ``key1`` is the
account's secret token. Only the keys needed are read; the body may be one
object or carry a list.
"""

import hmac

#: URL event name -> what it brings; the UpdateWebhook field for its URL.
EVENTS = {
    "updateproductquantity": ("quantity", "updatequantityurl"),
    "addorder": ("order", "addorderurl"),
    "updateorder": ("order", "updateorderurl"),
}
LIST_KEYS = ("list", "data", "products", "orders", "items")


def token_matches(headers, token):
    """Whether the request carries ``token`` as ``key1`` or ``Authorization: Basic``.

    Compared in constant time; no token configured never matches.
    """
    if not token:
        return False
    expected = token.encode()
    given = [headers.get("key1") or ""]
    authorization = headers.get("Authorization") or ""
    if authorization[:6].lower() == "basic ":
        given.append(authorization[6:].strip())
    matches = [hmac.compare_digest(value.encode(), expected) for value in given]
    return any(matches)


def event_items(payload):
    """The objects an event body carries: itself, or the dicts of its list."""
    if isinstance(payload, list):
        return [item for item in payload if isinstance(item, dict)]
    if isinstance(payload, dict):
        for key in LIST_KEYS:
            if isinstance(payload.get(key), list):
                return event_items(payload[key])
        return [payload]
    return []


def event_skus(payload):
    """The SKUs a product event names, trimmed, in order, each once."""
    skus = (str(item.get("sku") or "").strip() for item in event_items(payload))
    return list(dict.fromkeys(sku for sku in skus if sku))


def event_order_ids(payload):
    """The Zortout order ids an order event names, in order, each once."""
    ids = []
    for item in event_items(payload):
        value = item.get("id")
        if isinstance(value, bool):
            continue
        try:
            ids.append(int(str(value).strip()))
        except (TypeError, ValueError):
            continue
    return list(dict.fromkeys(i for i in ids if i > 0))
