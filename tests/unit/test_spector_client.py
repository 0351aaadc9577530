"""The real Spector client against a fake Spector on 127.0.0.1: batches, guard, errors."""

from datetime import datetime

import pytest

from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.addons.marketplace_spector.clients.spector import SpectorClient
from odoo.addons.marketplace_spector.lib.item_mapper import SpectorSettings, fetch_catalog
from odoo.addons.marketplace_spector.tests.spector_server import (
    SpectorFake,
    load_items,
    make_item,
)

JSON = {"Content-Type": "application/json"}


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


def test_an_answer_that_holds_no_rows_names_endpoint_and_shape(server):
    _fake, client = make(server)
    server.route("/api/ItemInfo", lambda r: (200, b"42", JSON), method="POST")
    with pytest.raises(MarketplaceError, match="Spector ItemInfo: expected a list of rows"):
        fetch_catalog(client, SpectorSettings())
    server.route("/api/ItemInfo", {"error": {"message": "quota"}}, method="POST")
    with pytest.raises(MarketplaceError, match="ItemInfo: the server answered an error"):
        fetch_catalog(client, SpectorSettings())


def test_a_server_ignoring_skip_fails_instead_of_counting_items_twice(server):
    fake, client = make(server, [make_item(f"I{n}") for n in range(5)])
    fake.ignore_skip = True
    with pytest.raises(MarketplaceError, match="page 2 repeats page 1"):
        fetch_catalog(client, SpectorSettings(), batch_size=2)


def test_the_fixture_items_are_read_whole(server):
    _fake, client = make(server, load_items())
    fetch = fetch_catalog(client, SpectorSettings(), batch_size=7)
    assert len(fetch.items) == 30
    assert not fetch.rejected
    assert len(bodies(server)) == 5


@pytest.mark.parametrize("envelope", ["items", "bare", "odata", "single"])
def test_every_envelope_is_read_whole_and_the_connection_test_passes(server, envelope):
    # Spector document (002) line 4: "retrieved ... using the 'ItemInfo' endpoint.
    # Data is fetched in batches." -- the envelope is not named, so each is read
    fake, client = make(server, [make_item(f"I{n:02}") for n in range(7)])
    fake.envelope = envelope
    fetch = fetch_catalog(client, SpectorSettings(), batch_size=3)
    assert [item.code for item in fetch.items] == [f"I{n:02}" for n in range(7)]
    assert len(server.requests_to("/api/ItemInfo")) == 3, "3 + 3 + 1: the short batch ends"
    assert client.check_connection().startswith("Connected to Spector")
