"""A stable hash of what an item writes on the product, to skip unchanged items.

Stock and timestamps are left out: stock goes through the stock applier on
every run (it compares quantities itself) and the stock figures kept on the
source item (last available stock, stock indicator) are written apart, so
a stock-only change never rewrites the product; a new ``modified`` stamp
with the same content changes nothing in Odoo.
"""

import dataclasses
import hashlib
import json
from datetime import date
from decimal import Decimal

#: Stock, and what only says when the item was touched.
STOCK_FIELDS = ("stock", "last_available_stock", "stock_indicator")
IGNORED = (*STOCK_FIELDS, "created_at", "modified_at")


def _default(value):
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot fingerprint {type(value).__name__}")


def item_fingerprint(item, extra=None):
    """Hex digest of the item's product content; ``extra`` adds settings that shape it."""
    data = dataclasses.asdict(item)
    for key in IGNORED:
        data.pop(key, None)
    if extra is not None:
        data["__settings__"] = extra
    payload = json.dumps(data, sort_keys=True, default=_default, ensure_ascii=False)
    return hashlib.sha1(payload.encode(), usedforsecurity=False).hexdigest()
