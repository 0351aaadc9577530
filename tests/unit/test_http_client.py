"""The shared JSON client turns transport failures into the suite's errors."""

import time

import pytest
import requests

from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.lib.http import JsonHttpClient, parse_retry_after, redact
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


def test_a_nul_in_the_answer_is_repaired_and_its_place_named(server):
    """One garbled name must not stop a read that does not need it: the NUL
    the database cannot store becomes U+FFFD and the job can say where."""
    server.route("/items", {"items": [{"name": "ok"}, {"name": "bad\x00name", "x\x00": 1}]})
    api = client(server)
    assert api._request("GET", "items") == {
        "items": [{"name": "ok"}, {"name": "bad\ufffdname", "x\ufffd": 1}]
    }
    assert api.text_repairs == [
        "Shop sent text holding a NUL on items at $.items[1].name, $.items[1] (key 2): "
        "stored as \ufffd (the database cannot store a NUL)"
    ]


def test_other_control_characters_in_an_answer_pass(server):
    server.route("/items", {"name": "two\nlines\tand a tab"})
    assert client(server)._request("GET", "items") == {"name": "two\nlines\tand a tab"}


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


# --------------------------------------------------------------- hardening
def _drip(seconds, every=0.2):
    """A JSON answer that never finishes: one byte every ``every`` seconds."""
    yield b'{"items": ['
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(every)
        yield b" "
    yield b"]}"


def test_a_dripping_answer_is_cut_at_the_total_deadline(server):
    server.route("/items", lambda r: (200, _drip(10), {"Content-Type": "application/json"}))
    api = JsonHttpClient(server.url, timeout=1, deadline=1.5)
    started = time.monotonic()
    with pytest.raises(RetryableJobError, match="did not finish its answer on items within 2 s"):
        api._request("GET", "items")
    assert time.monotonic() - started < 3


def test_an_oversized_answer_is_refused_without_reading_it_whole(server):
    def endless(request):
        def chunks():
            yield b'{"items": "'
            for _ in range(10_000):
                yield b"x" * 65536  # 640 MB if read whole

        return 200, chunks(), {"Content-Type": "application/json"}

    server.route("/items", endless)
    api = JsonHttpClient(server.url, timeout=5, max_bytes=1024 * 1024)
    started = time.monotonic()
    with pytest.raises(MarketplaceError, match="more than 1 MB on items"):
        api._request("GET", "items")
    assert time.monotonic() - started < 5


def test_a_declared_oversized_answer_is_refused_at_once(server):
    server.route("/items", (200, "x" * 3000))
    with pytest.raises(MarketplaceError, match="was not read"):
        JsonHttpClient(server.url, max_bytes=1000)._request("GET", "items")


class _KeyClient(JsonHttpClient):
    service = "Shop"

    def _headers(self):
        return {"apikey": "KEY-123456", "storename": "secret-store"}


def test_same_host_redirect_is_followed_with_credentials(server):
    server.route("/old", (301, "", {"Location": "/new"}))
    server.route("/new", {"ok": True})
    assert _KeyClient(server.url)._request("GET", "old") == {"ok": True}
    assert server.requests_to("/new")[0].headers["apikey"] == "KEY-123456"


def test_credentials_never_follow_a_redirect_to_another_host(server):
    with FixtureServer(host="127.0.0.2") as other:
        other.route("/steal", {"ok": True})
        server.route("/items", (302, "", {"Location": f"{other.url}/steal"}))
        with pytest.raises(MarketplaceError, match="redirected items to another host"):
            _KeyClient(server.url)._request("GET", "items")
        assert other.requests == []


def test_no_secret_reaches_an_error_or_its_traceback(server):
    """Neither the header values, nor a key in the query, nor the chained
    transport error (whose text holds the full URL) are shown."""
    import traceback

    key = "QKEY-" + "999"  # built here so the test's own source line does not show it
    server.route("/items", (400, "bad request for apikey KEY-123456 of secret-store"))
    with pytest.raises(MarketplaceError) as err:
        _KeyClient(server.url)._request("GET", "items", params={"apiKey": key})
    shown = "".join(traceback.format_exception(err.value))
    assert "KEY-123456" not in shown and "secret-store" not in shown
    assert "HTTP 400" in shown

    down = FixtureServer()
    url = down.url
    down.stop()
    with pytest.raises(RetryableJobError) as err:
        _KeyClient(url, timeout=1)._request("GET", "items", params={"apiKey": key})
    shown = "".join(traceback.format_exception(err.value))
    assert "QKEY-999" not in shown and "Could not connect" in shown


def test_redact_hides_credential_query_values():
    text = "POST /api/v1/search/partnumber?apiKey=abc-123&x=1 HTTP/1.1"
    assert redact(text) == "POST /api/v1/search/partnumber?apiKey=***&x=1 HTTP/1.1"
    assert redact("token secret-store here", ["secret-store"]) == "token *** here"


def test_urllib3_request_lines_are_logged_without_keys(server, caplog):
    import logging

    server.route("/items", {"ok": True})
    with caplog.at_level(logging.DEBUG, logger="urllib3.connectionpool"):
        JsonHttpClient(server.url)._request("GET", "items", params={"apiKey": "QKEY-999"})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "apiKey=***" in logged and "QKEY-999" not in logged
