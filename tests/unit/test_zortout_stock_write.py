"""The Zortout client's writes (stock lists, webhook settings) against the fake Zortout.

The answers are the ones a public C# client declares (GitHub
tealerr/CRUD-Ecommerce, ecommerce/Common/Helper/ZortHelper.cs), flat and
wrapped; see ``marketplace_zortout/lib/answers.py`` for the sources.
"""

import pytest

from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.addons.marketplace_zortout.clients.zortout import ZortoutClient
from odoo.addons.marketplace_zortout.lib.answers import stock_write_result
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
    written = client.update_stock_list([("A", 7), ("B", 0)], warehouse_code="W2")
    assert (written.accepted, written.rejected, written.unconfirmed) == (["A", "B"], {}, [])
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


@pytest.mark.parametrize("form", ["flat", "wrapped"])
def test_skus_in_the_nested_fail_lists_are_refused_the_others_written(server, form):
    fake, client = make(server)
    fake.write_form = form
    fake.reject = {"A": "faillist", "B": "notupdatelist"}
    written = client.update_stock_list([("A", 1), ("B", 2), ("C", 3)])
    assert written.rejected == {"A": "faillist", "B": "notupdatelist"}
    assert (written.accepted, written.unconfirmed) == (["C"], [])
    assert fake.pushes[-1]["stocks"] == {"C": 3}


def nested(code="200", **stockupdate):
    """A write answer as the C# client's UpdateProductStockListResponse."""
    return {
        "resCode": code,
        "resDesc": "",
        "resDesc2": "",
        "resDesc3": "",
        "detail": {"stockupdate": stockupdate},
    }


def item(sku):
    return {"productid": 1, "sku": sku, "stock": 1, "skutype": 0, "cost": 0}


def test_refusals_counted_but_not_named_leave_only_the_confirmed_skus_written():
    answer = nested(success=1, fail=2, notupdate=0, successlist=[item("A")], faillist=[item("B")])
    written = stock_write_result(answer, ["A", "B", "C"])
    assert written.accepted == ["A"]
    assert written.rejected == {"B": "faillist"}
    assert written.unconfirmed == ["C"]
    assert "counted 2 SKU(s) not written but named 1" in written.notes[0]


def test_a_successlist_confirms_only_what_it_names():
    answer = nested(success=1, successlist=[item("A")], faillist=[], notupdatelist=[])
    written = stock_write_result(answer, ["A", "B"])
    assert (written.accepted, written.unconfirmed) == (["A"], ["B"])
    assert "absent from Zortout's answer" in written.notes[0]


def test_unreadable_lists_and_items_are_reported_never_taken_as_written():
    answer = nested(faillist="B", notupdatelist=[{"productid": 9}, "", None])
    written = stock_write_result(answer, ["A", "B"])
    assert (written.accepted, written.rejected) == ([], {})
    assert written.unconfirmed == ["A", "B"]
    assert any("'faillist' is not a list" in note for note in written.notes)
    assert any("3 refused item(s) without a SKU" in note for note in written.notes)


def test_an_answer_without_per_sku_result_means_the_batch_was_written():
    written = stock_write_result({"res": {"resCode": "200", "resDesc": ""}}, ["A"])
    assert (written.accepted, written.has_lists) == (["A"], False)


def test_a_reason_in_an_item_is_kept_and_skus_not_sent_are_named():
    answer = nested(faillist=[{"sku": " X ", "message": "bad"}, item("Z")])
    written = stock_write_result(answer, ["X"])
    assert written.rejected == {"X": "faillist: bad"}
    assert "not sent: Z" in written.notes[-1]


@pytest.mark.parametrize("code", ["100", "500", "401"])
@pytest.mark.parametrize("form", ["flat", "wrapped"])
def test_any_write_code_but_200_is_a_refusal_with_its_description(server, code, form):
    """Code 100 is the quota notice on reads; nothing makes it a success on writes."""
    fake, client = make(server)
    fake.write_form = form
    fake.push_res_code = (code, "Daily limit reached" if code == "100" else "Refused")
    with pytest.raises(MarketplaceError, match=f"code {code}"):
        client.update_stock_list([("A", 1)])


def test_a_write_answer_with_neither_status_nor_lists_is_not_taken_as_written(server):
    fake, client = make(server)
    fake.write_answer = lambda rows: {"ok": True}
    with pytest.raises(
        MarketplaceError, match=r"neither a status nor a per-SKU result \(keys: ok\)"
    ):
        client.update_stock_list([("A", 1)])


def test_a_write_answer_without_status_is_read_by_its_lists(server):
    fake, client = make(server)
    fake.write_answer = lambda rows: {"detail": {"stockupdate": {"faillist": [item("A")]}}}
    written = client.update_stock_list([("A", 1), ("B", 2)])
    assert (written.accepted, written.rejected) == (["B"], {"A": "faillist"})


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


@pytest.mark.parametrize("form", ["flat", "wrapped"])
def test_webhook_settings_are_sent_and_read_back(server, form):
    fake, client = make(server)
    fake.write_form = fake.read_form = form
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
