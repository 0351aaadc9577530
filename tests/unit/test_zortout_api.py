"""The real Zortout client against a fake Zortout on 127.0.0.1."""

from decimal import Decimal

import pytest

from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.addons.marketplace_zortout.clients.zortout import ZortoutClient, parse_number
from odoo.addons.marketplace_zortout.tests.zortout_server import ZortoutFake


@pytest.fixture
def server():
    with FixtureServer() as srv:
        yield srv


def make(server, stock=None, **kwargs):
    fake = ZortoutFake(server, stock or {"W1": {"A": 1}}, **kwargs)
    return fake, ZortoutClient("shop", "key", "secret", base_url=fake.url, timeout=5)


def test_every_call_sends_the_three_auth_headers(server):
    _fake, client = make(server)
    client.get_warehouses()
    headers = server.requests[0].headers
    assert (headers["storename"], headers["apikey"], headers["apisecret"]) == (
        "shop",
        "key",
        "secret",
    )


def test_pages_until_a_short_page(server):
    _fake, client = make(server, {"W1": {f"S{i:03d}": i for i in range(25)}})
    pages = list(client.iter_product_pages(limit=10))
    assert [len(p) for p in pages] == [10, 10, 5]
    assert [r.arg("page") for r in server.requests] == ["1", "2", "3"]


def test_stops_when_count_is_reached_on_a_full_page(server):
    _fake, client = make(server, {"W1": {f"S{i:03d}": i for i in range(20)}})
    assert len(list(client.iter_products(limit=10))) == 20
    assert len(server.requests) == 2


def test_warehouse_and_sku_filters_are_sent(server):
    fake, client = make(server, {"W1": {"A": 1, "B": 2}, "W2": {"A": 5}})
    products = list(client.iter_products(warehouse_code="W2", sku_list=["A", "B"]))
    request = server.requests[0]
    assert request.arg("warehousecode") == "W2"
    assert request.headers["skulist"] == "A,B"
    assert {p.sku: p.stock for p in products} == {"A": Decimal(5), "B": Decimal(0)}


def test_string_numbers_negative_and_empty(server):
    _fake, client = make(
        server,
        {"W1": {"A": -3, "B": 0}},
        products={"B": {"stock": "", "sellprice": "1,234.50", "purchaseprice": ""}},
    )
    products = {p.sku: p for p in client.iter_products()}
    assert products["A"].stock == Decimal(-3)
    assert products["B"].stock == Decimal(0)
    assert products["B"].sell_price == Decimal("1234.50")
    assert products["B"].cost is None


def test_business_error_carries_zortout_description(server):
    fake, client = make(server)
    fake.res_code = ("902", "Store is suspended")
    with pytest.raises(MarketplaceError, match="code 902.*Store is suspended"):
        client.get_warehouses()


@pytest.mark.parametrize("form", ["wrapped", "flat"])
def test_quota_notice_is_a_success_with_a_notice(server, form):
    fake, client = make(server)
    fake.read_form = form
    fake.notice = "90% of the daily quota used"
    assert [p.sku for p in client.iter_products()] == ["A"]
    assert client.notices == ["90% of the daily quota used"]


def test_reads_in_the_flat_form_page_and_fail_like_the_wrapped_one(server):
    """``{resCode, resDesc, list, count}``: the form a public Odoo integration
    of Zortout reads (GitHub dionasaday/odoo, zortout_adapter.py)."""
    fake, client = make(server, {"W1": {f"S{i:03d}": i for i in range(25)}})
    fake.read_form = "flat"
    assert [len(page) for page in client.iter_product_pages(limit=10)] == [10, 10, 5]
    assert [w.code for w in client.get_warehouses()] == ["W1"]
    fake.res_code = ("902", "Store is suspended")
    with pytest.raises(MarketplaceError, match="code 902.*Store is suspended"):
        client.get_warehouses()


@pytest.mark.parametrize(
    "answer",
    [
        {"res": "200", "list": [{"id": 1, "code": "W1"}], "count": 1},
        {"res": {"resCode": 200}, "list": [{"id": 1, "code": "W1"}]},
        {"list": [{"id": 1, "code": "W1"}], "count": 1},
        {"res": {"resCode": "200", "list": [{"id": 1, "code": "W1"}], "count": 1}},
    ],
    ids=["res-as-code", "numeric-code", "no-status", "list-inside-res"],
)
def test_every_plausible_read_envelope_is_read(server, answer):
    server.route("/v4/Warehouse/GetWarehouses", answer)
    client = ZortoutClient("shop", "key", "secret", base_url=f"{server.url}/v4")
    assert [w.code for w in client.get_warehouses()] == ["W1"]


def test_a_bare_array_is_read_as_the_list_and_other_json_is_named(server):
    server.route("/v4/Warehouse/GetWarehouses", [{"id": 1, "code": "W1"}])
    client = ZortoutClient("shop", "key", "secret", base_url=f"{server.url}/v4")
    assert [w.code for w in client.get_warehouses()] == ["W1"]
    server.route("/v4/Warehouse/GetWarehouses", '"maintenance"')
    with pytest.raises(MarketplaceError, match="expected a JSON object, got str"):
        client.get_warehouses()


def test_unauthorized_is_permanent_and_never_shows_secrets(server):
    fake, client = make(server)
    fake.credentials["apikey"] = "other"
    with pytest.raises(MarketplaceError) as err:
        client.check_connection()
    assert not isinstance(err.value, RetryableJobError)
    assert "check the store name, API key and secret" in str(err.value)
    assert "secret'" not in str(err.value) and "key'" not in str(err.value)
    assert "shop" not in str(err.value)  # the store name is a credential too


def test_server_error_on_page_two_raises_before_anything_is_returned(server):
    fake, client = make(server, {"W1": {f"S{i:03d}": 1 for i in range(25)}})
    fake.fail_page = (2, 500)
    with pytest.raises(RetryableJobError, match="HTTP 500"):
        list(client.iter_products(limit=10))


def test_missing_list_names_endpoint_and_key(server):
    server.route("/v4/Product/GetProducts", {"res": {"resCode": "200"}, "count": 0})
    client = ZortoutClient("shop", "key", "secret", base_url=f"{server.url}/v4")
    with pytest.raises(MarketplaceError, match="Product/GetProducts: the answer has no 'list'"):
        list(client.iter_products())


def test_garbage_number_names_product_and_key(server):
    _fake, client = make(server, {"W1": {"A": 1}}, products={"A": {"stock": "lots"}})
    with pytest.raises(MarketplaceError, match="product A, 'stock'.*'lots' is not a number"):
        list(client.iter_products())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10", Decimal(10)),
        ("-3", Decimal(-3)),
        ("1,234.50", Decimal("1234.50")),
        ("", None),
        (None, None),
        (5, Decimal(5)),
        (5.5, Decimal("5.5")),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


def test_a_repeated_page_stops_the_read(server):
    fake, client = make(server, {"W1": {f"S{i:03d}": 1 for i in range(25)}})
    fake.repeat_page = (3, 2)
    with pytest.raises(MarketplaceError, match="page 3 repeats page 2"):
        list(client.iter_stock(limit=10))


def test_a_server_ignoring_paging_is_read_a_bounded_number_of_times(server):
    fake, client = make(server, {"W1": {f"S{i:03d}": 1 for i in range(25)}})
    fake.ignore_paging = True
    with pytest.raises(MarketplaceError, match="page 2 repeats page 1"):
        list(client.iter_stock(limit=10))
    assert len(server.requests) == 2


def test_stock_reads_only_sku_and_quantity(server):
    _fake, client = make(
        server,
        {"W1": {"A": 1, "B": 2, "C": 3}},
        products={"A": {"sellprice": "a lot", "name": None}, "C": {"stock": "NaN?"}},
    )
    assert dict(client.iter_stock()) == {"A": Decimal(1), "B": Decimal(2), "C": "NaN?"}
