"""The real Mouser client against a fake Mouser on 127.0.0.1."""

import time
from decimal import Decimal

import pytest

from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.addons.supplier_mouser.clients.mouser import (
    MouserClient,
    MouserInvalidCharacters,
    MouserQuotaExceeded,
)
from odoo.addons.supplier_mouser.tests import mouser_answers as answers
from odoo.addons.supplier_mouser.tests.mouser_server import MouserFake

CATALOGUE = {
    "595-NE555P": {"mpn": "NE555P", "breaks": [(1, "$0.51", "USD"), (10, "$0.42", "USD")]},
    "511-L7805": {"mpn": "L7805CV", "breaks": [(1, "0,57 €", "EUR"), (1000, "0,018 €", "EUR")]},
    "ODD": {
        "mpn": "ODD1",
        "shown_pn": "N/A",
        "drop": ["AvailabilityInStock", "LeadTime", "PriceBreaks"],
    },
}


@pytest.fixture
def fake():
    with FixtureServer() as server:
        yield MouserFake(server, {k: dict(v) for k, v in CATALOGUE.items()})


def client(fake, key="mouser-key", timeout=5):
    return MouserClient(key, base_url=fake.url, timeout=timeout)


def test_ten_numbers_in_one_exact_call(fake):
    numbers = ["595-NE555P", "511-L7805"] + [f"X-{i}" for i in range(8)]
    found = client(fake).search_part_numbers(numbers)
    assert len(fake.calls) == 1
    body = fake.calls[0].json()["SearchByPartRequest"]
    assert body == {"mouserPartNumber": "|".join(numbers), "partSearchOptions": "Exact"}
    assert fake.calls[0].arg("apiKey") == "mouser-key"
    part = found["595-NE555P"][0]
    assert [(b.quantity, b.price, b.currency) for b in part.price_breaks] == [
        (1, Decimal("0.51"), "USD"),
        (10, Decimal("0.42"), "USD"),
    ]
    assert found["511-L7805"][0].price_breaks[1].price == Decimal("0.018")
    assert found["X-3"] == []


def test_more_than_ten_numbers_is_refused():
    with pytest.raises(ValueError, match="at most 10"):
        MouserClient("k", base_url="http://127.0.0.1:9").search_part_numbers(
            [str(i) for i in range(11)]
        )


def test_manufacturer_number_finds_the_part(fake):
    found = client(fake).search_part_numbers(["ne555p"])
    assert found["NE555P"][0].mouser_part_number == "595-NE555P"


def test_part_details_and_missing_keys(fake):
    part = client(fake).search_part_numbers(["595-NE555P"])["595-NE555P"][0]
    assert (part.availability_in_stock, part.lead_time_days, part.packaging) == (100, 84, "Reel")
    odd = client(fake).search_part_numbers(["ODD1"])["ODD1"][0]
    assert odd.mouser_part_number is None, "'N/A' means no Mouser number"
    assert (odd.availability_in_stock, odd.lead_time_days, odd.price_breaks) == (None, None, [])


def test_invalid_key_is_permanent_and_names_the_key_not_its_value(fake):
    with pytest.raises(MarketplaceError) as err:
        client(fake, key="wrong").search_part_numbers(["595-NE555P"])
    assert not isinstance(err.value, RetryableJobError)
    assert "API key" in str(err.value) and "wrong" not in str(err.value)


def test_too_many_requests_is_a_quota_error(fake):
    fake.error = "TooManyRequests"
    with pytest.raises(MouserQuotaExceeded, match="TooManyRequests"):
        client(fake).search_part_numbers(["595-NE555P"])


def test_recorded_japanese_answer_keeps_decimal_yen_and_reads_42_days(fake):
    fake.add(answers.JP)
    part = client(fake).search_part_numbers(["595-LM358BAIPWR"])["595-LM358BAIPWR"][0]
    assert [(b.quantity, b.price, b.currency) for b in part.price_breaks] == [
        (1, Decimal("48"), "JPY"),
        (10, Decimal("32.8"), "JPY"),
        (100, Decimal("25.1"), "JPY"),
        (1000, Decimal("20.2"), "JPY"),
    ]
    assert (part.lead_time_days, part.availability_in_stock) == (42, 6178)


def test_recorded_german_answer_reads_comma_decimals_and_tage(fake):
    fake.add(answers.EU)
    part = client(fake).search_part_numbers(["CL31A106MBHNNNE"])["CL31A106MBHNNNE"][0]
    assert [b.price for b in part.price_breaks] == [
        Decimal("0.218"),
        Decimal("0.141"),
        Decimal("0.018"),
    ]
    assert {b.currency for b in part.price_breaks} == {"EUR"}
    assert part.lead_time_days == 42


def test_recorded_obsolete_part_has_no_breaks_and_no_lead_time(fake):
    fake.add(answers.OBSOLETE)
    part = client(fake).search_part_numbers(["595-NE555N"])["595-NE555N"][0]
    assert part.price_breaks == [] and part.lifecycle_status == "Obsolete"
    assert (part.lead_time_days, part.lead_time_unreadable) == (None, False)
    assert part.availability_in_stock is None


def test_recorded_two_listings_of_one_manufacturer_number(fake):
    fake.add(answers.TWO_LISTINGS)
    found = client(fake).search_part_numbers(["LM358"])["LM358"]
    assert [p.mouser_part_number for p in found] == ["595-LM358DR", "926-LM358MX/NOPB"]


def test_unreadable_lead_time_is_flagged_not_defaulted(fake):
    fake.catalogue["595-NE555P"]["lead_time"] = "Call for quote"
    part = client(fake).search_part_numbers(["595-NE555P"])["595-NE555P"][0]
    assert (part.lead_time_days, part.lead_time_unreadable) == (None, True)
    assert part.lead_time_text == "Call for quote"


def test_invalid_characters_and_bare_message(fake):
    with pytest.raises(MouserInvalidCharacters) as err:
        client(fake).search_part_numbers(["595-NE555P", "595-NE555µP"])
    assert err.value.mouser_message == "InvalidCharacters", "Mouser's Message is null: its code"
    fake.error = "Message"
    with pytest.raises(MarketplaceError, match="An error has occurred"):
        client(fake).search_part_numbers(["595-NE555P"])


def test_garbage_html_and_timeouts(fake):
    fake.raw = (200, "{not json", {"Content-Type": "application/json"})
    with pytest.raises(MarketplaceError, match="not JSON"):
        client(fake).search_part_numbers(["595-NE555P"])
    fake.raw = (503, "<html>Service Unavailable</html>", {"Content-Type": "text/html"})
    with pytest.raises(RetryableJobError, match="HTTP 503"):
        client(fake).search_part_numbers(["595-NE555P"])
    fake.raw = None
    fake.server.route("/api/v1/search/partnumber", lambda r: (time.sleep(1), {})[1], method="POST")
    with pytest.raises(RetryableJobError, match="did not answer"):
        client(fake, timeout=0.2).search_part_numbers(["595-NE555P"])


def test_unparsable_break_is_skipped_with_a_warning(fake):
    fake.catalogue["595-NE555P"]["breaks"] = [(1, "Quote", "USD"), (10, "$0.42", "USD")]
    part = client(fake).search_part_numbers(["595-NE555P"])["595-NE555P"][0]
    assert [b.quantity for b in part.price_breaks] == [10]
    assert "Quote" in part.warnings[0]
