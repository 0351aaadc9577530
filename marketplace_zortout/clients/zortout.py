"""Zortout (ZORT) Open API v4 client.

Every call sends the three authentication headers ``storename``, ``apikey``
and ``apisecret``. Answers carry a status, wrapped or flat (both are read,
see ``lib/answers.py`` for the sources)::

    {"res": {"resCode": "200", "resDesc": ""}, "list": [...], "count": 1234}
    {"resCode": "200", "resDesc": "", "list": [...], "count": 1234}

Business errors come as HTTP 200 with another ``resCode``. On reads, code
``100`` is a daily-quota notice that comes with the data and is kept in
``client.notices``; on writes only ``200`` is success. Numbers arrive as
strings ("12", "-3", "1,234.50", "").

Writes (stock lists, webhook settings) are POSTs with a JSON body; a stock
list answer says per SKU what Zortout wrote (``detail.stockupdate``, see
``stock_write_result``).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.lib.http import JsonHttpClient
from odoo.addons.marketplace_base.lib.paging import PageGuard

from ..lib.answers import (
    QUOTA_NOTICE,
    SUCCESS,
    answer_data,
    answer_part,
    answer_status,
    stock_write_result,
)
from ..lib.numbers import parse_number
from ..lib.orders import DATETIME_FORMAT, parse_order

DEFAULT_URL = "https://open-api.zortout.com/v4"
PAGE_SIZE = 500
#: SKUs per stock write; no documented limit was found, so a cautious one.
PUSH_BATCH = 100
STOCK_ENDPOINT = "Product/UpdateProductStockList"
AVAILABLE_STOCK_ENDPOINT = "Product/UpdateProductAvailableStockList"
READ_CODES = {SUCCESS, QUOTA_NOTICE}
#: The GetProducts fields a product is read from.
PRODUCT_FIELDS = (
    "id",
    "sku",
    "name",
    "barcode",
    "sellprice",
    "purchaseprice",
    "stock",
    "availablestock",
    "unittext",
    "active",
)

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

    def carried(self):
        """The fields ``from_payload`` reads, as sent: a later job part reads them again."""
        return {key: self.raw[key] for key in PRODUCT_FIELDS if key in self.raw}

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
        #: Whether the page a paged read yielded last was the last one.
        self.last_page_read = False

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
        return self._check_read(payload, endpoint)

    def _post(self, endpoint, body, params=None):
        """POST ``body`` as JSON; ``(payload, status)``, a refusal raises."""
        payload = self._request("POST", endpoint, params=params, json=body)
        return payload, self._check_write(payload, endpoint)

    def _check_read(self, payload, endpoint):
        """``payload`` when its status is success or the quota notice.

        An answer without any status is taken as it comes (a public Odoo
        integration reads it so), a bare JSON array as the list itself; its
        data is then checked where it is used.
        """
        if isinstance(payload, list):
            return payload
        status = self._status(payload, endpoint)
        if status.code is not None and status.code not in READ_CODES:
            raise self._refusal(endpoint, status)
        if status.code == QUOTA_NOTICE:
            # Zortout repeats the notice on every page, its counter moving.
            self.notices[:] = [self.redact(status.description) or "daily quota notice"]
        return payload

    def _check_write(self, payload, endpoint):
        """The status of a write answer; any code but 200 is a refusal.

        Code 100 means success only on reads (the quota notice); on a write
        nothing establishes it, so it refuses too. A write answer without a
        status is returned for its per-SKU lists to decide.
        """
        status = self._status(payload, endpoint)
        if status.code is not None and status.code != SUCCESS:
            raise self._refusal(endpoint, status)
        return status

    def _status(self, payload, endpoint):
        """The ``Status`` of an answer that must be a JSON object."""
        if not isinstance(payload, dict):
            raise MarketplaceError(
                f"Zortout {endpoint}: expected a JSON object, got {type(payload).__name__}."
            )
        return answer_status(payload)

    def _refusal(self, endpoint, status):
        description = self.redact(status.description)
        return MarketplaceError(
            f"Zortout refused {endpoint} (code {status.code}): {description or 'no description'}"
        )

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
        self.last_page_read = False
        while True:
            payload = self._get(endpoint, params={**params, "page": page}, headers=headers)
            items = self._list(payload, endpoint)
            count = parse_number(answer_part(payload, "count"), f"{endpoint} 'count'")
            self.page_counts.append(None if count is None else int(count))
            if page == first_page and count is not None:
                guard.expect_total(max(int(count) - seen, 0))
            guard.check(items)
            seen += len(items)
            self.last_page_read = len(items) < limit or (count is not None and seen >= count)
            if items:
                yield page, items
            if self.last_page_read:
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

    def iter_product_pages(self, **kwargs):
        """Yield lists of ``ZortoutProduct``, page by page; any failing page raises."""
        for _page, products in self.iter_numbered_product_pages(**kwargs):
            yield products

    def iter_numbered_product_pages(
        self,
        warehouse_code=None,
        sku_list=None,
        updated_after=None,
        active_only=False,
        limit=PAGE_SIZE,
        first_page=1,
    ):
        """``(page number, [ZortoutProduct])`` from ``first_page`` on; after
        each page ``last_page_read`` says whether it was the last one."""
        endpoint = "Product/GetProducts"
        params, headers = self._product_params(
            warehouse_code, sku_list, updated_after, active_only, limit
        )
        for page, items in self._numbered_pages(endpoint, params, headers, limit, first_page):
            yield page, [ZortoutProduct.from_payload(item, endpoint) for item in items]

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
        order_numbers=None,
    ):
        """Yield ``(page number, orders, problems)`` of GetOrders, page by page.

        Each page is read whole before it is yielded; any failing page
        raises. ``orders`` are neutral ``RemoteOrder``s; an order that cannot be
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
        headers = None
        if order_ids:
            headers = {"orderidlist": ",".join(str(int(i)) for i in order_ids)}
        elif order_numbers:
            headers = {"numberlist": ",".join(str(n).strip() for n in order_numbers)}
        for page, items in self._numbered_pages(endpoint, params, headers, limit, first_page):
            orders, problems = [], []
            for item in items:
                try:
                    orders.append(parse_order(item))
                except MarketplaceError as exc:
                    order_id = item.get("id") if isinstance(item, dict) else None
                    problems.append((order_id, str(exc)))
            yield page, orders, problems

    def _list(self, payload, endpoint):
        """The ``list`` of a read answer, beside its status or inside ``res``."""
        items = payload if isinstance(payload, list) else answer_part(payload, "list")
        if items is None:
            keys = ", ".join(sorted(payload)) or "none"
            raise MarketplaceError(f"Zortout {endpoint}: the answer has no 'list' (keys: {keys}).")
        if not isinstance(items, list):
            raise MarketplaceError(
                f"Zortout {endpoint}: 'list' is not a list ({type(items).__name__})."
            )
        return items

    def get_warehouses(self):
        endpoint = "Warehouse/GetWarehouses"
        payload = self._get(endpoint)
        return [
            ZortoutWarehouse(
                id=item.get("id"),
                code=str(self.field(item, "code", endpoint)),
                name=str(item.get("name") or ""),
            )
            for item in self._list(payload, endpoint)
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

        Returns a ``StockWrite``: the SKUs written, refused (``faillist``,
        ``notupdatelist``) and left in doubt. A refused request (any code but
        200) raises: nothing was written. ``available`` writes the available
        stock instead of the stock. Without ``warehouse_code`` Zortout writes
        to its default warehouse.
        """
        endpoint = AVAILABLE_STOCK_ENDPOINT if available else STOCK_ENDPOINT
        params = {"warehousecode": warehouse_code} if warehouse_code else None
        body = {"stocks": [{"sku": sku, "stock": int(quantity)} for sku, quantity in stocks]}
        payload, status = self._post(endpoint, body, params=params)
        result = stock_write_result(payload, [sku for sku, _quantity in stocks])
        if status.code is None and not result.has_lists:
            keys = ", ".join(sorted(payload)) or "none"
            raise MarketplaceError(
                f"Zortout {endpoint}: the answer carries neither a status nor a per-SKU "
                f"result (keys: {keys}); nothing is taken as written."
            )
        result.notes = [self.redact(note) for note in result.notes]
        return result

    def update_webhook(self, key1, key2, key3, urls):
        """Set the store's webhook (``urls``: ``{"updatequantityurl": url, ...}``).

        Zortout turns off every trigger whose URL is blank or absent.
        """
        self._more_secrets.append(key1)  # sent in the body: an echoing answer hides it
        body = {"key1": key1, "key2": key2, "key3": key3, **urls}
        payload, _status = self._post("Webhook/UpdateWebhook", body)
        return payload

    def get_webhook(self):
        """The store's webhook settings as Zortout reports them (a dict).

        No sample answer was found: the settings are read from ``detail``,
        beside the status, or from the one object next to it.
        """
        return answer_data(self._get("Webhook/GetWebhook"))
