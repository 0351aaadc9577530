"""The real DkHome client and parser against a fake DkHome on 127.0.0.1."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.addons.marketplace_dkhome.clients.dkhome import (
    DkHomeClient,
    DkHomeSettings,
    fetch_catalog,
)
from odoo.addons.marketplace_dkhome.tests.dkhome_server import DkHomeFake, make_item


@pytest.fixture
def server():
    with FixtureServer() as srv:
        yield srv


def make(server, items=(), **settings):
    fake = DkHomeFake(server, items=list(items))
    client = DkHomeClient(fake.url, "key", timeout=5)
    return fake, client, DkHomeSettings(**settings)


def item_requests(server):
    return [r for r in server.requests if r.path == "/api/Items"]


def test_pages_until_a_short_page(server):
    fake, client, settings = make(server, [make_item(f"I{n:02d}") for n in range(25)])
    fake.page_size = 10
    fetch = fetch_catalog(client, settings)
    assert len(fetch.items) == 25
    assert [r.arg("$skip") for r in item_requests(server)] == ["0", "10", "20"]
    assert item_requests(server)[0].arg("$orderby") == "ItemCode"
    assert fetch.complete


def test_disable_batch_update_reads_one_page_and_says_so(server):
    fake, client, settings = make(
        server, [make_item(f"I{n}") for n in range(5)], disable_batch_update=True
    )
    fake.page_size = 2
    fetch = fetch_catalog(client, settings)
    assert len(fetch.items) == 2
    assert not fetch.complete
    assert "first page" in fetch.warnings[0]


def test_incremental_filter_is_sent_and_honoured(server):
    _fake, client, settings = make(
        server,
        [
            make_item("OLD", Modified="2026-01-01T00:00:00Z"),
            make_item("NEW", Modified="2026-11-20T08:00:00Z"),
        ],
    )
    fetch = fetch_catalog(client, settings, since=datetime(2026, 11, 1))
    assert item_requests(server)[0].arg("$filter") == "Modified gt 2026-11-01T00:00:00Z"
    assert [i.code for i in fetch.items] == ["NEW"]


def test_api_key_is_sent_and_a_refusal_is_clear(server):
    fake, client, _settings = make(server)
    client.get_warehouses()
    assert server.requests[0].headers["apikey"] == "key"
    fake.api_key = "other"
    with pytest.raises(MarketplaceError, match="refused the API key.*HTTP 401"):
        client.get_warehouses()


def test_server_errors_are_retryable(server):
    fake, client, settings = make(server, [make_item("A")])
    fake.fail_status = 503
    with pytest.raises(RetryableJobError, match="503"):
        fetch_catalog(client, settings)


def test_a_page_without_value_names_endpoint_and_key(server):
    _fake, client, settings = make(server)
    server.route("/api/Items", {"items": []})
    with pytest.raises(MarketplaceError, match="Items: the answer has no 'value'"):
        fetch_catalog(client, settings)


def test_a_malformed_item_is_rejected_and_the_others_parse(server):
    _fake, client, settings = make(
        server,
        [
            make_item("A"),
            make_item("B", SalesPrice="ten"),
            make_item("", Description="no code"),
            make_item("C", NextDeliveryDate="soon"),
        ],
    )
    fetch = fetch_catalog(client, settings)
    assert [i.code for i in fetch.items] == ["A"]
    reasons = {r.code: r.reason for r in fetch.rejected}
    assert "SalesPrice" in reasons["B"]
    assert "ItemCode" in reasons["?"]
    assert "NextDeliveryDate" in reasons["C"]


def test_price_list_rules(server):
    prices_with_base = [
        {"PriceList": "1", "Currency": "EUR", "Price": "9.5"},
        {"PriceList": "2", "Currency": "EUR", "Price": 8},
        {"PriceList": "7", "Currency": "EUR", "Price": 1},
    ]
    only_unknown = [{"PriceList": "7", "Currency": "SEK", "Price": 90}]
    _fake, client, settings = make(
        server,
        [make_item("A", Prices=prices_with_base), make_item("B", Prices=only_unknown)],
        known_price_lists=("2",),
    )
    fetch = fetch_catalog(client, settings)
    a, b = fetch.items
    assert [(p.list_code, p.currency, p.price) for p in a.prices] == [
        (None, "EUR", Decimal("9.5")),
        ("2", "EUR", Decimal(8)),
    ]
    assert [(p.list_code, p.currency) for p in b.prices] == [(None, "SEK")]
    assert any("unknown price list 7" in w for w in fetch.warnings)


def test_prices_in_batch_are_attached_by_item_code(server):
    fake, client, settings = make(
        server,
        [make_item(" A ", Prices=[{"PriceList": "1", "Currency": "EUR", "Price": 1}])],
        use_item_prices_batch=True,
    )
    fake.prices = [{"ItemCode": "A", "PriceList": "1", "Currency": "EUR", "Price": 7}]
    (item,) = fetch_catalog(client, settings).items
    assert item.code == "A"
    assert [p.price for p in item.prices] == [Decimal(7)]
    assert server.requests_to("/api/ItemPrices")


def test_group_levels_and_translations(server):
    groups = [
        {"Level": 2, "Group": "Category", "Value": "Hand tools"},
        {"Level": 1, "Group": "Category", "Value": "Tools"},
    ]
    fake, client, settings = make(server, [make_item("A", ItemGroups=groups)])
    fake.group_name_translations = [{"Group": "Category", "Language": "sv", "Text": "Kategori"}]
    fake.group_value_translations = [
        {"Group": "Category", "Value": "Tools", "Language": "sv", "Text": "Verktyg"}
    ]
    (flat,) = fetch_catalog(client, settings).items[0].classes
    assert (flat.group, flat.value, flat.parents) == ("Category", "Tools", ())
    assert flat.group_translations == {"sv": "Kategori"}
    assert flat.value_translations == {"sv": "Verktyg"}

    settings.multiple_group_levels = True
    (deep,) = fetch_catalog(client, settings).items[0].classes
    assert (deep.value, deep.parents) == ("Hand tools", ("Tools",))


def test_relative_pictures_matrix_stock_and_missing_timestamps(server):
    fake, client, settings = make(
        server,
        [
            make_item(
                "A",
                Pictures=[
                    {"Url": "/img/b.jpg", "Sequence": 2},
                    {"Url": "img/a.jpg", "Sequence": 1},
                ],
                Matrix={"ParentCode": "TS", "XValue": "RED", "YValue": "M"},
                Stock=[{"Warehouse": "02", "Available": "4", "OnShelf": 5}],
                Created=None,
                Modified="",
            )
        ],
        relative_picture_urls=True,
    )
    fake.warehouses = [{"Code": "02", "IsDefault": "true"}]
    before = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    (item,) = fetch_catalog(client, settings).items
    assert [p.url for p in item.pictures] == [f"{server.url}/img/a.jpg", f"{server.url}/img/b.jpg"]
    assert (item.matrix.parent_code, item.matrix.x_value, item.matrix.y_value) == ("TS", "RED", "M")
    (stock,) = item.stock
    assert (stock.available, stock.on_shelf, stock.is_default) == (Decimal(4), Decimal(5), True)
    assert item.modified_at >= before and item.created_at >= before
