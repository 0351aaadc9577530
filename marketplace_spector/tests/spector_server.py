"""A fake Spector API on a FixtureServer: the batch ItemInfo endpoint.

``SpectorFake(server)`` answers POST /api/ItemInfo honouring Skip,
BatchSize and ModifiedSince, with TotalCount, after checking the bearer
token. ``fail_status`` (and ``retry_after``) make it answer an HTTP error.
No Odoo import: the Odoo tier, the unit tier and the benchmark share it.
"""

from datetime import UTC, datetime

PREFIX = "/api"


def _moment(text):
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class SpectorFake:
    def __init__(self, server, items=None, token="token"):
        self.server = server
        self.token = token
        self.items = items or []
        self.fail_status = None
        self.retry_after = None
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
        return {"Items": rows[skip : skip + size], "TotalCount": len(rows)}


def make_item(code, **fields):
    """A realistic Spector item; ``fields`` override any key."""
    item = {
        "ItemCode": code,
        "Description": f"Item {code}",
        "EANCode": "",
        "Unit": "st",
        "VatRate": 25,
        "Price": 10.0,
        "IsDeleted": False,
        "WebshopInfo": {"ViewInShop": True},
        "Comment": "",
        "InternalComment": "",
        "Suppliers": [],
        "ItemGroup": None,
        "CurrencyPrices": [],
        "DiscountLists": [],
        "PriceIntervals": [],
        "LanguageArticleInfo": [],
        "Stock": [],
        "NextDeliveryDate": None,
        "PackageSize": None,
        "FreeFields": [],
        "Matrix": None,
        "Pictures": [],
        "Created": "2026-01-01T10:00:00Z",
        "Modified": "2026-01-01T10:00:00Z",
    }
    item.update(fields)
    return item
