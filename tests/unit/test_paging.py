"""The paging guard stops reads that would count a page twice."""

import pytest

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.lib.paging import PageGuard


def test_distinct_pages_pass():
    guard = PageGuard("Zortout", "GetProducts", page_size=2)
    guard.expect_total(5)
    for page in ([{"sku": "A"}, {"sku": "B"}], [{"sku": "C"}, {"sku": "D"}], [{"sku": "E"}]):
        guard.check(page)
    assert guard.pages == 3


def test_repeated_page_is_refused_naming_both_pages():
    guard = PageGuard("Zortout", "GetProducts", page_size=2)
    guard.check([{"sku": "A"}, {"sku": "B"}])
    guard.check([{"sku": "C"}, {"sku": "D"}])
    with pytest.raises(MarketplaceError, match="page 3 repeats page 2"):
        guard.check([{"sku": "C"}, {"sku": "D"}])


def test_cap_from_reported_count():
    guard = PageGuard("DkHome", "/Items", page_size=100)
    guard.expect_total(250)  # 3 pages, plus one empty closing page
    for n in range(4):
        guard.check([{"ItemCode": f"X{n}"}])
    with pytest.raises(MarketplaceError, match="more than 4 pages"):
        guard.check([{"ItemCode": "X9"}])


def test_cap_without_count():
    guard = PageGuard("Spector", "ItemInfo", page_size=10, max_pages=3)
    for n in range(3):
        guard.check([{"ItemCode": n}])
    with pytest.raises(MarketplaceError, match="more than 3 pages"):
        guard.check([{"ItemCode": 99}])
