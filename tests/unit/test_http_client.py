"""The shared JSON client turns transport failures into the suite's errors."""

import pytest
import requests

from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.lib.http import JsonHttpClient, parse_retry_after
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer


@pytest.fixture
def server():
    with FixtureServer() as srv:
        yield srv


def client(server, timeout=5):
    api = JsonHttpClient(server.url, timeout=timeout)
    api.service = "Shop"
    return api


def test_json_answer_is_decoded(server):
    server.route("/items", {"items": [1, 2]})
    assert client(server)._request("GET", "items", params={"page": 2}) == {"items": [1, 2]}
    assert server.requests[0].arg("page") == "2"


@pytest.mark.parametrize("status", [429, 500, 502, 503])
def test_rate_limit_and_server_errors_are_retryable(server, status):
    server.route("/items", lambda r: (status, {"error": "busy"}, {"Retry-After": "17"}))
    with pytest.raises(RetryableJobError) as err:
        client(server)._request("GET", "items")
    assert err.value.retry_after == 17.0
    assert f"HTTP {status}" in str(err.value)


def test_unauthorized_is_permanent_and_mentions_credentials(server):
    server.route("/items", (401, {"error": "nope"}))
    with pytest.raises(MarketplaceError) as err:
        client(server)._request("GET", "items")
    assert not isinstance(err.value, RetryableJobError)
    assert "credentials" in str(err.value)


def test_html_page_is_a_readable_error(server):
    server.route(
        "/items", (200, "<html><body>Maintenance</body></html>", {"Content-Type": "text/html"})
    )
    with pytest.raises(MarketplaceError) as err:
        client(server)._request("GET", "items")
    assert "not JSON on items" in str(err.value)
    assert "Maintenance" in str(err.value)


def test_timeout_is_retryable(server):
    import time

    server.route("/slow", lambda r: (time.sleep(1.0), (200, {}))[1])
    with pytest.raises(RetryableJobError) as err:
        client(server, timeout=0.2)._request("GET", "slow")
    assert "did not answer slow" in str(err.value)


def test_connection_refused_is_retryable():
    sock_server = FixtureServer()
    url = sock_server.url
    sock_server.stop()
    api = JsonHttpClient(url, session=requests.Session(), timeout=1)
    with pytest.raises(RetryableJobError):
        api._request("GET", "items")


def test_field_names_endpoint_and_key():
    api = JsonHttpClient("http://127.0.0.1:9")
    api.service = "Shop"
    assert api.field({"a": "1"}, "a", "items", str) == "1"
    assert api.field({"a": None}, "a", "items", default=0) == 0
    with pytest.raises(MarketplaceError, match="Shop items: the answer has no 'b'"):
        api.field({"a": 1}, "b", "items")
    with pytest.raises(MarketplaceError, match="'a' should be list, got int"):
        api.field({"a": 1}, "a", "items", list)


def test_retry_after_accepts_seconds_and_dates():
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == 10.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
