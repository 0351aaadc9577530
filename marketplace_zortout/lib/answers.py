"""How Zortout answers: its status in either envelope, and what a stock write did.

Sources, read side by side (no live Zortout is reachable here):

* Zortout Open API v4 reference (developers.zortout.com, Product and Order
  pages): reads answer ``{"res": {"resCode", "resDesc"}, "list", "count"}``.
* A public C# client (GitHub ``tealerr/CRUD-Ecommerce``,
  ``ecommerce/Common/Helper/ZortHelper.cs``): a stock write is read as the
  *flat* ``UpdateProductStockListResponse`` ``{resCode, resDesc, resDesc2,
  resDesc3, detail: {..., stockupdate: {success, fail, notupdate,
  successlist, faillist, notupdatelist}}}``, each list item ``{productid,
  sku, stock, skutype, cost}``; the same client declares the *wrapped*
  ``ZortResponseFull`` ``{"res": {resCode, resDesc, ..., detail}}``.
* A public Odoo integration (GitHub ``dionasaday/odoo``,
  ``otd_marketplace_stock/models/zortout_adapter.py``): reads the code from
  a top-level ``resCode`` or from ``res``, which it has seen as an object
  and as the code itself, beside ``list`` and ``count``.

So every form is read: the status in ``res`` (object or bare code) or flat,
the payload (``list``, ``count``, ``detail``) beside the status or inside
``res``, and the per-SKU lists wherever a stock write answer puts them. What
is present and not understood is said (``notes``), never dropped silently.
"""

from dataclasses import dataclass

from odoo.addons.marketplace_stock.lib.stock_push import BatchAnswer

#: Where Zortout puts the text of a status, in order.
DESCRIPTION_KEYS = ("resDesc", "resDesc2", "resDesc3")
STATUS_KEYS = ("res", "resCode", *DESCRIPTION_KEYS)
SUCCESS = "200"
#: On reads only: the daily quota notice that comes with the data.
QUOTA_NOTICE = "100"
REJECTION_LISTS = ("faillist", "notupdatelist")
SUCCESS_LIST = "successlist"
#: Counters of a ``stockupdate`` section, by the list they count.
COUNTS = {"successlist": "success", "faillist": "fail", "notupdatelist": "notupdate"}
#: Keys of a list item that may say why a SKU was not written (none is
#: documented; the C# item has only productid, sku, stock, skutype, cost).
REASON_KEYS = ("reason", "message", "resDesc", "desc", "description", "error")


@dataclass
class Status:
    """The status of an answer: ``code`` is None when the answer carries none."""

    code: str | None
    description: str
    form: str  # "wrapped", "flat" or "none"


def answer_status(payload):
    """The ``Status`` of an answer in any of its envelopes."""
    if not isinstance(payload, dict):
        return Status(None, "", "none")
    res = payload.get("res")
    if isinstance(res, dict):
        return Status(
            _code(res.get("resCode")), _description(res) or _description(payload), "wrapped"
        )
    if isinstance(res, (str, int)) and not isinstance(res, bool):
        return Status(_code(res), _description(payload), "flat")
    if "resCode" in payload:
        return Status(_code(payload.get("resCode")), _description(payload), "flat")
    return Status(None, _description(payload), "none")


def _code(value):
    text = str(value).strip() if value is not None else ""
    return text or None


def _description(source):
    texts = [str(source.get(key) or "").strip() for key in DESCRIPTION_KEYS]
    return " ".join(text for text in texts if text)


def answer_part(payload, key):
    """``payload[key]`` beside the status, else inside ``res``; ``None`` when absent."""
    if not isinstance(payload, dict):
        return None
    if key in payload:
        return payload[key]
    res = payload.get("res")
    if isinstance(res, dict):
        return res.get(key)
    return None


def answer_data(payload):
    """What an answer carries besides its status (for GetWebhook): its
    ``detail`` object, else the other keys, else the one object among them."""
    detail = answer_part(payload, "detail")
    if isinstance(detail, dict):
        return detail
    data = {key: value for key, value in (payload or {}).items() if key not in STATUS_KEYS}
    nested = [value for value in data.values() if isinstance(value, dict)]
    return nested[0] if len(data) == 1 and nested else data


# ------------------------------------------------------------- stock writes
@dataclass
class StockWrite(BatchAnswer):
    """What Zortout did with one batch of a stock write, in the push service's
    terms (``BatchAnswer``: accepted, rejected, unconfirmed, notes), and
    whether its answer held per-SKU lists at all.
    """

    has_lists: bool = False


def _sections(payload):
    """Every object of an answer that may hold the per-SKU lists, outermost first."""
    found, queue = [], [payload]
    while queue:
        node = queue.pop(0)
        if not isinstance(node, dict) or any(node is seen for seen in found):
            continue
        found.append(node)
        queue += [node.get(key) for key in ("res", "detail", "stockupdate")]
    return found


def _item_sku(item):
    if isinstance(item, dict):
        return str(item.get("sku") or "").strip()
    if isinstance(item, (str, int)) and not isinstance(item, bool):
        return str(item).strip()
    return ""


def _item_reason(name, item):
    reason = ""
    if isinstance(item, dict):
        reason = next((str(item[key]) for key in REASON_KEYS if item.get(key)), "")
    return f"{name}: {reason}" if reason else name


def _count(value):
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def stock_write_result(payload, sent):
    """Read a stock write answer for the SKUs ``sent`` (the batch, in order).

    The per-SKU lists are trusted: a SKU in ``faillist`` or
    ``notupdatelist`` was not written. When ``successlist`` names SKUs, only
    those count as written. When Zortout counts more refusals than it names,
    or a list cannot be read, only the SKUs ``successlist`` names are taken
    as written and the rest stay unconfirmed. An answer with no per-SKU
    result at all means the whole batch was written (its code says so; the
    caller checks the code).
    """
    result = StockWrite()
    sent = [str(sku).strip() for sku in sent]
    named = {SUCCESS_LIST: [], **{name: [] for name in REJECTION_LISTS}}
    reported = dict.fromkeys(named, 0)
    unnamed = 0
    doubtful = False
    for section in _sections(payload):
        for name, skus in named.items():
            if section.get(name) is None:
                continue
            result.has_lists = True
            items = section[name]
            if not isinstance(items, list):
                result.notes.append(f"'{name}' is not a list ({items!r:.80}): not understood")
                doubtful = True
                continue
            for item in items:
                sku = _item_sku(item)
                if sku:
                    skus.append((sku, item))
                elif name != SUCCESS_LIST:
                    unnamed += 1
            count = _count(section.get(COUNTS[name]))
            reported[name] = max(reported[name], count or 0, len(items))
    sent_set = set(sent)
    for name in REJECTION_LISTS:
        for sku, item in named[name]:
            if sku in sent_set:
                result.rejected.setdefault(sku, _item_reason(name, item))
    if unnamed:
        result.notes.append(f"{unnamed} refused item(s) without a SKU: not understood")
    refused_count = sum(reported[name] for name in REJECTION_LISTS)
    named_refusals = len({sku for name in REJECTION_LISTS for sku, _item in named[name]})
    if refused_count > named_refusals:
        doubtful = True
        result.notes.append(
            f"Zortout counted {refused_count} SKU(s) not written but named "
            f"{named_refusals}: the others are sent again next push"
        )
    confirmed = {sku for sku, _item in named[SUCCESS_LIST]}
    for sku in sent:
        if sku in result.rejected:
            continue
        if sku in confirmed or (not confirmed and not doubtful):
            result.accepted.append(sku)
        else:
            result.unconfirmed.append(sku)
    if confirmed and result.unconfirmed and not doubtful:
        result.notes.append(
            f"{len(result.unconfirmed)} SKU(s) sent but absent from Zortout's answer: "
            "sent again next push"
        )
    strangers = {sku for skus in named.values() for sku, _item in skus} - sent_set
    if strangers:
        result.notes.append(
            f"Zortout's answer names SKU(s) not sent: {', '.join(sorted(strangers)[:5])}"
        )
    return result
