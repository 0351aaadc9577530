"""A fake DkHome REST API on a FixtureServer, answering in its OData-style format.

``DkHomeFake(server)`` serves /api/Items ($skip, $orderby=ItemCode,
``$filter=Modified gt <iso>``), /api/ItemPrices, /api/PriceLists,
/api/Warehouses and the two item-group translation collections, checking
the ``ApiKey`` header. By default it serves ``fixtures/dkhome.json``
(shaped like the DkHome item-update document's tables). Pages hold
``page_size`` rows; ``ignore_skip`` answers the first page whatever
``$skip`` says, as a misbehaving server would; ``fail_status`` makes
/Items answer that HTTP status. ``envelope`` picks the JSON around every
collection: ``"odata"`` (``{"value": [...]}``, the default),
``"odata_count"`` (with ``@odata.context`` and ``@odata.count``),
``"bare"`` (a JSON array) or ``"items"`` (``{"Items": [...],
"TotalCount": n}``); the document names none of them. No Odoo import: the Odoo tier, the unit
tier and the benchmark share it.
"""

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

PREFIX = "/api"
FIXTURE = Path(__file__).parent / "fixtures" / "dkhome.json"
COLLECTIONS = (
    "Items",
    "ItemPrices",
    "PriceLists",
    "Warehouses",
    "ItemGroupNameTranslations",
    "ItemGroupValueTranslations",
)


def load_fixture():
    """The fixture collections (a fresh copy, tests may change them)."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return {name: data.get(name, []) for name in COLLECTIONS}


def _moment(text):
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class DkHomeFake:
    def __init__(self, server, items=None, api_key="key", fixture=True):
        self.server = server
        self.api_key = api_key
        self.page_size = 100
        self.fail_status = None
        self.ignore_skip = False
        self.envelope = "odata"
        self.load(fixture)
        if items is not None:
            self.items = items
        server.route(f"{PREFIX}/Items", self.get_items)
        server.route(
            f"{PREFIX}/ItemPrices", lambda r: self._denied(r) or self._page(r, self.prices)
        )
        for name, attribute in (
            ("PriceLists", "price_lists"),
            ("Warehouses", "warehouses"),
            ("ItemGroupNameTranslations", "group_name_translations"),
            ("ItemGroupValueTranslations", "group_value_translations"),
        ):
            server.route(
                f"{PREFIX}/{name}",
                lambda r, attribute=attribute: (
                    self._denied(r) or self.wrap(getattr(self, attribute))
                ),
            )

    def load(self, fixture=True):
        """Serve the fixture file's collections (or empty ones)."""
        data = load_fixture() if fixture else dict.fromkeys(COLLECTIONS, [])
        self.items = data["Items"]
        self.prices = data["ItemPrices"]
        self.price_lists = data["PriceLists"]
        self.warehouses = data["Warehouses"]
        self.group_name_translations = data["ItemGroupNameTranslations"]
        self.group_value_translations = data["ItemGroupValueTranslations"]

    @property
    def url(self):
        return f"{self.server.url}{PREFIX}"

    def item(self, code):
        return next(row for row in self.items if row["ItemCode"].strip() == code)

    def _denied(self, request):
        if request.headers.get("apikey") != self.api_key:
            return 401, {"error": {"message": "Invalid API key"}}
        return None

    def _page(self, request, rows):
        skip = 0 if self.ignore_skip else int(request.arg("$skip", "0"))
        rows = sorted(rows, key=lambda row: str(row.get("ItemCode", "")).strip())
        return self.wrap(rows[skip : skip + self.page_size], len(rows))

    def wrap(self, rows, total=None):
        """The rows in the envelope this fake is set to."""
        total = len(rows) if total is None else total
        if self.envelope == "bare":
            return rows
        if self.envelope == "items":
            return {"Items": rows, "TotalCount": total}
        if self.envelope == "odata_count":
            return {"@odata.context": f"{PREFIX}/$metadata", "@odata.count": total, "value": rows}
        return {"value": rows}

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


def make_item(code, **fields):
    """A DkHome RestJsonItem in the document's shape; ``fields`` override any key."""
    item = copy.deepcopy(
        {
            "ItemCode": code,
            "Created": "2026-01-01T10:00:00Z",
            "Modified": "2026-01-01T10:00:00Z",
            "EanCode": "",
            "FreeSortField": None,
            "LastAvailableStock": None,
            "NextDelivery": None,
            "PurchasePackageSize": None,
            "SalesPriceExcl": 10.0,
            "Unit": None,
            "VatPercentage": None,
            "AcceptsDefaultDiscount": None,
            "StockIndicator": None,
            "MatrixCode": None,
            "MatrixDescription": None,
            "MatrixId": None,
            "MatrixXValue": None,
            "MatrixXDescription": None,
            "MatrixYValue": None,
            "MatrixYDescription": None,
            "Descriptions": [{"Language": "nl", "Description": f"Item {code.strip()}"}],
            "FreeFields": [],
            "SalesPrices": [],
            "ItemGroups": [],
            "PictureUrls": [],
            "PictureUrl": None,
            "StockValues": [],
        }
    )
    item.update(fields)
    return item
