"""Zortout (ZORT) Open API v4 client.

Every call sends the three authentication headers ``storename``, ``apikey``
and ``apisecret``. Answers wrap their payload with a ``res`` status object::

    {"res": {"resCode": "200", "resDesc": ""}, "list": [...], "count": 1234}

Business errors come as HTTP 200 with another ``resCode``; code ``100`` is a
daily-quota notice that comes with a successful read and is kept in
``client.notices``. Numbers arrive as strings ("12", "-3", "1,234.50", "").

Writes (stock lists, webhook settings) are POSTs with a JSON body and the
same ``res`` answer; a stock list answer also names, per SKU, what Zortout
did not write (see ``rejected_skus``).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.lib.http import JsonHttpClient
from odoo.addons.marketplace_base.lib.paging import PageGuard

from ..lib.numbers import parse_number
from ..lib.orders import DATETIME_FORMAT, parse_order

DEFAULT_URL = "https://open-api.zortout.com/v4"
PAGE_SIZE = 500
#: SKUs per stock write; no documented limit was found, so a cautious one.
PUSH_BATCH = 100
STOCK_ENDPOINT = "Product/UpdateProductStockList"
AVAILABLE_STOCK_ENDPOINT = "Product/UpdateProductAvailableStockList"
#: Lists of a stock write answer naming SKUs not written.
REJECTION_LISTS = ("faillist", "notupdatelist")
REASON_KEYS = ("reason", "message", "resDesc", "desc", "description", "error")
OK_CODES = {"200", "100"}
QUOTA_NOTICE = "100"

__all__ = ["ZortoutClient", "parse_number"]


@dataclass
class ZortoutProduct:
    """One product of GetProducts; ``stock`` is 0 when Zortout sends none."""

    id: int
    sku: str
    name: str
    barcode: str
    sell_price: Decimal | None
    cost: Decimal | None
    stock: Decimal
    available_stock: Decimal | None
    unit: str
    active: bool
    raw: dict = field(repr=False, default_factory=dict)

    @classmethod
    def from_payload(cls, item, endpoint):
        if not isinstance(item, dict):
            raise MarketplaceError(f"Zortout {endpoint}: a product is not an object ({item!r}).")
        sku = str(item.get("sku") or "").strip()

        def number(key):
            return parse_number(
                item.get(key), f"{endpoint}, product {sku or item.get('id')}, '{key}'"
            )

        return cls(
            id=item.get("id"),
            sku=sku,
            name=str(item.get("name") or "").strip(),
            barcode=str(item.get("barcode") or "").strip(),
            sell_price=number("sellprice"),
            cost=number("purchaseprice"),
            stock=number("stock") or Decimal(0),
            available_stock=number("availablestock"),
            unit=str(item.get("unittext") or "").strip(),
            active=item.get("active", True) not in (False, 0, "0", "false"),
            raw=item,
        )


@dataclass
class ZortoutWarehouse:
    id: int
    code: str
    name: str


class ZortoutClient(JsonHttpClient):
    service = "Zortout"

    def __init__(
        self,
        storename,
        apikey,
        apisecret,
        base_url=DEFAULT_URL,
        session=None,
        timeout=30,
        secrets=(),
    ):
        super().__init__(base_url, session=session, timeout=timeout)
        self.storename = storename
        self._apikey = apikey
        self._apisecret = apisecret
        #: Other values never to be shown, such as the webhook token.
        self._more_secrets = [secret for secret in secrets if secret]
        self.notices = []
        self.page_counts = []

    def _headers(self):
        return {"storename": self.storename, "apikey": self._apikey, "apisecret": self._apisecret}

    def _secrets(self):
        return [*super()._secrets(), *self._more_secrets]

    def _auth_error(self, response, endpoint):
        return MarketplaceError(
            f"Zortout refused the credentials (HTTP {response.status_code} on {endpoint}): "
            "check the store name, API key and secret, and that the API is enabled in Zortout."
        )

    def _get(self, endpoint, params=None, headers=None):
        payload = self._request("GET", endpoint, params=params, headers=headers)
        return self._check_res(payload, endpoint)

    def _post(self, endpoint, body, params=None):
        """POST ``body`` as JSON; the answer is checked like a read's."""
        payload = self._request("POST", endpoint, params=params, json=body)
        return self._check_res(payload, endpoint)

    def _check_res(self, payload, endpoint):
        """``payload`` when its ``res`` says success; a business error raises."""
        res = self.field(payload, "res", endpoint, dict)
        code = str(self.field(res, "resCode", endpoint, (str, int)))
        description = self.redact(str(res.get("resDesc") or "").strip())
        if code not in OK_CODES:
            raise MarketplaceError(
                f"Zortout refused {endpoint} (code {code}): {description or 'no description'}"
            )
        if code == QUOTA_NOTICE:
            # Zortout repeats the notice on every page, its counter moving.
            self.notices[:] = [description or "daily quota notice"]
        return payload

    def _pages(self, endpoint, params, headers=None, limit=PAGE_SIZE):
        """Yield the raw item lists of a paged read; any failing page raises.

        A page that repeats an earlier one, or more pages than the reported
        count allows, stops the read with an error (see ``PageGuard``).
        """
        for _page, items in self._numbered_pages(endpoint, params, headers, limit):
            yield items

    def _numbered_pages(self, endpoint, params, headers=None, limit=PAGE_SIZE, first_page=1):
        """``(page number, items)`` of a paged read, from ``first_page`` on.

        ``page_counts`` keeps the item count each page reported: a count that
        moves during a read means the list moved under it.
        """
        guard = PageGuard(self.service, endpoint, page_size=limit)
        page, seen = first_page, (first_page - 1) * limit
        self.page_counts = []
        while True:
            payload = self._get(endpoint, params={**params, "page": page}, headers=headers)
            items = self.field(payload, "list", endpoint, list)
            count = parse_number(payload.get("count"), f"{endpoint} 'count'")
            self.page_counts.append(None if count is None else int(count))
            if page == first_page and count is not None:
                guard.expect_total(max(int(count) - seen, 0))
            guard.check(items)
            if items:
                yield page, items
            seen += len(items)
            if len(items) < limit or (count is not None and seen >= count):
                return
            page += 1

    def _product_params(self, warehouse_code, sku_list, updated_after, active_only, limit):
        params = {"limit": limit}
        if warehouse_code:
            params["warehousecode"] = warehouse_code
        if updated_after:
            params["updatedafter"] = updated_after.strftime("%Y-%m-%d %H:%M")
        if active_only:
            params["activestatus"] = 1
        headers = {"skulist": ",".join(sku_list)} if sku_list else None
        return params, headers

    def iter_product_pages(
        self,
        warehouse_code=None,
        sku_list=None,
        updated_after=None,
        active_only=False,
        limit=PAGE_SIZE,
    ):
        """Yield lists of ``ZortoutProduct``, page by page; any failing page raises."""
        endpoint = "Product/GetProducts"
        params, headers = self._product_params(
            warehouse_code, sku_list, updated_after, active_only, limit
        )
        for items in self._pages(endpoint, params, headers, limit):
            yield [ZortoutProduct.from_payload(item, endpoint) for item in items]

    def iter_stock(self, warehouse_code=None, sku_list=None, limit=PAGE_SIZE):
        """Yield ``(sku, quantity)`` of every product, reading nothing else.

        A stock sync must not fail on a product whose price or name cannot be
        read. A quantity that is not a number comes as the raw value, for the
        stock plan to report by SKU.
        """
        endpoint = "Product/GetProducts"
        params, headers = self._product_params(warehouse_code, sku_list, None, False, limit)
        for items in self._pages(endpoint, params, headers, limit):
            for item in items:
                if not isinstance(item, dict):
                    raise MarketplaceError(
                        f"Zortout {endpoint}: a product is not an object ({item!r:.100})."
                    )
                raw = item.get("stock")
                try:
                    quantity = parse_number(raw) if raw not in (None, "") else Decimal(0)
                except MarketplaceError:
                    quantity = raw
                yield str(item.get("sku") or "").strip(), quantity

    def iter_products(self, **kwargs):
        for page in self.iter_product_pages(**kwargs):
            yield from page

    def iter_order_pages(
        self,
        updated_after=None,
        updated_before=None,
        order_ids=None,
        limit=PAGE_SIZE,
        first_page=1,
    ):
        """Yield ``(page number, orders, problems)`` of GetOrders, page by page.

        Each page is read whole before it is yielded; any failing page
        raises. ``orders`` are ``ZortoutOrder``; an order that cannot be
        read is left out and named in ``problems`` as ``(id, message)``, so
        the others still import. ``order_ids`` reads exactly those orders
        (header ``orderidlist``) whatever their dates. See
        ``lib/orders.py`` for how the amounts are read.
        """
        endpoint = "Order/GetOrders"
        params = {"limit": limit}
        if updated_after:
            params["updatedatetimeafter"] = updated_after.strftime(DATETIME_FORMAT)
        if updated_before:
            params["updatedatetimebefore"] = updated_before.strftime(DATETIME_FORMAT)
        headers = {"orderidlist": ",".join(str(int(i)) for i in order_ids)} if order_ids else None
        for page, items in self._numbered_pages(endpoint, params, headers, limit, first_page):
            orders, problems = [], []
            for item in items:
                try:
                    orders.append(parse_order(item))
                except MarketplaceError as exc:
                    order_id = item.get("id") if isinstance(item, dict) else None
                    problems.append((order_id, str(exc)))
            yield page, orders, problems

    def get_warehouses(self):
        endpoint = "Warehouse/GetWarehouses"
        payload = self._get(endpoint)
        return [
            ZortoutWarehouse(
                id=item.get("id"),
                code=str(self.field(item, "code", endpoint)),
                name=str(item.get("name") or ""),
            )
            for item in self.field(payload, "list", endpoint, list)
        ]

    def check_connection(self):
        warehouses = self.get_warehouses()
        return (
            "Connected to Zortout: "
            f"{len(warehouses)} warehouse(s) ({', '.join(w.code for w in warehouses[:5])})."
        )

    # ---------------------------------------------------------------- writes
    def update_stock_list(self, stocks, warehouse_code=None, available=False):
        """Write ``[(sku, whole quantity), ...]`` (at most ``PUSH_BATCH``) to Zortout.

        Returns ``{sku: reason}`` of the SKUs Zortout did not write; a
        whole-request business error raises and means nothing was written.
        ``available`` writes the available stock instead of the stock.
        Without ``warehouse_code`` Zortout writes to its default warehouse.
        """
        endpoint = AVAILABLE_STOCK_ENDPOINT if available else STOCK_ENDPOINT
        params = {"warehousecode": warehouse_code} if warehouse_code else None
        body = {"stocks": [{"sku": sku, "stock": int(quantity)} for sku, quantity in stocks]}
        payload = self._post(endpoint, body, params=params)
        return rejected_skus(payload, endpoint)

    def update_webhook(self, key1, key2, key3, urls):
        """Set the store's webhook (``urls``: ``{"updatequantityurl": url, ...}``).

        Zortout turns off every trigger whose URL is blank or absent.
        """
        self._more_secrets.append(key1)  # sent in the body: an echoing answer hides it
        body = {"key1": key1, "key2": key2, "key3": key3, **urls}
        return self._post("Webhook/UpdateWebhook", body)

    def get_webhook(self):
        """The store's webhook settings as Zortout reports them (a dict)."""
        payload = self._get("Webhook/GetWebhook")
        # No sample answer was found: the settings either sit beside "res"
        # or in one object next to it; both are read.
        data = {key: value for key, value in payload.items() if key != "res"}
        nested = [value for value in data.values() if isinstance(value, dict)]
        return nested[0] if len(data) == 1 and nested else data


def rejected_skus(payload, endpoint=STOCK_ENDPOINT):
    """``{sku: reason}`` from a stock write answer's ``faillist`` and ``notupdatelist``.

    No recorded sample answer was found: the list names come from the API
    reference's field names, and an item may be a plain SKU string or an
    object with ``sku`` and a reason, so both are read.
    """
    rejected = {}
    for key in REJECTION_LISTS:
        items = payload.get(key) or []
        if not isinstance(items, list):
            raise MarketplaceError(f"Zortout {endpoint}: '{key}' is not a list ({items!r:.100}).")
        for item in items:
            if isinstance(item, dict):
                sku = str(item.get("sku") or "").strip()
                reason = next((str(item[k]) for k in REASON_KEYS if item.get(k)), "")
            else:
                sku, reason = str(item or "").strip(), ""
            if sku:
                rejected[sku] = f"{key}: {reason}" if reason else key
    return rejected
