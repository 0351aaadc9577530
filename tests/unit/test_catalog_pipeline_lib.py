"""The catalogue pipeline's pure parts: selection, stock, price rules, fingerprints, pictures."""

from decimal import Decimal

import pytest

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_catalog.lib import values
from odoo.addons.marketplace_catalog.lib.fingerprint import item_fingerprint
from odoo.addons.marketplace_catalog.lib.item import (
    CatalogFetch,
    CatalogItem,
    ListPrice,
    TierPrice,
    WarehouseStock,
)
from odoo.addons.marketplace_catalog.lib.price_plan import price_rules
from odoo.addons.marketplace_catalog.lib.selection import select_items
from odoo.addons.marketplace_catalog.lib.stock import item_quantity, parse_code_list, stock_pairs


def item(code, **kw):
    return CatalogItem(code=code, **kw)


# ------------------------------------------------------------------ selection
def test_selection_drops_deleted_blank_and_hidden_items():
    items = [item(" A "), item("B", deleted=True), item(""), item("C", webshop=False)]
    selection = select_items(items, only_webshop=True)
    assert [i.code for i in selection.items] == ["A"]
    assert selection.deleted == ["B"]
    assert selection.skipped == {"deleted": 1, "no_code": 1, "not_in_webshop": 1}


def test_without_webshop_filter_hidden_items_are_kept():
    assert len(select_items([item("A", webshop=False)]).items) == 1


def test_duplicates_last_wins_with_a_warning():
    first, second = item("A", description="one"), item("A ", description="two")
    selection = select_items([first, second, item("B")])
    assert [i.description for i in selection.items if i.code == "A"] == ["two"]
    assert selection.skipped["duplicates"] == 1
    assert "A" in selection.warnings[0]


def test_duplicates_stop_everything_when_disallowed():
    with pytest.raises(MarketplaceError, match="duplicate item code.*A"):
        select_items([item("A"), item("A"), item("B")], disallow_duplicates=True)


# ---------------------------------------------------------------------- stock
STOCK = [
    WarehouseStock("01", available=Decimal(5), on_shelf=Decimal(6), is_default=True),
    WarehouseStock("02", available=Decimal(7), on_shelf=Decimal(9)),
    WarehouseStock("03", available=Decimal(2), on_shelf=Decimal(4), is_default=True),
]


def test_stock_defaults_to_the_sources_default_warehouses():
    assert item_quantity(item("A", stock=STOCK)) == 7


def test_stock_of_selected_warehouses_on_shelf():
    assert item_quantity(item("A", stock=STOCK), ["02", "03"], use_shelf=True) == 13


def test_stock_of_all_warehouses_when_none_is_default():
    rows = [WarehouseStock("01", available=Decimal(1)), WarehouseStock("02", available=Decimal(2))]
    assert item_quantity(item("A", stock=rows)) == 3


def test_items_without_stock_rows_are_not_touched():
    pairs = stock_pairs([item("A", stock=STOCK), item("B")], ["02"])
    assert pairs == [("A", Decimal(7))]


def test_warehouse_list_accepts_commas_and_semicolons():
    assert parse_code_list(" 01, 02;03 ;; ") == ["01", "02", "03"]


# ---------------------------------------------------------------- price rules
def test_price_rules_per_currency_discount_list_and_tiers():
    rules, zeros = price_rules(
        item(
            "A",
            prices=[
                ListPrice("eur", Decimal("9.5")),
                ListPrice("EUR", Decimal("8"), "B"),
                ListPrice("SEK", Decimal("0"), "B"),
            ],
            tier_prices=[
                TierPrice(Decimal(10), discount=Decimal(5)),
                TierPrice(Decimal(50), price=Decimal(80)),
            ],
        ),
        "USD",
    )
    got = {(r.list_code, r.min_qty, r.compute, r.value) for r in rules}
    assert got == {
        ("C-EUR", Decimal(0), "fixed", Decimal("9.5")),
        ("B-EUR", Decimal(0), "fixed", Decimal(8)),
        ("C-USD", Decimal(10), "percentage", Decimal(5)),
        ("C-USD", Decimal(50), "fixed", Decimal(80)),
    }
    assert zeros == 1
    assert {r.list_name for r in rules if r.list_code == "C-EUR"} == {"EUR Price"}


# --------------------------------------------------------------- fingerprint
def test_fingerprint_ignores_stock_and_timestamps_but_not_prices():
    base = item("A", sales_price=Decimal("10.0"))
    same = item("A", sales_price=Decimal("10"), stock=STOCK)
    changed = item("A", sales_price=Decimal("10.5"))
    assert item_fingerprint(base) == item_fingerprint(same)
    assert item_fingerprint(base) != item_fingerprint(changed)
    assert item_fingerprint(base, {"langs": ["sv"]}) != item_fingerprint(base)


def test_a_fetch_keeps_readable_items_and_names_the_unreadable_ones():
    def parse(raw):
        return CatalogItem(
            code=values.item_code(raw), sales_price=values.field(raw, "Price", values.number)
        )

    fetch = CatalogFetch()
    for raw in ({"ItemCode": " A1 ", "Price": "2.50"}, {"ItemCode": "B2", "Price": "two"}, "junk"):
        fetch.add(raw, parse)
    fetch.add({"Price": "1"}, parse)

    assert [(item.code, item.sales_price) for item in fetch.items] == [("A1", Decimal("2.50"))]
    assert [(r.code, r.reason) for r in fetch.rejected] == [
        ("B2", "Price: 'two' is not a number"),
        ("?", "an item is not an object: 'junk'"),
        ("?", "ItemCode is missing"),
    ]
