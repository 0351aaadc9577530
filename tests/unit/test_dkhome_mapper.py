"""DkHome RestJsonItems (the document's shape, from the fixture file) as catalogue items."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from odoo.addons.marketplace_catalog.lib import readers
from odoo.addons.marketplace_catalog.lib.item import CatalogFetch
from odoo.addons.marketplace_catalog.lib.price_plan import price_rules
from odoo.addons.marketplace_catalog.lib.stock import item_quantity
from odoo.addons.marketplace_dkhome.lib.item_mapper import (
    DkHomeSettings,
    Lookups,
    PriceLists,
    parse_item,
)
from odoo.addons.marketplace_dkhome.tests.dkhome_server import load_fixture, make_item


@pytest.fixture(scope="module")
def data():
    return load_fixture()


@pytest.fixture(scope="module")
def items(data):
    return {raw["ItemCode"].strip(): raw for raw in data["Items"]}


def lookups(data, **kw):
    return Lookups(
        group_names=readers.translations(
            data["ItemGroupNameTranslations"], ("Name",), "Language", "Text"
        ),
        group_values=readers.translations(
            data["ItemGroupValueTranslations"], ("Name", "Value"), "Language", "Text"
        ),
        price_lists=PriceLists.from_rows(data["PriceLists"]),
        picture_base="https://erp.example",
        **kw,
    )


def test_every_field_of_the_item_table_is_read(data, items):
    item = parse_item(items["HAM-1"], DkHomeSettings(), lookups(data))
    assert item.code == "HAM-1", "trimmed"
    assert item.created_at == datetime(2025, 1, 15, 10, 30)
    assert item.modified_at == datetime(2026, 11, 1, 8, 0)
    assert (item.ean, item.free_sort_field, item.unit) == ("8719876543210", "A-010", "Units")
    assert item.last_available_stock == Decimal(99)
    assert item.next_delivery == date(2026, 12, 10)
    assert (item.package_size, item.sales_price, item.vat_percent) == (
        Decimal(6),
        Decimal("25.5"),
        Decimal(21),
    )
    assert (item.accepts_default_discount, item.stock_indicator) == (False, 2)
    assert item.description == "Klauwhamer 500 g"
    assert item.descriptions == {"nl": "Klauwhamer 500 g", "de": "Klauenhammer 500 g"}
    assert item.free_fields == {"Materiaal": "Staal", "Gewicht": "500 g"}
    assert item.matrix is None


def test_matrix_cells_keep_value_and_axis_description(data, items):
    item = parse_item(items["TS-BLAUW-L"], DkHomeSettings(), lookups(data))
    m = item.matrix
    assert (m.parent_code, m.parent_description, m.parent_id) == (
        "TSHIRT",
        "T-shirt basic",
        "9a1b-tshirt",
    )
    assert (m.x_value, m.x_description, m.y_value, m.y_description) == (
        "Blauw",
        "Kleur",
        "L",
        "Maat",
    )


def test_prices_follow_the_price_list_1_rules(data, items):
    item = parse_item(items["HAM-1"], DkHomeSettings(), lookups(data))
    assert [(p.list_code, p.list_name, p.currency, p.price) for p in item.prices] == [
        ("1", "Verkoopprijs", "EUR", Decimal("25.5")),
        ("CH", "Schweiz", "CHF", Decimal(31)),
        ("D1", "Dealerkorting", "EUR", Decimal(21)),
    ], "the price on no list is skipped: the ERP provides PriceList 1"
    rules, zeros = price_rules(item, "USD")
    assert {(r.list_code, r.list_name, r.currency) for r in rules} == {
        ("1", "Verkoopprijs", "EUR"),
        ("CH", "Schweiz", "CHF"),
        ("D1", "Dealerkorting", "EUR"),
    }
    assert zeros == 0


def test_without_an_erp_list_1_unlisted_prices_go_to_a_default_list(data):
    only_chf = PriceLists.from_rows([row for row in data["PriceLists"] if row["Code"] == "CH"])
    raw = make_item(
        "A",
        SalesPrices=[
            {"ItemCode": "", "PriceExcl": 9, "PriceList": None, "PriceListExternalId": None},
            {"ItemCode": "", "PriceExcl": 8, "PriceList": "unknown", "PriceListExternalId": None},
        ],
    )
    item = parse_item(raw, DkHomeSettings(), Lookups(price_lists=only_chf))
    assert [(p.list_code, p.list_name, p.currency, p.price) for p in item.prices] == [
        ("1", "Default", "", Decimal(9)),
        ("1", "Default", "", Decimal(8)),
    ]
    (rule,), _zeros = price_rules(item, "EUR")
    assert (rule.list_code, rule.currency, rule.value) == ("1", "EUR", Decimal(8))


def test_prices_in_batch_are_attached_by_item_code(data):
    raw = make_item(" A ", SalesPrices=[{"PriceExcl": 1, "PriceList": None}])
    batch = {"A": [{"ItemCode": "A", "PriceExcl": 7, "PriceListExternalId": "PL-CHF"}]}
    item = parse_item(raw, DkHomeSettings(), lookups(data, prices=batch))
    assert [(p.list_code, p.price) for p in item.prices] == [("CH", Decimal(7))]


def test_stock_values_the_formula_and_last_available_stock(data, items):
    ham = parse_item(items["HAM-1"], DkHomeSettings(), lookups(data))
    assert item_quantity(ham) == 14, "no warehouse setting: every warehouse"
    assert item_quantity(ham, ["01", "03"]) == 7
    assert item_quantity(ham, ["02"], use_shelf=True) == 7
    formula = parse_item(items["FORMULA-1"], DkHomeSettings(), lookups(data))
    assert item_quantity(formula) == 9, "shelf 8 + to receive 4 - to deliver 3"
    last = parse_item(items["LAST-1"], DkHomeSettings(), lookups(data))
    assert item_quantity(last) == 12
    assert last.stock_indicator is None, "absent: the pipeline keeps the stored one"


def test_flat_item_groups_with_translations(data, items):
    item = parse_item(items["HAM-1"], DkHomeSettings(), lookups(data))
    (group,) = item.classes  # "Merk" has no value: no class
    assert (group.group, group.value) == ("Categorie", "Gereedschap")
    assert group.group_translations == {"de": "Kategorie", "en": "Category"}
    assert group.value_translations == {"de": "Werkzeug", "en": "Tools"}


def test_hierarchical_item_groups_one_class_per_level(data):
    groups = [
        {"Level": 1, "Name": "Gereedschap", "DutchText": "Gereedschap", "GermanText": "Werkzeug"},
        {"Level": 2, "Name": "", "DutchText": "Hamers", "FrenchText": "Marteaux"},
    ]
    item = parse_item(
        make_item("A", ItemGroups=groups),
        DkHomeSettings(multiple_group_levels=True),
        lookups(data),
    )
    assert [(c.group, c.value) for c in item.classes] == [("1", "Gereedschap"), ("2", "Hamers")]
    assert item.classes[0].value_translations == {"nl": "Gereedschap", "de": "Werkzeug"}
    assert item.classes[1].value_translations == {"nl": "Hamers", "fr": "Marteaux"}


def test_pictures_by_sequence_single_url_relative_and_pim(data, items):
    settings = DkHomeSettings(relative_picture_urls=True)
    lamp = parse_item(items["LAMP-1"], settings, lookups(data))
    assert [(p.url, p.sequence) for p in lamp.pictures] == [
        ("https://erp.example/img/lamp.png", 1),
        ("https://erp.example/img/lamp-back.png", 2),
    ]
    ham = parse_item(items["HAM-1"], settings, lookups(data))
    assert [p.url for p in ham.pictures] == ["https://erp.example/img/ham-1.png"]
    pim = parse_item(items["LAMP-1"], DkHomeSettings(images_only_from_pim=True), lookups(data))
    assert pim.pictures == []


def test_missing_timestamps_fall_back_to_now():
    before = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    item = parse_item(make_item("A", Created=None, Modified=""))
    assert item.created_at >= before and item.modified_at >= before


@pytest.mark.parametrize(
    "fields, reason",
    [
        ({"SalesPriceExcl": "ten"}, "SalesPriceExcl: 'ten' is not a number"),
        ({"NextDelivery": "soon"}, "NextDelivery: 'soon' is not a date"),
        ({"StockValues": "5"}, "StockValues should be a list of objects"),
        ({"MatrixXValue": {"v": 1}, "MatrixCode": "M"}, "MatrixXValue should be a plain value"),
        ({"ItemCode": None}, "ItemCode is missing"),
    ],
)
def test_a_malformed_item_is_rejected_with_its_reason(fields, reason):
    fetch = CatalogFetch()
    fetch.add(make_item("BAD", **fields), parse_item)
    fetch.add(make_item("GOOD"), parse_item)
    assert [i.code for i in fetch.items] == ["GOOD"]
    assert len(fetch.rejected) == 1
    assert reason in fetch.rejected[0].reason
