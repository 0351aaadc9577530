"""Readers of the forms the documents leave open: key-value lists, languages, HTML."""

from decimal import Decimal

import pytest

from odoo.addons.marketplace_catalog.lib import readers
from odoo.addons.marketplace_catalog.lib import values as v
from odoo.addons.marketplace_catalog.lib.languages import LanguageMap


def test_key_value_pairs_and_named_rows_read_alike():
    # DkHome document (003) line 333: StockValues "a list of key-value pairs"
    figures = {"AvailableStock": 12, "ShelfStock": 3}
    pairs = [{"Key": "AvailableStock", "Value": 12}, {"Key": "ShelfStock", "Value": 3}]
    assert readers.records({"StockValues": pairs}, "StockValues") == [figures]
    assert readers.records({"StockValues": [figures]}, "StockValues") == [figures]
    assert readers.records({"StockValues": figures}, "StockValues") == [figures]
    assert readers.records({"StockValues": None}, "StockValues") == []


def test_pairs_carrying_a_warehouse_make_one_row_per_warehouse():
    raw = {
        "StockValues": [
            {"Warehouse": "01", "Key": "AvailableStock", "Value": 4},
            {"Warehouse": "02", "Key": "AvailableStock", "Value": 5},
            {"Warehouse": "01", "Key": "ShelfStock", "Value": 6},
        ]
    }
    assert readers.records(raw, "StockValues", group_key="Warehouse") == [
        {"Warehouse": "01", "AvailableStock": 4, "ShelfStock": 6},
        {"Warehouse": "02", "AvailableStock": 5},
    ]
    with pytest.raises(ValueError, match="StockValues should be a list of objects"):
        readers.records({"StockValues": [1, 2]}, "StockValues")


def test_a_row_without_stock_figures_is_not_read_as_zero():
    figures = ("AvailableStock", "ShelfStock", "ToBeReceived", "ToBeDelivered")
    assert readers.stock_values({"Magazijn": "01", "Voorraad": 3}, "Warehouse", *figures) is None
    row = readers.stock_values(
        {"WarehouseCode": "01", "ShelfStock": 2}, ("Warehouse", "WarehouseCode"), *figures
    )
    assert (row.warehouse, row.available) == ("01", Decimal(2))


def test_free_fields_in_every_form():
    # DkHome document (003) line 181: FreeFields "a list of key-value pairs (Key, Value)"
    for value in (
        [{"Key": "Materiaal", "Value": "Staal"}],
        [{"Name": "Materiaal", "Value": "Staal"}],
        [{"Materiaal": "Staal"}],
        {"Materiaal": "Staal"},
    ):
        assert readers.free_fields({"FreeFields": value}, "FreeFields") == {"Materiaal": "Staal"}


def test_language_codes_in_any_key_and_case_match_the_mapping():
    assert v.language({"Culture": "en_US"}) == "en-us"
    assert v.language({"LanguageCodeISO1": "DE"}) == "de"
    langs = LanguageMap({"en": "en_US", "de-CH": "de_CH", "nl": "nl_NL"})
    assert [langs.get(code) for code in ("EN", "en-gb", "de-ch", "DE", "nl-BE", "fr", "")] == [
        "en_US",
        "en_US",
        "de_CH",
        "de_CH",
        "nl_NL",
        None,
        None,
    ]


@pytest.mark.parametrize(
    ("encoded", "plain"),
    [
        ("<p>Ask &amp; gummi</p>", "Ask & gummi"),
        ("&lt;p&gt;Ask &amp;amp; gummi&lt;/p&gt;", "Ask & gummi"),
        ("Tom &amp;amp;amp; Jerry", "Tom & Jerry"),
        ("R&D & more", "R&D & more"),
    ],
)
def test_html_encoded_any_number_of_times_is_decoded(encoded, plain):
    # Spector document (002) line 19: ItemInfo is added "after HTML decoding"
    assert v.html_text(encoded) == plain
