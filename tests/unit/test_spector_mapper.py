"""Spector ItemInfo entities (the document's shape, from the fixture file) as catalogue items."""

from decimal import Decimal

import pytest

from odoo.addons.marketplace_catalog.lib.item import CatalogFetch
from odoo.addons.marketplace_catalog.lib.price_plan import price_rules
from odoo.addons.marketplace_catalog.lib.stock import item_quantity
from odoo.addons.marketplace_spector.lib.item_mapper import SpectorSettings, parse_item
from odoo.addons.marketplace_spector.tests.spector_server import load_items, make_item


@pytest.fixture(scope="module")
def fixture():
    return {raw["ItemCode"]: raw for raw in load_items()}


def test_every_field_of_the_item_table_is_read(fixture):
    item = parse_item(fixture["HAM-1"], SpectorSettings())
    assert (item.code, item.internal_code, item.description) == ("HAM-1", "H-500", "Hammare 500 g")
    assert (item.vat_percent, item.ean, item.sales_price) == (
        Decimal(25),
        "7391234567890",
        Decimal(100),
    )
    assert item.package_size == Decimal(6)
    assert [(c.group, c.value) for c in item.classes] == [
        ("Artikelgrupp", "Verktyg"),
        ("Supplier", "Acme AB"),
        ("Supplier", "Verktygsgrossisten"),
    ]
    assert item.descriptions == {"en": "Claw hammer 500 g", "de": "Klauenhammer 500 g"}
    assert not item.deleted and item.webshop


def test_article_info_is_html_decoded_and_comments_kept(fixture):
    item = parse_item(fixture["HAM-1"])
    assert item.info == {
        "Article info": "Stark hammare med skaft av ask & gummigrepp.\nVikt 500 g.",
        "Short article info": "Snickarhammare 500 g",
        "Extra info": "Populär i butik",
        "Extra info (internal)": "Beställ före mars",
    }
    assert item.sales_description == (
        "Snickarhammare 500 g\n\nStark hammare med skaft av ask & gummigrepp.\nVikt 500 g."
    )


def test_stock_follows_the_warehouse_and_shelf_settings(fixture):
    item = parse_item(fixture["HAM-1"])
    assert item_quantity(item) == 7, "default-stock warehouses, available stock"
    assert item_quantity(item, ["Butik", "Reservlager"], use_shelf=True) == 7
    assert item_quantity(item, ["Butik"]) == 1


def test_price_lists_from_currency_prices_discount_lists_and_intervals(fixture):
    item = parse_item(fixture["HAM-1"])
    rules, zeros = price_rules(item, "SEK")
    got = {(r.list_code, r.list_name, r.min_qty, r.compute, r.value) for r in rules}
    assert got == {
        ("C-SEK", "SEK Price", Decimal(0), "fixed", Decimal(100)),
        ("C-EUR", "EUR Price", Decimal(0), "fixed", Decimal("9.5")),
        ("123-SEK", "Återförsäljare (SEK)", Decimal(0), "fixed", Decimal(80)),
        ("C-SEK", "SEK Price", Decimal(10), "percentage", Decimal(5)),
        ("C-SEK", "SEK Price", Decimal(50), "percentage", Decimal(10)),
    }
    assert zeros == 1, "the zero EUR price of discount list 123 is skipped"


def test_flags_blank_ean_and_article_group_setting(fixture):
    assert parse_item(fixture["DEL-1"]).deleted
    assert not parse_item(fixture["HIDDEN-1"]).webshop
    assert parse_item(fixture["NOEAN-1"]).ean == ""
    item = parse_item(fixture["ART-010"], SpectorSettings(article_group_name="Varugrupp"))
    assert (item.classes[0].group, item.classes[0].value) == ("Varugrupp", "Trädgård")
    assert parse_item(make_item("X", WebshopInfo=None)).webshop, "no WebshopInfo: not excluded"


@pytest.mark.parametrize(
    "fields, reason",
    [
        ({"ItemGroup": {"Code": "10"}}, "ItemGroup should be a plain value, got an object"),
        ({"SalesPriceExVat": "ten"}, "SalesPriceExVat: 'ten' is not a number"),
        ({"Stocks": {"Warehouse": "A"}}, "Stocks should be a list of objects"),
        ({"IsDeleted": "maybe"}, "IsDeleted: 'maybe' is not true or false"),
        ({"ItemCode": "  "}, "ItemCode is missing"),
        (
            {"DiscountLists": [{"Id": 7, "Prices": [{"CurrencyCode": "SEK"}]}]},
            "DiscountLists 7: a price needs CurrencyCode and PriceExclVat",
        ),
    ],
)
def test_a_malformed_item_is_rejected_with_its_reason(fields, reason):
    fetch = CatalogFetch()
    fetch.add(make_item("BAD", **fields), parse_item)
    fetch.add(make_item("GOOD"), parse_item)
    assert [i.code for i in fetch.items] == ["GOOD"]
    assert len(fetch.rejected) == 1
    assert reason in fetch.rejected[0].reason
    assert fetch.rejected[0].reason.count(reason) == 1, "said once"
