"""What a stock push sends, and how often a full scan fits in the quota."""

import pytest

from odoo.addons.marketplace_zortout.lib.reconcile import scan_plan
from odoo.addons.marketplace_zortout.lib.stock_push import plan_push, pushed_quantity


@pytest.mark.parametrize(
    ("quantity", "buffer", "expected"),
    [(10, 0, 10), (10, 3, 7), (2, 5, 0), (-4, 0, 0), (5.7, 1, 4), (2.9999999, 0, 3), (0, 0, 0)],
)
def test_pushed_quantity_is_whole_units_minus_the_buffer_never_negative(quantity, buffer, expected):
    assert pushed_quantity(quantity, buffer) == expected


def test_only_changed_or_never_pushed_skus_are_sent():
    plan = plan_push([("A", 5), ("B", 3), ("C", 1)], {"A": 5, "B": 2})
    assert plan.to_push == {"B": 3, "C": 1}
    assert plan.unchanged == 1


def test_the_buffer_applies_before_comparing():
    plan = plan_push([("A", 5), ("B", 1)], {"A": 3, "B": 0}, buffer=2)
    assert plan.to_push == {}
    assert plan.unchanged == 2


def test_a_sku_of_two_products_is_listed_not_sent_and_blank_skus_are_ignored():
    plan = plan_push([("A", 5), (" A ", 1), ("", 4), (None, 2), ("B", 1)], {})
    assert plan.duplicates == ["A"]
    assert plan.to_push == {"B": 1}


def test_the_scan_interval_of_the_issue_example():
    # 200,000 SKUs, 500 per page: 400 calls; 80% of 50,000 calls -> 100 scans a day
    plan = scan_plan(200_000, 500, 50_000, 20)
    assert (plan.calls_per_scan, plan.scans_per_day) == (400, 100)
    assert plan.interval_minutes == 20  # 14.4 min, on the 10-minute schedule
    assert plan.covers_daily_scan


def test_a_small_catalogue_scans_every_schedule_run():
    assert scan_plan(3_000, 500, 50_000, 20).interval_minutes == 10
    assert scan_plan(0, 500, 50_000, 20).calls_per_scan == 1


def test_a_quota_too_small_for_one_scan_a_day_says_so():
    plan = scan_plan(1_000_000, 500, 2_000, 50, warehouses=2)
    assert plan.calls_per_scan == 4_000
    assert not plan.covers_daily_scan
    assert plan.interval_minutes == 5760  # every 4 days
