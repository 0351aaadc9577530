"""A fake Spector API on a FixtureServer: the batch ItemInfo endpoint.

``SpectorFake(server)`` answers POST /api/ItemInfo honouring Skip,
BatchSize and ModifiedSince, with TotalCount, after checking the bearer
token; it serves the items of ``fixtures/spector_items.json`` (shaped like
the Spector item-update document's tables) unless given others.
``fail_status`` (and ``retry_after``) make it answer an HTTP error;
``ignore_skip`` makes it answer the first batch whatever Skip says, as a
misbehaving server would. ``envelope`` picks the answer's JSON:
``"items"`` (``{"Items": [...], "TotalCount": n}``, the default),
``"bare"`` (a JSON array), ``"odata"`` (``{"value": [...]}``) or
``"single"`` (one object when one item is asked for, else a bare array);
the document names none of them. No Odoo import: the Odoo tier, the unit tier and
the benchmark share it.
"""

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

PREFIX = "/api"
FIXTURE = Path(__file__).parent / "fixtures" / "spector_items.json"


def load_items():
    """The fixture items (a fresh copy, tests may change them)."""
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def _moment(text):
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class SpectorFake:
    def __init__(self, server, items=None, token="token"):
        self.server = server
        self.token = token
        self.items = load_items() if items is None else items
        self.fail_status = None
        self.retry_after = None
        self.ignore_skip = False
        self.envelope = "items"
        server.route(f"{PREFIX}/ItemInfo", self.item_info, method="POST")

    @property
    def url(self):
        return f"{self.server.url}{PREFIX}"

    def item_info(self, request):
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return 401, {"Message": "Authorization has been denied for this request."}
        if self.fail_status:
            headers = {"Retry-After": str(self.retry_after)} if self.retry_after else {}
            return self.fail_status, {"Message": "unavailable"}, headers
        body = request.json() or {}
        rows = self.items
        if body.get("ModifiedSince"):
            since = _moment(body["ModifiedSince"])
            rows = [row for row in rows if row.get("Modified") and _moment(row["Modified"]) > since]
        skip, size = int(body.get("Skip") or 0), int(body.get("BatchSize") or 500)
        if self.ignore_skip:
            skip = 0
        batch = rows[skip : skip + size]
        if self.envelope == "bare":
            return batch
        if self.envelope == "odata":
            return {"value": batch}
        if self.envelope == "single":
            return batch[0] if size == 1 and batch else batch
        return {"Items": batch, "TotalCount": len(rows)}


def make_item(code, **fields):
    """A Spector ItemInfo entity in the document's shape; ``fields`` override any key."""
    item = copy.deepcopy(
        {
            "ItemCode": code,
            "InternalItemCode": "",
            "Description": f"Item {code}",
            "VatPercentage": None,
            "EanCode": "",
            "ItemGroup": "",
            "SalesPriceExVat": 10.0,
            "Stocks": [],
            "PackagingSize": None,
            "WebshopInfo": {"ViewInShop": True, "ItemInfo": "", "ShortItemInfo": ""},
            "ItemComment": "",
            "InternalComment": "",
            "Suppliers": [],
            "LanguageArticleInfo": [],
            "CurrencyPrices": [],
            "DiscountLists": [],
            "PriceIntervals": [],
            "IsDeleted": False,
            "Modified": "2026-01-01T10:00:00Z",
        }
    )
    item.update(fields)
    return item
