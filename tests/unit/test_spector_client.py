"""The real Spector client and parser against a fake Spector on 127.0.0.1."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.addons.marketplace_spector.clients.spector import (
    SpectorClient,
    SpectorSettings,
    fetch_catalog,
)
from odoo.addons.marketplace_spector.tests.spector_server import SpectorFake, make_item


@pytest.fixture
def server():
    with FixtureServer() as srv:
        yield srv


def make(server, items=()):
    fake = SpectorFake(server, items=list(items))
    return fake, SpectorClient(fake.url, "token", timeout=5)


def bodies(server):
    return [r.json() for r in server.requests if r.path == "/api/ItemInfo"]


def test_batches_until_a_short_batch(server):
    _fake, client = make(server, [make_item(f"I{n}") for n in range(5)])
    fetch = fetch_catalog(client, SpectorSettings(), batch_size=2)
    assert len(fetch.items) == 5
    assert [b["Skip"] for b in bodies(server)] == [0, 2, 4]
    assert {b["BatchSize"] for b in bodies(server)} == {2}


def test_stops_when_total_count_is_reached(server):
    _fake, client = make(server, [make_item(f"I{n}") for n in range(4)])
    assert len(fetch_catalog(client, SpectorSettings(), batch_size=2).items) == 4
    assert len(bodies(server)) == 2


def test_modified_since_is_sent_and_honoured(server):
    _fake, client = make(
        server,
        [make_item("OLD"), make_item("NEW", Modified="2026-11-20T08:00:00Z")],
    )
    fetch = fetch_catalog(client, SpectorSettings(), since=datetime(2026, 11, 1))
    assert bodies(server)[0]["ModifiedSince"] == "2026-11-01T00:00:00Z"
    assert [i.code for i in fetch.items] == ["NEW"]


def test_bearer_token_is_sent_and_a_refusal_is_clear(server):
    fake, client = make(server)
    client.check_connection()
    assert server.requests[0].headers["authorization"] == "Bearer token"
    fake.token = "other"
    with pytest.raises(MarketplaceError, match="refused the token.*HTTP 401"):
        client.check_connection()


def test_unavailable_is_retryable_with_retry_after(server):
    fake, client = make(server, [make_item("A")])
    fake.fail_status, fake.retry_after = 503, 120
    with pytest.raises(RetryableJobError) as caught:
        fetch_catalog(client, SpectorSettings())
    assert caught.value.retry_after == 120


def test_an_answer_without_items_names_endpoint_and_key(server):
    _fake, client = make(server)
    server.route("/api/ItemInfo", {"Data": []}, method="POST")
    with pytest.raises(MarketplaceError, match="ItemInfo: the answer has no 'Items'"):
        fetch_catalog(client, SpectorSettings())


def test_a_malformed_item_is_rejected_and_the_others_parse(server):
    _fake, client = make(
        server,
        [make_item("A"), make_item("B", Price="abc"), "not an item", make_item("C")],
    )
    fetch = fetch_catalog(client, SpectorSettings())
    assert [i.code for i in fetch.items] == ["A", "C"]
    reasons = {r.code: r.reason for r in fetch.rejected}
    assert "Price" in reasons["B"]
    assert "not an object" in reasons["?"]


def test_a_rich_item_maps_to_the_catalogue_item(server):
    raw = make_item(
        " HAM-1 ",
        Description="Hammare",
        EANCode="7312345678901",
        VatRate="25",
        Price="100.50",
        WebshopInfo={"ViewInShop": True, "Category": "Garden"},
        Comment="Popular",
        InternalComment="Check &amp; reorder &lt;b&gt;soon&lt;/b&gt;",
        Suppliers=[{"Name": "Acme AB"}, {"Name": ""}],
        ItemGroup={"Code": "10", "Description": "Tools"},
        CurrencyPrices=[{"Currency": "USD", "Price": 12}],
        DiscountLists=[{"Code": "A", "Currency": "SEK", "Price": "90"}],
        PriceIntervals=[{"FromInterval": 10, "Discount": 5}],
        LanguageArticleInfo=[{"LanguageCodeISO1": "EN", "Description": "Hammer"}],
        Stock=[
            {"WarehouseCode": "01", "AvailableStock": 5, "ShelfStock": "7", "IsDefaultStock": True},
            {"WarehouseCode": "02", "AvailableStock": 1, "ShelfStock": 2},
        ],
        NextDeliveryDate="2026-12-01",
        PackageSize=6,
        FreeFields=[{"Name": "Material", "Value": "Steel"}],
        Matrix={"ParentCode": "HAM", "XValue": "S", "XDescription": "Small"},
        Pictures=[
            {"Url": "https://img/b.jpg", "SortOrder": 2},
            {"Url": "https://img/a.jpg", "SortOrder": 1},
        ],
    )
    _fake, client = make(server, [raw])
    (item,) = fetch_catalog(client, SpectorSettings(item_group_class="Group")).items
    assert (item.code, item.ean, item.vat_percent, item.sales_price) == (
        "HAM-1",
        "7312345678901",
        Decimal(25),
        Decimal("100.50"),
    )
    assert {(c.group, c.value) for c in item.classes} == {
        ("Group", "Tools"),
        ("Webshop category", "Garden"),
        ("Comment", "Popular"),
        ("Internal comment", "Check & reorder soon"),
        ("Supplier", "Acme AB"),
    }
    assert [(p.list_code, p.currency, p.price) for p in item.prices] == [
        (None, "USD", Decimal(12)),
        ("A", "SEK", Decimal(90)),
    ]
    assert [(t.min_qty, t.discount) for t in item.tier_prices] == [(Decimal(10), Decimal(5))]
    assert item.descriptions == {"en": "Hammer"}
    assert [(s.warehouse, s.available, s.on_shelf, s.is_default) for s in item.stock] == [
        ("01", Decimal(5), Decimal(7), True),
        ("02", Decimal(1), Decimal(2), False),
    ]
    assert item.next_delivery == date(2026, 12, 1)
    assert item.free_fields == {"Material": "Steel"}
    assert (item.matrix.parent_code, item.matrix.x_description) == ("HAM", "Small")
    assert [p.url for p in item.pictures] == ["https://img/a.jpg", "https://img/b.jpg"]


def test_deleted_and_webshop_flags(server):
    _fake, client = make(
        server,
        [
            make_item("DEL", IsDeleted="true"),
            make_item("HIDDEN", WebshopInfo={"ViewInShop": False}),
            make_item("NOINFO", WebshopInfo=None),
        ],
    )
    items = {i.code: i for i in fetch_catalog(client, SpectorSettings()).items}
    assert items["DEL"].deleted
    assert not items["HIDDEN"].webshop
    assert not items["NOINFO"].webshop
