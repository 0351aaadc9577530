"""DkHome REST items (RestJsonItem) as catalogue items (the DkHome item-update document).

The mapping follows the document's tables field by field; see the README's
DkHome table for where each one lands in Odoo. Plain Python: the client
fetches, this module reads, the catalogue pipeline writes.

Shapes the document leaves open are read in every plausible form, and
what is present but read by nothing lands in the job result's field
report (``EXPECTED`` names what each object type should hold):

* a row's language is ``Language``, ``LanguageCode``, ``LanguageCodeISO1``
  or ``Culture``, in any case (``nl``, ``NL``, ``nl-NL``);
* ``Descriptions`` rows are ``{<language>, Description}`` (or ``Text``);
  the first one is the item's main description (the product name when no
  mapped language gives an English one);
* item prices come embedded as ``SalesPrices``, ``ItemPrices`` or
  ``Prices`` rows (RestJsonItemPrice: ``{ItemCode, PriceExcl, PriceList,
  PriceListExternalId}``), or from ``/ItemPrices`` with *Use item prices
  batch*; a price without ``ItemCode`` is its parent item's;
* ``ItemGroups`` rows are ``{Name, Value}`` (flat) or, with *Use multiple
  item group levels*, ``{Level, Name, DutchText, GermanText, FrenchText}``
  (a row without ``Level`` takes its position in the list, top first);
  the translation endpoints' rows are ``{Name, [Value,] <language>, Text}``
  (or ``Translation``);
* ``PictureUrls`` rows are ``{Url, Sequence}``; ``PictureUrl`` is one URL;
* ``StockValues`` and ``FreeFields`` are "a list of key-value pairs":
  ``[{"Key": "AvailableStock", "Value": 12}]`` or rows with named fields
  (``{Warehouse, AvailableStock, ShelfStock, ToBeReceived,
  ToBeDelivered}``); without ``AvailableStock`` the stock formula is
  ShelfStock + ToBeReceived - ToBeDelivered. Without readable
  ``StockValues``, ``LastAvailableStock`` is the item's stock, never 0.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from odoo.addons.marketplace_base.lib.field_report import FieldReport
from odoo.addons.marketplace_catalog.lib import readers
from odoo.addons.marketplace_catalog.lib import values as v
from odoo.addons.marketplace_catalog.lib.item import (
    CatalogFetch,
    CatalogItem,
    ItemClass,
    ListPrice,
    WarehouseStock,
)

#: Where item prices are embedded, the spellings of a price's fields and a price list's.
PRICE_ROWS = ("SalesPrices", "ItemPrices", "Prices")
PRICE_AMOUNT = ("PriceExcl", "PriceExclVat", "Price")
PRICE_LIST = ("PriceList", "PriceListId", "PriceListGuid")
LIST_ID = ("Id", "Guid", "PriceListId")
LIST_EXTERNAL_ID = ("ExternalId", "PriceListExternalId")
LIST_NAME = ("Description", "Name")
LIST_CURRENCY = ("Currency", "CurrencyCode")
DESCRIPTION_TEXT = ("Description", "Text")
TRANSLATION_TEXT = ("Text", "Translation", "Description")
WAREHOUSE = ("Warehouse", "WarehouseCode", "WarehouseName")
STOCK_FIGURES = ("AvailableStock", "ShelfStock", "ToBeReceived", "ToBeDelivered")
LANG = v.LANGUAGE_KEYS
#: The matrix fields, in the order ``readers.matrix`` takes them.
MATRIX_FIELDS = (
    "MatrixCode",
    "MatrixDescription",
    "MatrixId",
    "MatrixXValue",
    "MatrixXDescription",
    "MatrixYValue",
    "MatrixYDescription",
)
#: What each object type is read for (the field report's "expected").
EXPECTED = {
    "Items": (
        [
            "ItemCode",
            "Created",
            "Modified",
            "EanCode",
            "FreeSortField",
            "LastAvailableStock",
            "NextDelivery",
            "PurchasePackageSize",
            "SalesPriceExcl",
            "Unit",
            "VatPercentage",
            "AcceptsDefaultDiscount",
            *MATRIX_FIELDS,
            "Descriptions",
            "FreeFields",
            "ItemGroups",
            ("PictureUrls", "PictureUrl"),
            "StockIndicator",
            "StockValues",
        ],
        [*PRICE_ROWS, "PictureUrls", "PictureUrl"],
    ),
    "Items.Descriptions": ([LANG, DESCRIPTION_TEXT], []),
    "Items.StockValues": ([WAREHOUSE, *STOCK_FIGURES], []),
    "Items.ItemGroups": (
        ["Name"],
        ["Value", "Level", "DutchText", "GermanText", "FrenchText"],
    ),
    "Items.PictureUrls": (["Url"], ["Sequence"]),
    "ItemPrices": ([PRICE_AMOUNT, (*PRICE_LIST, "PriceListExternalId")], ["ItemCode"]),
    "PriceLists": ([LIST_ID, "Code", LIST_NAME, LIST_CURRENCY], [LIST_EXTERNAL_ID]),
    "ItemGroupNameTranslations": (["Name", LANG, TRANSLATION_TEXT], []),
    "ItemGroupValueTranslations": (["Name", "Value", LANG, TRANSLATION_TEXT], []),
}

DEFAULT_LIST_CODE = "1"
DEFAULT_LIST_NAME = "Default"
#: Hierarchical item groups' texts and the language codes they are for.
GROUP_TEXTS = (("DutchText", "nl"), ("GermanText", "de"), ("FrenchText", "fr"))


@dataclass
class DkHomeSettings:
    relative_picture_urls: bool = False
    picture_base_url: str = ""  # empty: the API's scheme and host
    images_only_from_pim: bool = False
    multiple_group_levels: bool = False
    use_item_prices_batch: bool = False
    disable_batch_update: bool = False


@dataclass
class PriceLists:
    """The source's price lists, and the "PriceList 1" rules of the document."""

    by_id: dict = field(default_factory=dict)  # {GUID (lower): row}
    by_external_id: dict = field(default_factory=dict)  # {ExternalId: row}
    erp_has_list_1: bool = False
    skipped: int = 0  # prices without a known list, skipped because the ERP has list 1

    @classmethod
    def from_rows(cls, rows, report=None):
        lists = cls()
        for row in rows:
            if not isinstance(row, dict):
                continue
            if report:
                report.observe("PriceLists", row, v.first(row, ("Code", *LIST_ID)))
            guid = v.text(v.first(row, LIST_ID))
            external = v.text(v.first(row, LIST_EXTERNAL_ID))
            if guid:
                lists.by_id[guid.lower()] = row
            if external:
                lists.by_external_id[external] = row
            if v.text(row.get("Code")) == DEFAULT_LIST_CODE:
                lists.erp_has_list_1 = True
        return lists

    def match(self, price):
        """The price list row of an item price, or None."""
        guid = v.text(v.first(price, PRICE_LIST)).lower()
        external = v.text(price.get("PriceListExternalId"))
        return (self.by_id.get(guid) if guid else None) or self.by_external_id.get(external)


@dataclass
class Lookups:
    """What items refer to, fetched once per sync."""

    group_names: dict = field(default_factory=dict)  # {(name,): {lang: text}}
    group_values: dict = field(default_factory=dict)  # {(name, value): {lang: text}}
    price_lists: PriceLists = field(default_factory=PriceLists)
    prices: dict | None = None  # {code: [raw price]} when read in batch
    picture_base: str = ""


def fetch_catalog(client, settings, since=None):
    """Every item (modified since ``since``) as a ``CatalogFetch``."""
    fetch = CatalogFetch()
    expect(fetch.fields)
    lookups = read_lookups(client, settings, fetch.fields)
    pages = client.iter_item_pages(since, first_page_only=settings.disable_batch_update)
    for page_number, page in enumerate(pages, start=1):
        for raw in page:
            fetch.add(raw, lambda raw: parse_item(raw, settings, lookups, fetch.fields))
        if settings.disable_batch_update and page_number == 1 and page:
            fetch.complete = False
            fetch.warnings.append(
                "Batch update is disabled: only the first page of items was read."
            )
    if lookups.price_lists.skipped:
        fetch.warnings.append(
            f"{lookups.price_lists.skipped} price(s) without a known price list were skipped: "
            "the ERP provides PriceList 1."
        )
    return fetch


def expect(report):
    """Declare what the mapper reads, per object type, on a ``FieldReport``."""
    for object_type, (fields, optional) in EXPECTED.items():
        report.expect(object_type, fields, optional)


def read_lookups(client, settings, report=None):
    report = report or FieldReport()
    tables = {}
    for endpoint, rows, keys in (
        ("ItemGroupNameTranslations", client.get_group_name_translations(), ("Name",)),
        ("ItemGroupValueTranslations", client.get_group_value_translations(), ("Name", "Value")),
    ):
        for row in rows:
            report.observe(endpoint, row, v.first(row, keys))
        tables[endpoint] = readers.translations(rows, keys, LANG, TRANSLATION_TEXT)
    names = tables["ItemGroupNameTranslations"]
    values = tables["ItemGroupValueTranslations"]
    prices = None
    if settings.use_item_prices_batch:
        prices = {}
        for row in client.iter_item_prices():
            if isinstance(row, dict):
                report.observe("ItemPrices", row, row.get("ItemCode"))
                prices.setdefault(v.text(row.get("ItemCode")), []).append(row)
    base = settings.picture_base_url
    if not base:
        parts = urlsplit(client.base_url)
        base = f"{parts.scheme}://{parts.netloc}"
    price_lists = PriceLists.from_rows(client.get_price_lists(), report)
    return Lookups(names, values, price_lists, prices, base)


def parse_item(raw, settings=None, lookups=None, report=None):
    """One RestJsonItem as a ``CatalogItem``; ``ValueError`` names what is wrong."""
    settings = settings or DkHomeSettings()
    lookups = lookups or Lookups()
    report = report or FieldReport()
    # observed before the code is checked: a code under another name shows in the report
    report.observe("Items", raw, raw.get("ItemCode") if isinstance(raw, dict) else None)
    code = v.item_code(raw)

    def read(reader, key, source=raw):
        return v.field(source, key, reader)

    def rows(key):
        found = v.rows(raw, key)
        for row in found:
            report.observe(f"Items.{key}", row, code)
        return found

    descriptions = {}
    main = ""
    for row in rows("Descriptions"):
        text = v.plain(v.first(row, DESCRIPTION_TEXT), "Descriptions.Description")
        lang = v.language(row)
        if text and not main:
            main = text
        if text and lang:
            descriptions.setdefault(lang, text)
    indicator = read(v.number, "StockIndicator")
    item = CatalogItem(
        code=code,
        description=main,
        descriptions=descriptions,
        created_at=read(v.timestamp, "Created"),
        ean=v.plain(raw.get("EanCode"), "EanCode"),
        free_sort_field=v.plain(raw.get("FreeSortField"), "FreeSortField"),
        last_available_stock=read(v.number, "LastAvailableStock"),
        next_delivery=read(v.day, "NextDelivery"),
        package_size=read(v.number, "PurchasePackageSize"),
        sales_price=read(v.number, "SalesPriceExcl"),
        unit=v.plain(raw.get("Unit"), "Unit"),
        modified_at=read(v.timestamp, "Modified"),
        vat_percent=read(v.number, "VatPercentage"),
        accepts_default_discount=(
            None
            if raw.get("AcceptsDefaultDiscount") is None
            else read(v.flag, "AcceptsDefaultDiscount")
        ),
        stock_indicator=None if indicator is None else int(indicator),
        matrix=readers.matrix(raw, *MATRIX_FIELDS),
    )
    item.free_fields = readers.free_fields(raw, "FreeFields")
    item.classes = _classes(rows("ItemGroups"), settings, lookups)
    if lookups.prices is not None:
        price_rows = lookups.prices.get(code, [])
    else:
        price_rows = []
        for key in PRICE_ROWS:
            for row in v.rows(raw, key):
                report.observe("ItemPrices", row, code)
                price_rows.append(row)
    item.prices = _prices(code, price_rows, lookups.price_lists)
    item.stock = []
    for row in readers.records(raw, "StockValues", group_key="Warehouse"):
        report.observe("Items.StockValues", row, code)
        stock = readers.stock_values(row, WAREHOUSE, *STOCK_FIGURES)
        if stock:
            item.stock.append(stock)
    if not item.stock and item.last_available_stock is not None:
        # no StockValues, or none that could be read: the document's LastAvailableStock
        item.stock = [WarehouseStock("", available=item.last_available_stock)]
    if not settings.images_only_from_pim:
        base = lookups.picture_base if settings.relative_picture_urls else None
        item.pictures = readers.pictures(
            rows("PictureUrls"), v.plain(raw.get("PictureUrl"), "PictureUrl"), base
        )
    return item


def _classes(groups, settings, lookups):
    """Item groups as classes: ``Name: Value`` (flat) or one class per level."""
    classes = []
    if not settings.multiple_group_levels:
        for row in groups:
            name = v.plain(row.get("Name"), "ItemGroups.Name")
            value = row.get("Value")
            if name and value is not None and v.plain(value, "ItemGroups.Value"):
                value = v.plain(value, "ItemGroups.Value")
                classes.append(
                    ItemClass(
                        group=name,
                        value=value,
                        group_translations=dict(lookups.group_names.get((name,), {})),
                        value_translations=dict(lookups.group_values.get((name, value), {})),
                    )
                )
        return classes
    for position, row in enumerate(groups, start=1):
        level = v.field(row, "Level", v.number)
        level = str(int(level if level is not None else position))
        value = v.plain(row.get("Name"), "ItemGroups.Name") or v.plain(
            row.get("DutchText"), "ItemGroups.DutchText"
        )
        if not value:
            continue
        texts = {
            lang: v.plain(row.get(key), f"ItemGroups.{key}")
            for key, lang in GROUP_TEXTS
            if v.text(row.get(key))
        }
        texts.update(lookups.group_values.get((level, value), {}))
        classes.append(
            ItemClass(
                group=level,
                value=value,
                group_translations=dict(lookups.group_names.get((level,), {})),
                value_translations=texts,
            )
        )
    return classes


def _prices(code, rows, price_lists):
    """Item prices on their price lists, by the document's "PriceList 1" rules.

    A price whose PriceList GUID or PriceListExternalId matches a source
    list goes to that list (its Code and Description). A price on no known
    list goes to a default list "1" ("Default") unless the ERP provides a
    list with Code 1: then it is skipped, not to overwrite the ERP's data.
    """
    prices = []
    for row in rows:
        item_code = v.text(row.get("ItemCode")) or code
        if item_code != code:
            continue
        amount = v.number(v.first(row, PRICE_AMOUNT))
        if amount is None:
            continue
        found = price_lists.match(row)
        if found:
            list_code = v.text(found.get("Code")) or v.text(v.first(found, LIST_ID))
            prices.append(
                ListPrice(
                    v.text(v.first(found, LIST_CURRENCY)).upper(),
                    amount,
                    list_code=list_code,
                    list_name=v.text(v.first(found, LIST_NAME)) or list_code,
                    exact=True,
                )
            )
        elif price_lists.erp_has_list_1:
            price_lists.skipped += 1
        else:
            prices.append(
                ListPrice(
                    "", amount, list_code=DEFAULT_LIST_CODE, list_name=DEFAULT_LIST_NAME, exact=True
                )
            )
    return prices
