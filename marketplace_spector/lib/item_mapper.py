"""Spector ``ItemInfo`` items as catalogue items (the Spector item-update document).

The mapping follows the document's tables field by field; see the README's
Spector table for where each one lands in Odoo. Plain Python: the client
fetches, this module reads, the catalogue pipeline writes.

Shapes the document leaves open are read in every plausible form, and
what is present but read by nothing lands in the job result's field
report (``EXPECTED`` names what each object type should hold):
``ItemGroup`` is a plain value; ``Stocks`` rows name their warehouse in
``Warehouse`` (or ``WarehouseName``, ``WarehouseCode``); ``WebshopInfo``
is an object (or a list holding one); ``DiscountLists`` rows hold their
prices in ``Prices`` (each with ``Id``, ``CurrencyCode`` and
``PriceExclVat``, like ``CurrencyPrices``); ``LanguageArticleInfo`` rows
carry ``LanguageCodeISO1`` (or ``LanguageCode``, ``Language``,
``Culture``, in any case) and ``Description``; suppliers come as
``Suppliers`` [{``Name``}].
"""

from dataclasses import dataclass

from odoo.addons.marketplace_base.lib.field_report import FieldReport
from odoo.addons.marketplace_catalog.lib import values as v
from odoo.addons.marketplace_catalog.lib.item import (
    CatalogFetch,
    CatalogItem,
    ItemClass,
    ListPrice,
    TierPrice,
    WarehouseStock,
)

DEFAULT_GROUP_CLASS = "Artikelgrupp"
#: App4Sales item categories, kept under these labels on the source-item page.
ARTICLE_INFO = "Article info"
SHORT_ARTICLE_INFO = "Short article info"
EXTRA_INFO = "Extra info"
INTERNAL_INFO = "Extra info (internal)"
SUPPLIER_CLASS = "Supplier"


WAREHOUSE = ("Warehouse", "WarehouseName", "WarehouseCode")
PRICE = ["CurrencyCode", "PriceExclVat"]
#: What each object type is read for (the field report's "expected").
EXPECTED = {
    "ItemInfo": (
        [
            "ItemCode",
            "InternalItemCode",
            "Description",
            "VatPercentage",
            "EanCode",
            "ItemGroup",
            "SalesPriceExVat",
            "Stocks",
            "PackagingSize",
            "WebshopInfo",
            "ItemComment",
            "InternalComment",
            "Suppliers",
            "LanguageArticleInfo",
            "CurrencyPrices",
            "DiscountLists",
            "PriceIntervals",
            "IsDeleted",
        ],
        ["Modified"],
    ),
    "ItemInfo.WebshopInfo": (["ViewInShop", "ItemInfo", "ShortItemInfo"], []),
    "ItemInfo.Stocks": ([WAREHOUSE, "AvailableStock", "ShelfStock", "IsDefaultStock"], []),
    "ItemInfo.LanguageArticleInfo": ([v.LANGUAGE_KEYS, "Description"], []),
    "ItemInfo.Suppliers": (["Name"], []),
    "ItemInfo.CurrencyPrices": (PRICE, ["Id"]),
    "ItemInfo.DiscountLists": (["Id", "Description", "Prices"], []),
    "ItemInfo.DiscountLists.Prices": (PRICE, ["Id"]),
    "ItemInfo.PriceIntervals": (["FromInterval", "Discount"], []),
}


@dataclass
class SpectorSettings:
    article_group_name: str = DEFAULT_GROUP_CLASS


def fetch_catalog(client, settings, since=None, batch_size=500):
    """Every item (modified since ``since``) as a ``CatalogFetch``."""
    fetch = CatalogFetch()
    expect(fetch.fields)
    for batch in client.iter_item_batches(since, batch_size):
        for raw in batch:
            fetch.add(raw, lambda raw: parse_item(raw, settings, fetch.fields))
    return fetch


def expect(report):
    """Declare what the mapper reads, per object type, on a ``FieldReport``."""
    for object_type, (fields, optional) in EXPECTED.items():
        report.expect(object_type, fields, optional)


def parse_item(raw, settings=None, report=None):
    """One ItemInfo entity as a ``CatalogItem``; ``ValueError`` names what is wrong."""
    settings = settings or SpectorSettings()
    report = report or FieldReport()
    # observed before the code is checked: a code under another name shows in the report
    report.observe("ItemInfo", raw, raw.get("ItemCode") if isinstance(raw, dict) else None)
    code = v.item_code(raw)

    def read(reader, key, source=raw):
        return v.field(source, key, reader)

    def rows(key, source=raw, object_type=None):
        found = v.rows(source, key)
        for row in found:
            report.observe(object_type or f"ItemInfo.{key}", row, code)
        return found

    webshop = _webshop(raw)
    if webshop:
        report.observe("ItemInfo.WebshopInfo", webshop, code)
    item = CatalogItem(
        code=code,
        internal_code=v.plain(raw.get("InternalItemCode"), "InternalItemCode"),
        description=v.plain(raw.get("Description"), "Description"),
        vat_percent=read(v.number, "VatPercentage"),
        ean=v.plain(raw.get("EanCode"), "EanCode"),
        sales_price=read(v.number, "SalesPriceExVat"),
        package_size=read(v.number, "PackagingSize"),
        deleted=read(v.flag, "IsDeleted"),
        # only an explicit ViewInShop == false keeps an item out of the webshop
        webshop=v.field(webshop, "ViewInShop", lambda x: v.flag(x, default=True)),
        modified_at=read(v.timestamp, "Modified") if raw.get("Modified") else None,
    )
    group = v.plain(raw.get("ItemGroup"), "ItemGroup")
    if group:
        item.classes.append(ItemClass(settings.article_group_name or DEFAULT_GROUP_CLASS, group))
    for supplier in rows("Suppliers"):
        name = v.plain(supplier.get("Name"), "Suppliers.Name")
        if name:
            item.classes.append(ItemClass(SUPPLIER_CLASS, name))
    item.info = _info(raw, webshop)
    item.sales_description = "\n\n".join(
        item.info[label] for label in (SHORT_ARTICLE_INFO, ARTICLE_INFO) if label in item.info
    )
    for info in rows("LanguageArticleInfo"):
        lang = v.language(info, ("LanguageCodeISO1", *v.LANGUAGE_KEYS))
        text = v.plain(info.get("Description"), "LanguageArticleInfo.Description")
        if lang and text:
            item.descriptions[lang] = text
    item.stock = [
        WarehouseStock(
            warehouse=v.plain(v.first(row, WAREHOUSE), "Stocks.Warehouse"),
            available=read(v.number, "AvailableStock", row) or 0,
            on_shelf=read(v.number, "ShelfStock", row) or 0,
            is_default=read(v.flag, "IsDefaultStock", row),
        )
        for row in rows("Stocks")
    ]
    item.prices = _prices(raw, rows)
    item.tier_prices = [
        TierPrice(
            min_qty=read(v.number, "FromInterval", interval) or 0,
            discount=read(v.number, "Discount", interval),
        )
        for interval in rows("PriceIntervals")
    ]
    return item


def _webshop(raw):
    """``WebshopInfo`` as an object: the document's ``entity.WebshopInfo?.ItemInfo``.

    A list holding one object is read as that object.
    """
    value = raw.get("WebshopInfo")
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict):
        return value[0]
    return v.obj(raw, "WebshopInfo")


def _info(raw, webshop):
    """The item categories with a text: article info (HTML-decoded), comments."""
    info = {}
    for label, value in (
        (ARTICLE_INFO, v.html_text(webshop.get("ItemInfo"))),
        (SHORT_ARTICLE_INFO, v.html_text(webshop.get("ShortItemInfo"))),
        (EXTRA_INFO, v.plain(raw.get("ItemComment"), "ItemComment")),
        (INTERNAL_INFO, v.plain(raw.get("InternalComment"), "InternalComment")),
    ):
        if value:
            info[label] = value
    return info


def _prices(raw, rows):
    """Currency prices (list ``C-<CUR>``) and discount-list prices (``<Id>-<CUR>``).

    Zero discount prices are kept here; the pipeline's price plan skips and
    counts them.
    """
    prices = []
    for price in rows("CurrencyPrices"):
        amount = v.field(price, "PriceExclVat", v.number)
        currency = v.text(price.get("CurrencyCode")).upper()
        if amount is None or not currency:
            raise ValueError("CurrencyPrices: a price needs CurrencyCode and PriceExclVat")
        prices.append(ListPrice(currency, amount))
    for discount_list in rows("DiscountLists"):
        list_id = v.plain(discount_list.get("Id"), "DiscountLists.Id")
        if not list_id:
            raise ValueError("DiscountLists: a list has no Id")
        description = v.plain(discount_list.get("Description"), "DiscountLists.Description")
        for price in rows("Prices", discount_list, "ItemInfo.DiscountLists.Prices"):
            amount = v.field(price, "PriceExclVat", v.number)
            currency = v.text(price.get("CurrencyCode")).upper()
            if amount is None or not currency:
                raise ValueError(
                    f"DiscountLists {list_id}: a price needs CurrencyCode and PriceExclVat"
                )
            prices.append(ListPrice(currency, amount, list_code=list_id, list_name=description))
    return prices
