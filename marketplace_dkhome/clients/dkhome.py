"""DkHome ERP client (REST, OData-style) and its items as catalogue items.

Every call sends ``ApiKey: <key>``. Collections answer ``{"value": [...]}``
and are paged with ``$skip``; the server decides the page size, so paging
stops on a page shorter than the first one (or empty)::

    GET /Items?$orderby=ItemCode&$skip=0[&$filter=Modified gt 2026-11-01T00:00:00Z]
    GET /ItemPrices?$orderby=ItemCode&$skip=0     {ItemCode, PriceList, Currency, Price}
    GET /Warehouses                               {Code, Name, IsDefault}
    GET /ItemGroupNameTranslations                {Group, Language, Text}
    GET /ItemGroupValueTranslations               {Group, Value, Language, Text}

An item carries ItemCode, Description, Descriptions [{Language, Text}], EAN,
Unit, VatPercent, SalesPrice, ItemGroups [{Level, Group, Value}],
FreeFields [{Key, Value}], Prices [{PriceList, Currency, Price}],
QuantityBreaks [{FromQuantity, DiscountPercent | Price}], Stock [{Warehouse,
Available, OnShelf, ToReceive, ToDeliver}], NextDeliveryDate, PackageSize,
Matrix {ParentCode, ParentDescription, XValue, XDescription, YValue,
YDescription}, Pictures [{Url, Sequence}], Created, Modified, Deleted,
Webshop. Numbers may come as strings.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.lib.http import JsonHttpClient
from odoo.addons.marketplace_catalog.lib import values as v
from odoo.addons.marketplace_catalog.lib.item import (
    CatalogFetch,
    CatalogItem,
    ItemClass,
    ListPrice,
    Matrix,
    Picture,
    TierPrice,
    WarehouseStock,
)
from odoo.addons.marketplace_catalog.lib.pictures import absolute_url

BASE_LIST = "1"


class DkHomeClient(JsonHttpClient):
    service = "DkHome"

    def __init__(self, base_url, api_key, session=None, timeout=30):
        super().__init__(base_url, session=session, timeout=timeout)
        self.api_key = api_key

    def _headers(self):
        return {"ApiKey": self.api_key}

    def _auth_error(self, response, endpoint):
        return MarketplaceError(
            f"DkHome refused the API key (HTTP {response.status_code}) on {endpoint}: "
            "check the account's DkHome API key."
        )

    def _collection(self, endpoint, params=None):
        payload = self._request("GET", endpoint, params=params)
        return self.field(payload, "value", endpoint, types=list)

    def _pages(self, endpoint, params=None, first_page_only=False):
        skip, page_size = 0, None
        while True:
            page = self._collection(endpoint, {**(params or {}), "$skip": skip})
            yield page
            if first_page_only or not page:
                return
            page_size = page_size or len(page)
            if len(page) < page_size:
                return
            skip += len(page)

    def iter_item_pages(self, modified_since=None, first_page_only=False):
        params = {"$orderby": "ItemCode"}
        if modified_since:
            params["$filter"] = f"Modified gt {v.iso_utc(modified_since)}"
        return self._pages("Items", params, first_page_only)

    def iter_item_prices(self):
        for page in self._pages("ItemPrices", {"$orderby": "ItemCode"}):
            yield from page

    def get_warehouses(self):
        return self._collection("Warehouses")

    def get_group_name_translations(self):
        return self._collection("ItemGroupNameTranslations")

    def get_group_value_translations(self):
        return self._collection("ItemGroupValueTranslations")

    def check_connection(self):
        warehouses = self.get_warehouses()
        codes = ", ".join(v.text(w.get("Code")) for w in warehouses if isinstance(w, dict))
        return f"Connected to DkHome: {len(warehouses)} warehouses ({codes or 'none'})."


@dataclass
class DkHomeSettings:
    relative_picture_urls: bool = False
    picture_base_url: str = ""  # empty: the API's scheme and host
    multiple_group_levels: bool = False
    use_item_prices_batch: bool = False
    disable_batch_update: bool = False
    known_price_lists: tuple = ()  # discount lists imported besides list 1


@dataclass
class Lookups:
    """What items refer to, fetched once per sync."""

    default_warehouses: frozenset = frozenset()
    group_names: dict = None  # {group: {lang: text}}
    group_values: dict = None  # {(group, value): {lang: text}}
    prices: dict = None  # {code: [raw price]} when read in batch
    picture_base: str = ""


def fetch_catalog(client, settings, since=None):
    """Every item (modified since ``since``) as a ``CatalogFetch``."""
    lookups = _lookups(client, settings)
    fetch = CatalogFetch()
    unknown_lists = set()
    pages = client.iter_item_pages(since, first_page_only=settings.disable_batch_update)
    for page_number, page in enumerate(pages, start=1):
        for raw in page:
            fetch.add(raw, lambda raw: parse_item(raw, settings, lookups, unknown_lists))
        if settings.disable_batch_update and page_number == 1 and page:
            fetch.complete = False
            fetch.warnings.append(
                "Batch update is disabled: only the first page of items was read."
            )
    for code in sorted(unknown_lists):
        fetch.warnings.append(f"Prices on unknown price list {code} were skipped.")
    return fetch


def _lookups(client, settings):
    names, values = {}, {}
    for row in client.get_group_name_translations():
        names.setdefault(v.text(row.get("Group")), {})[v.text(row.get("Language"))] = v.text(
            row.get("Text")
        )
    for row in client.get_group_value_translations():
        key = (v.text(row.get("Group")), v.text(row.get("Value")))
        values.setdefault(key, {})[v.text(row.get("Language"))] = v.text(row.get("Text"))
    defaults = frozenset(
        v.text(w.get("Code")) for w in client.get_warehouses() if v.flag(w.get("IsDefault"))
    )
    prices = None
    if settings.use_item_prices_batch:
        prices = {}
        for row in client.iter_item_prices():
            prices.setdefault(v.text(row.get("ItemCode")), []).append(row)
    base = settings.picture_base_url
    if not base:
        parts = urlsplit(client.base_url)
        base = f"{parts.scheme}://{parts.netloc}"
    return Lookups(defaults, names, values, prices, base)


def parse_item(raw, settings, lookups, unknown_lists=None):
    """One DkHome item as a ``CatalogItem``; ``ValueError`` names what is wrong."""
    code = v.item_code(raw)

    def read(reader, key, source=raw):
        return v.field(source, key, reader)

    item = CatalogItem(
        code=code,
        description=v.text(raw.get("Description")),
        descriptions={
            v.text(d.get("Language")): v.text(d.get("Text"))
            for d in raw.get("Descriptions") or []
            if v.text(d.get("Language")) and v.text(d.get("Text"))
        },
        ean=v.text(raw.get("EAN")),
        unit=v.text(raw.get("Unit")),
        vat_percent=read(v.number, "VatPercent"),
        sales_price=read(v.number, "SalesPrice"),
        classes=_classes(raw.get("ItemGroups") or [], settings, lookups),
        free_fields={
            v.text(f.get("Key")): v.text(f.get("Value"))
            for f in raw.get("FreeFields") or []
            if v.text(f.get("Key"))
        },
        next_delivery=read(v.day, "NextDeliveryDate"),
        package_size=read(v.number, "PackageSize"),
        created_at=read(v.timestamp, "Created"),
        modified_at=read(v.timestamp, "Modified"),
        deleted=read(v.flag, "Deleted"),
        webshop=v.flag(raw.get("Webshop"), default=True),
    )
    prices = lookups.prices.get(code, []) if lookups.prices is not None else raw.get("Prices")
    item.prices = _prices(prices or [], settings, unknown_lists)
    for tier in raw.get("QuantityBreaks") or []:
        item.tier_prices.append(
            TierPrice(
                min_qty=read(v.number, "FromQuantity", tier) or 0,
                discount=read(v.number, "DiscountPercent", tier),
                price=read(v.number, "Price", tier),
            )
        )
    for row in raw.get("Stock") or []:
        warehouse = v.text(row.get("Warehouse"))
        item.stock.append(
            WarehouseStock(
                warehouse=warehouse,
                available=read(v.number, "Available", row) or 0,
                on_shelf=read(v.number, "OnShelf", row) or 0,
                to_receive=read(v.number, "ToReceive", row) or 0,
                to_deliver=read(v.number, "ToDeliver", row) or 0,
                is_default=warehouse in lookups.default_warehouses,
            )
        )
    matrix = raw.get("Matrix")
    if matrix:
        item.matrix = Matrix(
            parent_code=v.text(matrix.get("ParentCode")),
            parent_description=v.text(matrix.get("ParentDescription")),
            x_value=v.text(matrix.get("XValue")),
            x_description=v.text(matrix.get("XDescription")),
            y_value=v.text(matrix.get("YValue")),
            y_description=v.text(matrix.get("YDescription")),
        )
    pictures = []
    for picture in raw.get("Pictures") or []:
        url = v.text(picture.get("Url"))
        if url:
            if settings.relative_picture_urls:
                url = absolute_url(url, lookups.picture_base)
            pictures.append(Picture(url, int(read(v.number, "Sequence", picture) or 0)))
    item.pictures = sorted(pictures, key=lambda p: p.sequence)
    return item


def _classes(groups, settings, lookups):
    """Item groups as classes: level 1 only, or one hierarchy per group."""
    by_group = {}
    for row in groups:
        level = int(v.number(row.get("Level")) or 1)
        if level > 1 and not settings.multiple_group_levels:
            continue
        group, value = v.text(row.get("Group")), v.text(row.get("Value"))
        if group and value:
            by_group.setdefault(group, []).append((level, value))
    classes = []
    for group, levels in by_group.items():
        path = [value for _level, value in sorted(levels)]
        classes.append(
            ItemClass(
                group=group,
                value=path[-1],
                parents=tuple(path[:-1]),
                group_translations=dict((lookups.group_names or {}).get(group, {})),
                value_translations=dict((lookups.group_values or {}).get((group, path[-1]), {})),
            )
        )
    return classes


def _prices(rows, settings, unknown_lists):
    """Price list 1 is the currency's list, known lists are discount lists.

    A price on an unknown list is skipped when the item has a list-1 price,
    else it stands in for it (it goes to the currency's default list).
    """
    parsed = []
    for row in rows:
        try:
            price = v.number(row.get("Price"))
        except ValueError as exc:
            raise ValueError(f"Prices: {exc}") from None
        if price is None:
            continue
        parsed.append((v.text(row.get("PriceList")), v.text(row.get("Currency")), price))
    has_base = any(code == BASE_LIST for code, _cur, _p in parsed)
    prices = []
    for code, currency, price in parsed:
        if code == BASE_LIST:
            prices.append(ListPrice(currency, price))
        elif code in settings.known_price_lists:
            prices.append(ListPrice(currency, price, list_code=code))
        elif has_base:
            if unknown_lists is not None:
                unknown_lists.add(code)
        else:
            prices.append(ListPrice(currency, price))
    return prices
