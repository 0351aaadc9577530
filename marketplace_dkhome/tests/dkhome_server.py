"""A fake DkHome API on a FixtureServer, answering in its OData-style format.

``DkHomeFake(server)`` serves /api/Items ($skip, $orderby=ItemCode,
``$filter=Modified gt <iso>``), /api/ItemPrices, /api/Warehouses and the
two group translation collections, checking the ``ApiKey`` header. Pages
hold ``page_size`` rows. ``fail_status`` makes /Items answer that HTTP
status. No Odoo import: the Odoo tier, the unit tier and the benchmark
share it.
"""

from datetime import UTC, datetime

PREFIX = "/api"


def _moment(text):
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class DkHomeFake:
    def __init__(self, server, items=None, api_key="key"):
        self.server = server
        self.api_key = api_key
        self.items = items or []
        self.prices = []
        self.warehouses = [{"Code": "01", "Name": "Main", "IsDefault": True}]
        self.group_name_translations = []
        self.group_value_translations = []
        self.page_size = 100
        self.fail_status = None
        server.route(f"{PREFIX}/Items", self.get_items)
        server.route(f"{PREFIX}/ItemPrices", self.get_prices)
        server.route(f"{PREFIX}/Warehouses", lambda r: self._answer(r, self.warehouses))
        server.route(
            f"{PREFIX}/ItemGroupNameTranslations",
            lambda r: self._answer(r, self.group_name_translations),
        )
        server.route(
            f"{PREFIX}/ItemGroupValueTranslations",
            lambda r: self._answer(r, self.group_value_translations),
        )

    @property
    def url(self):
        return f"{self.server.url}{PREFIX}"

    def _denied(self, request):
        if request.headers.get("apikey") != self.api_key:
            return 401, {"error": {"message": "Invalid API key"}}
        return None

    def _answer(self, request, rows):
        return self._denied(request) or {"value": rows}

    def _page(self, request, rows):
        skip = int(request.arg("$skip", "0"))
        rows = sorted(rows, key=lambda row: str(row.get("ItemCode", "")).strip())
        return {"value": rows[skip : skip + self.page_size]}

    def get_items(self, request):
        denied = self._denied(request)
        if denied:
            return denied
        if self.fail_status:
            return self.fail_status, {"error": {"message": "unavailable"}}
        rows = self.items
        condition = request.arg("$filter")
        if condition:
            since = _moment(condition.split("Modified gt", 1)[1].strip())
            rows = [row for row in rows if row.get("Modified") and _moment(row["Modified"]) > since]
        return self._page(request, rows)

    def get_prices(self, request):
        return self._denied(request) or self._page(request, self.prices)


def make_item(code, **fields):
    """A realistic DkHome item; ``fields`` override any key."""
    item = {
        "ItemCode": code,
        "Description": f"Item {code.strip()}",
        "Descriptions": [],
        "EAN": "",
        "Unit": "pcs",
        "VatPercent": 25,
        "SalesPrice": 10.0,
        "ItemGroups": [],
        "FreeFields": [],
        "Prices": [],
        "QuantityBreaks": [],
        "Stock": [],
        "NextDeliveryDate": None,
        "PackageSize": None,
        "Matrix": None,
        "Pictures": [],
        "Created": "2026-01-01T10:00:00Z",
        "Modified": "2026-01-01T10:00:00Z",
        "Deleted": False,
        "Webshop": True,
    }
    item.update(fields)
    return item
