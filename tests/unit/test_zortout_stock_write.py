"""The Zortout client's writes (stock lists, webhook settings) against the fake Zortout."""

import pytest

from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.addons.marketplace_zortout.clients.zortout import ZortoutClient, rejected_skus
from odoo.addons.marketplace_zortout.tests.zortout_server import ZortoutFake


@pytest.fixture
def server():
    with FixtureServer() as srv:
        yield srv


def make(server):
    fake = ZortoutFake(server, {"W1": {"A": 1, "B": 2}, "W2": {}})
    return fake, ZortoutClient("shop", "key", "secret", base_url=fake.url, timeout=5)


def test_stock_list_is_posted_as_json_with_the_warehouse_and_credentials(server):
    fake, client = make(server)
    assert client.update_stock_list([("A", 7), ("B", 0)], warehouse_code="W2") == {}
    request = server.requests[-1]
    assert (request.method, request.path) == ("POST", "/v4/Product/UpdateProductStockList")
    assert request.arg("warehousecode") == "W2"
    assert request.json() == {"stocks": [{"sku": "A", "stock": 7}, {"sku": "B", "stock": 0}]}
    assert (request.headers["apikey"], request.headers["apisecret"]) == ("key", "secret")
    assert fake.stock["W2"] == {"A": 7, "B": 0}


def test_available_stock_endpoint_and_no_warehouse_parameter(server):
    fake, client = make(server)
    client.update_stock_list([("A", 3)], available=True)
    request = server.requests[-1]
    assert request.path == "/v4/Product/UpdateProductAvailableStockList"
    assert "warehousecode" not in request.query
    assert fake.available == {"W1": {"A": 3}}


@pytest.mark.parametrize("shape", ["object", "string"])
def test_skus_zortout_did_not_write_are_named_with_their_list(server, shape):
    fake, client = make(server)
    fake.rejection_shape = shape
    fake.reject = {"A": ("faillist", "SKU not found"), "B": ("notupdatelist", "locked")}
    rejected = client.update_stock_list([("A", 1), ("B", 2), ("C", 3)])
    if shape == "object":
        assert rejected == {"A": "faillist: SKU not found", "B": "notupdatelist: locked"}
    else:
        assert rejected == {"A": "faillist", "B": "notupdatelist"}
    assert fake.pushes[-1]["stocks"] == {"C": 3}


def test_a_whole_request_business_error_raises_with_zortout_description(server):
    fake, client = make(server)
    fake.push_res_code = ("500", "Warehouse not found")
    with pytest.raises(MarketplaceError, match="code 500.*Warehouse not found"):
        client.update_stock_list([("A", 1)], warehouse_code="NOPE")


def test_a_server_error_on_a_write_is_temporary(server):
    fake, client = make(server)
    fake.push_fail = (1, 503)
    with pytest.raises(RetryableJobError, match="HTTP 503"):
        client.update_stock_list([("A", 1)])


def test_rejection_lists_tolerate_missing_lists_and_reject_other_shapes():
    assert rejected_skus({"res": {"resCode": "200"}}) == {}
    assert rejected_skus({"faillist": [{"sku": " X ", "message": "bad"}, "", None]}) == {
        "X": "faillist: bad"
    }
    with pytest.raises(MarketplaceError, match="'notupdatelist' is not a list"):
        rejected_skus({"notupdatelist": "X"})


def test_webhook_settings_are_sent_and_read_back(server):
    fake, client = make(server)
    urls = {"updatequantityurl": "https://odoo.example/q", "addorderurl": ""}
    client.update_webhook("token", "k2", "k3", urls)
    assert server.requests[-1].json() == {
        "key1": "token",
        "key2": "k2",
        "key3": "k3",
        "updatequantityurl": "https://odoo.example/q",
        "addorderurl": "",
    }
    assert client.get_webhook()["updatequantityurl"] == "https://odoo.example/q"


def test_an_answer_echoing_the_webhook_request_shows_neither_token_nor_credentials(server):
    fake, client = make(server)
    server.route(
        "/v4/Webhook/UpdateWebhook",
        lambda request: (400, f"bad request {request.body.decode()} {request.headers}"),
        method="POST",
    )
    with pytest.raises(MarketplaceError, match="HTTP 400") as err:
        client.update_webhook("w3bhook-t0ken", "k2", "k3", {"updatequantityurl": "https://x/q"})
    message = str(err.value)
    assert "w3bhook-t0ken" not in message
    assert "'secret'" not in message  # the API secret header, echoed back
