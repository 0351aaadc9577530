"""The real DkHome client against a fake DkHome on 127.0.0.1: paging, guard, filters, errors."""

from datetime import datetime

import pytest

from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.addons.marketplace_dkhome.clients.dkhome import DkHomeClient
from odoo.addons.marketplace_dkhome.lib.item_mapper import DkHomeSettings, fetch_catalog
from odoo.addons.marketplace_dkhome.tests.dkhome_server import DkHomeFake, make_item

JSON = {"Content-Type": "application/json"}


@pytest.fixture
def server():
    with FixtureServer() as srv:
        yield srv


def make(server, items=None, **settings):
    fake = DkHomeFake(server, items=None if items is None else list(items))
    client = DkHomeClient(fake.url, "key", timeout=5)
    return fake, client, DkHomeSettings(**settings)


def item_requests(server):
    return [r for r in server.requests if r.path == "/api/Items"]


def test_the_fixture_is_read_page_by_page(server):
    fake, client, settings = make(server)
    fake.page_size = 7
    fetch = fetch_catalog(client, settings)
    assert len(fetch.items) == 30
    assert not fetch.rejected
    assert [r.arg("$skip") for r in item_requests(server)] == ["0", "7", "14", "21", "28"]
    assert item_requests(server)[0].arg("$orderby") == "ItemCode"
    assert fetch.complete


def test_a_server_ignoring_skip_fails_instead_of_counting_items_twice(server):
    fake, client, settings = make(server)
    fake.page_size, fake.ignore_skip = 10, True
    with pytest.raises(MarketplaceError, match="/Items: page 2 repeats page 1"):
        fetch_catalog(client, settings)


def test_item_prices_batch_is_guarded_too(server):
    fake, client, settings = make(server, [make_item("A")], use_item_prices_batch=True)
    fake.page_size, fake.ignore_skip = 1, True
    fake.prices = [{"ItemCode": "A", "PriceExcl": 1}, {"ItemCode": "B", "PriceExcl": 2}]
    with pytest.raises(MarketplaceError, match="/ItemPrices: page 2 repeats page 1"):
        fetch_catalog(client, settings)


def test_disable_batch_update_reads_one_page_and_says_so(server):
    fake, client, settings = make(server, disable_batch_update=True)
    fake.page_size = 4
    fetch = fetch_catalog(client, settings)
    assert len(fetch.items) == 4
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
    assert client.check_connection() == "Connected to DkHome: 3 warehouses (01, 02, 03)."
    assert server.requests[0].headers["apikey"] == "key"
    fake.api_key = "other"
    with pytest.raises(MarketplaceError, match="refused the API key.*HTTP 401"):
        client.get_warehouses()


def test_server_errors_are_retryable(server):
    fake, client, settings = make(server)
    fake.fail_status = 503
    with pytest.raises(RetryableJobError, match="503"):
        fetch_catalog(client, settings)


def test_a_page_that_holds_no_rows_names_endpoint_and_shape(server):
    _fake, client, settings = make(server)
    server.route("/api/Items", lambda r: (200, b'"not rows"', JSON))
    with pytest.raises(MarketplaceError, match="DkHome /Items: expected a list of rows"):
        fetch_catalog(client, settings)


@pytest.mark.parametrize("envelope", ["odata", "odata_count", "bare", "items"])
def test_every_envelope_is_read_and_the_connection_test_passes(server, envelope):
    # DkHome document (003) line 17: "/Items?$orderby=ItemCode&$skip={offset}" --
    # paging is named, the envelope is not, so each plausible one is read
    fake, client, settings = make(server)
    fake.envelope, fake.page_size = envelope, 7
    fetch = fetch_catalog(client, settings)
    assert len(fetch.items) == len(fake.items) == 30
    assert not fetch.rejected
    assert client.check_connection() == ("Connected to DkHome: 3 warehouses (01, 02, 03).")
