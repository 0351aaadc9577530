"""The neutral envelope and paging reader of the catalogue channels."""

import pytest

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_catalog.lib.paged import pages, rows_of

ROWS = [{"ItemCode": "A"}, {"ItemCode": "B"}]


@pytest.mark.parametrize(
    ("payload", "total"),
    [
        (ROWS, None),
        ({"value": ROWS}, None),
        ({"@odata.context": "x", "@odata.count": 9, "value": ROWS}, 9),
        ({"Items": ROWS, "TotalCount": 9}, 9),
        ({"items": ROWS, "totalCount": "9"}, 9),
        ({"Items": ROWS, "TotalCount": None}, None),
    ],
)
def test_every_envelope_gives_the_rows_and_the_total(payload, total):
    assert rows_of(payload, "ERP", "/Items") == (ROWS, total)


def test_a_single_object_is_one_row_and_an_error_object_fails():
    assert rows_of({"ItemCode": "A"}, "ERP", "/Items") == ([{"ItemCode": "A"}], None)
    assert rows_of({}, "ERP", "/Items") == ([], None)
    with pytest.raises(MarketplaceError, match="ERP /Items: the server answered an error"):
        rows_of({"error": {"message": "no"}}, "ERP", "/Items")
    with pytest.raises(MarketplaceError, match="expected a list of rows or an object, got str"):
        rows_of("nope", "ERP", "/Items")


def serve(rows, size, envelope=lambda rows, total: rows):
    asked = []

    def fetch(skip):
        asked.append(skip)
        return envelope(rows[skip : skip + size], len(rows))

    return fetch, asked


def test_server_decided_page_size_ends_on_a_short_page():
    fetch, asked = serve(list(range(25)), 10)
    assert [len(p) for p in pages(fetch, "ERP", "/Items")] == [10, 10, 5]
    assert asked == [0, 10, 20]


def test_a_total_beats_a_server_that_caps_the_page_below_the_size_asked():
    fetch, asked = serve(
        list(range(25)), 10, lambda rows, total: {"Items": rows, "TotalCount": total}
    )
    assert sum(len(p) for p in pages(fetch, "ERP", "ItemInfo", page_size=50)) == 25
    assert asked == [0, 10, 20]


def test_without_a_total_a_page_shorter_than_asked_is_the_last():
    fetch, asked = serve(list(range(25)), 10)
    assert sum(len(p) for p in pages(fetch, "ERP", "ItemInfo", page_size=50)) == 10
    assert asked == [0]


def test_a_repeated_page_fails_the_read():
    fetch, _asked = serve(list(range(25)), 10)
    with pytest.raises(MarketplaceError, match="page 2 repeats page 1"):
        list(pages(lambda skip: fetch(0), "ERP", "/Items"))
