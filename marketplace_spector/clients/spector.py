"""Spector ERP client (batch ItemInfo endpoint) and its items as catalogue items.

Every call sends ``Authorization: Bearer <token>``. Items come in batches::

    POST /ItemInfo  {"BatchSize": 500, "Skip": 0, "ModifiedSince": "2026-11-01T00:00:00Z"}
    ->  {"Items": [...], "TotalCount": 1234}

An item carries ItemCode, Description, EANCode, Unit, VatRate, Price,
IsDeleted, WebshopInfo {ViewInShop, Category}, Comment, InternalComment
(HTML-encoded), Suppliers [{Name}], ItemGroup {Code, Description},
CurrencyPrices [{Currency, Price}], DiscountLists [{Code, Currency, Price}],
PriceIntervals [{FromInterval, Discount}], LanguageArticleInfo
[{LanguageCodeISO1, Description}], Stock [{WarehouseCode, AvailableStock,
ShelfStock, IncomingStock, OutgoingStock, IsDefaultStock}],
NextDeliveryDate, PackageSize, FreeFields [{Name, Value}], Matrix
{ParentCode, ParentDescription, XValue, XDescription, YValue, YDescription},
Pictures [{Url, SortOrder}], Created, Modified. Numbers may come as strings.
"""

import html
import re
from dataclasses import dataclass

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

ENDPOINT = "ItemInfo"
TAGS = re.compile(r"<[^>]+>")


class SpectorClient(JsonHttpClient):
    service = "Spector"

    def __init__(self, base_url, token, session=None, timeout=60):
        super().__init__(base_url, session=session, timeout=timeout)
        self.token = token

    def _headers(self):
        return {"Authorization": f"Bearer {self.token}"}

    def _auth_error(self, response, endpoint):
        return MarketplaceError(
            f"Spector refused the token (HTTP {response.status_code}) on {endpoint}: "
            "check the account's Spector token."
        )

    def _batch(self, skip, batch_size, modified_since=None):
        body = {
            "BatchSize": batch_size,
            "Skip": skip,
            "ModifiedSince": v.iso_utc(modified_since) if modified_since else None,
        }
        payload = self._request("POST", ENDPOINT, json=body)
        items = self.field(payload, "Items", ENDPOINT, types=list)
        total = self.field(payload, "TotalCount", ENDPOINT, types=int, default=None)
        return items, total

    def iter_item_batches(self, modified_since=None, batch_size=500):
        skip = 0
        while True:
            items, total = self._batch(skip, batch_size, modified_since)
            if items:
                yield items
            skip += len(items)
            if len(items) < batch_size or (total is not None and skip >= total):
                return

    def check_connection(self):
        _items, total = self._batch(0, 1)
        count = "an unknown number of" if total is None else total
        return f"Connected to Spector: {count} items."


@dataclass
class SpectorSettings:
    item_group_class: str = "Artikelgrupp"


def fetch_catalog(client, settings, since=None, batch_size=500):
    """Every item (modified since ``since``) as a ``CatalogFetch``."""
    fetch = CatalogFetch()
    for batch in client.iter_item_batches(since, batch_size):
        for raw in batch:
            fetch.add(raw, lambda raw: parse_item(raw, settings))
    return fetch


def plain_text(value):
    """An HTML-encoded comment as plain text on one line."""
    text = TAGS.sub(" ", html.unescape(v.text(value)))
    return " ".join(text.split())


def parse_item(raw, settings):
    """One ItemInfo item as a ``CatalogItem``; ``ValueError`` names what is wrong."""
    code = v.item_code(raw)

    def read(reader, key, source=raw):
        return v.field(source, key, reader)

    webshop = raw.get("WebshopInfo") or {}
    item = CatalogItem(
        code=code,
        description=v.text(raw.get("Description")),
        descriptions={
            v.text(info.get("LanguageCodeISO1")).lower(): v.text(info.get("Description"))
            for info in raw.get("LanguageArticleInfo") or []
            if v.text(info.get("LanguageCodeISO1")) and v.text(info.get("Description"))
        },
        ean=v.text(raw.get("EANCode")),
        unit=v.text(raw.get("Unit")),
        vat_percent=read(v.number, "VatRate"),
        sales_price=read(v.number, "Price"),
        free_fields={
            v.text(f.get("Name")): v.text(f.get("Value"))
            for f in raw.get("FreeFields") or []
            if v.text(f.get("Name"))
        },
        next_delivery=read(v.day, "NextDeliveryDate"),
        package_size=read(v.number, "PackageSize"),
        created_at=read(v.timestamp, "Created"),
        modified_at=read(v.timestamp, "Modified"),
        deleted=read(v.flag, "IsDeleted"),
        webshop=v.flag(webshop.get("ViewInShop"), default=False),
    )
    item.classes = _classes(raw, webshop, settings)
    for price in raw.get("CurrencyPrices") or []:
        amount = read(v.number, "Price", price)
        if amount is not None:
            item.prices.append(ListPrice(v.text(price.get("Currency")), amount))
    for price in raw.get("DiscountLists") or []:
        amount = read(v.number, "Price", price)
        if amount is not None:
            item.prices.append(
                ListPrice(
                    v.text(price.get("Currency")), amount, list_code=v.text(price.get("Code"))
                )
            )
    for interval in raw.get("PriceIntervals") or []:
        item.tier_prices.append(
            TierPrice(
                min_qty=read(v.number, "FromInterval", interval) or 0,
                discount=read(v.number, "Discount", interval),
            )
        )
    for row in raw.get("Stock") or []:
        item.stock.append(
            WarehouseStock(
                warehouse=v.text(row.get("WarehouseCode")),
                available=read(v.number, "AvailableStock", row) or 0,
                on_shelf=read(v.number, "ShelfStock", row) or 0,
                to_receive=read(v.number, "IncomingStock", row) or 0,
                to_deliver=read(v.number, "OutgoingStock", row) or 0,
                is_default=v.flag(row.get("IsDefaultStock")),
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
    item.pictures = sorted(
        (
            Picture(v.text(p.get("Url")), int(read(v.number, "SortOrder", p) or 0))
            for p in raw.get("Pictures") or []
            if v.text(p.get("Url"))
        ),
        key=lambda p: p.sequence,
    )
    return item


def _classes(raw, webshop, settings):
    """Item group, webshop category, comments and suppliers as item classes."""
    classes = []
    group = raw.get("ItemGroup") or {}
    group_name = v.text(group.get("Description")) or v.text(group.get("Code"))
    if group_name:
        classes.append(ItemClass(settings.item_group_class, group_name))
    for name, value in (
        ("Webshop category", v.text(webshop.get("Category"))),
        ("Comment", plain_text(raw.get("Comment"))),
        ("Internal comment", plain_text(raw.get("InternalComment"))),
    ):
        if value:
            classes.append(ItemClass(name, value))
    for supplier in raw.get("Suppliers") or []:
        name = v.text(supplier.get("Name"))
        if name:
            classes.append(ItemClass("Supplier", name))
    return classes
