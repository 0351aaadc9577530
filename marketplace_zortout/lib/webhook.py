"""Zortout webhook requests: the token check and what an event names.

Zortout POSTs the product or order object, as its GET answers show it, to
the URL set for each trigger, with the "Key Reference" values in headers:
``Authorization: Basic {key1}``, ``key1``, ``key2``, ``key3``
(https://developers.zortout.com/overview/webhook). ``key1`` is the
account's secret token. Only the keys needed are read: a product event is
the product object, an order event the order object itself, whose ``list``
holds its lines.
"""

from odoo.addons.marketplace_base.lib.webhook_auth import token_matches as _matches

#: URL event name -> what it brings; the UpdateWebhook field for its URL.
EVENTS = {
    "updateproductquantity": ("quantity", "updatequantityurl"),
    "addorder": ("order", "addorderurl"),
    "updateorder": ("order", "updateorderurl"),
    # the order object too: its tracking or payment changed; an import of it
    # brings the parcels and payments with everything else
    "updateordertracking": ("order", "updateordertrackingurl"),
    "updateorderpayment": ("order", "updateorderpaymenturl"),
}


def registered_events():
    """The UpdateWebhook URL fields this version registers, as stored on the
    account at registration (sorted, comma-separated)."""
    return ",".join(sorted(field for _kind, field in EVENTS.values()))


LIST_KEYS = ("list", "data", "products", "orders", "items")


def given_tokens(headers):
    """Where a Zortout request carries the token: ``key1``, and ``Authorization: Basic``."""
    given = [headers.get("key1") or ""]
    authorization = headers.get("Authorization") or ""
    if authorization[:6].lower() == "basic ":
        given.append(authorization[6:].strip())
    return given


def token_matches(headers, token):
    """Whether the request's headers carry ``token`` (compared in constant time)."""
    return _matches(given_tokens(headers), token)


#: Keys only an order has (a line has ``sku``, ``pricepernumber``...).
ORDER_KEYS = frozenset(
    {
        "orderdate",
        "orderdateString",
        "customername",
        "customercode",
        "customerid",
        "amount",
        "status",
        "paymentstatus",
        "paymentamount",
        "trackingno",
        "trackingList",
        "saleschannel",
        "vattype",
        "updatedatetime",
        "createdatetime",
    }
)
LINE_KEYS = frozenset({"sku", "pricepernumber", "productid", "totalprice"})


def _objects(payload):
    """``payload`` as a list of objects: itself, or the objects of a list."""
    if isinstance(payload, list):
        return [item for item in payload if isinstance(item, dict)]
    return [payload] if isinstance(payload, dict) else []


def _is_order(item):
    return bool(ORDER_KEYS & item.keys()) or ("id" in item and not LINE_KEYS & item.keys())


def _carried(payload, wanted):
    """The objects of a body that ``wanted`` accepts: the body itself (or each
    object of a bare list), else those under its first list key."""
    found = []
    for item in _objects(payload):
        if wanted(item):
            found.append(item)
            continue
        key = next((k for k in LIST_KEYS if isinstance(item.get(k), list)), None)
        if key:
            found += [inner for inner in _objects(item[key]) if wanted(inner)]
    return found


def order_objects(payload):
    """The orders an order event carries.

    Zortout sends the order object itself, whose ``list`` holds its *lines*
    (v4 and v3 webhook reference, ADDORDER example): an order is taken as
    it is, never looked into. A list of orders, or orders under
    ``list``/``data``/``orders`` of an object that is no order itself, are
    read too; lines are never orders.
    """
    return _carried(payload, _is_order)


def product_objects(payload):
    """The products a product event carries: the product object itself
    (``{"id", "sku", "name", "stock", "availablestock"}``), a list of them,
    or a list of them under ``list``/``data``/``products``/``items``."""
    return _carried(payload, lambda item: "sku" in item)


def event_skus(payload):
    """The SKUs a product event names, trimmed, in order, each once."""
    skus = (str(item.get("sku") or "").strip() for item in product_objects(payload))
    return list(dict.fromkeys(sku for sku in skus if sku))


def _order_id(value):
    if isinstance(value, bool):
        return None
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def event_order_refs(payload):
    """``(ids, numbers)`` of the orders an order event names, each once.

    An order is named by its Zortout ``id``; one without a usable id, by its
    ``number`` (read through GetOrders' ``numberlist`` header).
    """
    ids, numbers = [], []
    for order in order_objects(payload):
        order_id = _order_id(order.get("id"))
        if order_id:
            ids.append(order_id)
        elif str(order.get("number") or "").strip():
            numbers.append(str(order["number"]).strip())
    return list(dict.fromkeys(ids)), list(dict.fromkeys(numbers))


def event_order_ids(payload):
    """The Zortout order ids an order event names, in order, each once."""
    return event_order_refs(payload)[0]


def payload_keys(payload):
    """The top-level keys of a body, for a note on what could not be read."""
    keys = sorted({key for item in _objects(payload) for key in item})
    return ", ".join(keys[:20]) or "none"
