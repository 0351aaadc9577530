"""The neutral catalogue item every channel hands to the pipeline.

Channels turn their API payloads into ``CatalogItem`` records (plain
Python, no Odoo), so the pipeline that writes products, prices, stock,
translations and pictures is written once. Texts per language are keyed by
the ERP's language code; the account's language mapping turns those into
Odoo languages.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from odoo.addons.marketplace_base.lib.field_report import FieldReport


@dataclass
class ItemClass:
    """A classification of the item: group -> value (e.g. Colour -> Red).

    ``parents`` holds the ancestor values of a hierarchical class, top
    first, so ``Tools / Hand tools / Hammers`` is
    ``ItemClass("Item group", "Hammers", parents=("Tools", "Hand tools"))``.
    """

    group: str
    value: str
    parents: tuple = ()
    group_translations: dict = field(default_factory=dict)  # {erp lang: text}
    value_translations: dict = field(default_factory=dict)  # {erp lang: text}


@dataclass
class ListPrice:
    """A price in a price list: the currency's base list, or a discount list."""

    currency: str
    price: Decimal
    list_code: str | None = None  # None: the currency's list (C-<CUR>)
    list_name: str | None = None  # the source's name of the list
    exact: bool = False  # True: the source's own list code and name, not <list>-<CUR>


@dataclass
class TierPrice:
    """From ``min_qty`` on, ``discount`` percent off or a fixed ``price``."""

    min_qty: Decimal
    discount: Decimal | None = None
    price: Decimal | None = None


@dataclass
class WarehouseStock:
    warehouse: str
    available: Decimal = Decimal(0)
    on_shelf: Decimal = Decimal(0)
    to_receive: Decimal = Decimal(0)
    to_deliver: Decimal = Decimal(0)
    is_default: bool = False  # one of the ERP's default stock warehouses


@dataclass
class Matrix:
    """The item is one cell (x, y) of a matrix item (variants of one product)."""

    parent_code: str
    parent_description: str = ""
    parent_id: str = ""
    x_value: str = ""
    x_description: str = ""
    y_value: str = ""
    y_description: str = ""


@dataclass
class Picture:
    url: str
    sequence: int = 0


@dataclass
class CatalogItem:
    code: str
    internal_code: str = ""
    description: str = ""  # the name in the source's main language
    descriptions: dict = field(default_factory=dict)  # {erp lang code: name}
    ean: str = ""
    unit: str = ""
    vat_percent: Decimal | None = None
    sales_price: Decimal | None = None  # excl. VAT, company currency
    cost: Decimal | None = None
    classes: list = field(default_factory=list)  # [ItemClass]
    free_fields: dict = field(default_factory=dict)  # {key: text}
    info: dict = field(default_factory=dict)  # {label: text}: article info, comments
    sales_description: str = ""  # the product's sales description
    free_sort_field: str = ""
    accepts_default_discount: bool | None = None
    stock_indicator: int | None = None  # None: keep the one stored earlier (-1 at first)
    last_available_stock: Decimal | None = None
    prices: list = field(default_factory=list)  # [ListPrice]
    tier_prices: list = field(default_factory=list)  # [TierPrice]
    stock: list = field(default_factory=list)  # [WarehouseStock]
    next_delivery: date | None = None
    package_size: Decimal | None = None
    matrix: Matrix | None = None
    pictures: list = field(default_factory=list)  # [Picture]
    created_at: datetime | None = None
    modified_at: datetime | None = None
    deleted: bool = False
    webshop: bool = True


@dataclass
class RejectedItem:
    """An item the channel could not read; the rest of the batch still lands."""

    code: str
    reason: str


@dataclass
class CatalogFetch:
    """What a channel fetched for one sync.

    ``complete`` is False when the channel knowingly stopped early (a source
    setting that stops after the first page): a full sync then archives
    nothing, since a product missing from a partial answer is not gone.
    ``fields`` reports the fields of the answers that were read and not.
    """

    items: list = field(default_factory=list)  # [CatalogItem]
    rejected: list = field(default_factory=list)  # [RejectedItem]
    complete: bool = True
    warnings: list = field(default_factory=list)  # [str]
    fields: FieldReport = field(default_factory=FieldReport)

    def add(self, raw, parse, code_key="ItemCode"):
        """Append ``parse(raw)``, or record the item as rejected with the reason."""
        try:
            self.items.append(parse(raw))
        except (ValueError, TypeError, AttributeError) as exc:
            code = raw.get(code_key) if isinstance(raw, dict) else None
            self.rejected.append(RejectedItem(str(code or "").strip() or "?", str(exc)))
