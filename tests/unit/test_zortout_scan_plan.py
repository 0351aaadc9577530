"""How often a full Zortout stock scan fits in the daily quota."""

from odoo.addons.marketplace_zortout.lib.reconcile import scan_plan


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
