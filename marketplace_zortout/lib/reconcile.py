"""How often a full stock scan fits in Zortout's daily call quota.

A full scan reads every product page (500 per call) of every Zortout
warehouse the account reads; with webhooks bringing changes in seconds,
the scan only reconciles, as often as the quota's share for it allows and
never more often than the 10-minute schedule.
"""

import math
from dataclasses import dataclass

MINUTES_PER_DAY = 24 * 60
SCHEDULE_MINUTES = 10


@dataclass
class ScanPlan:
    calls_per_scan: int
    scans_per_day: float
    interval_minutes: int
    covers_daily_scan: bool


def scan_plan(catalog_size, page_size, daily_quota, reserved_percent, warehouses=1):
    """The interval between full scans, in minutes (a multiple of the schedule).

    ``reserved_percent`` of the quota is kept for other calls (pushes,
    webhook-driven reads, orders, product imports).
    """
    pages = max(1, math.ceil(max(0, catalog_size) / page_size))
    calls = pages * max(1, warehouses)
    budget = max(0, daily_quota) * (100 - min(100, max(0, reserved_percent))) / 100
    scans_per_day = budget / calls
    if scans_per_day <= 0:
        return ScanPlan(calls, 0.0, MINUTES_PER_DAY, False)
    minutes = MINUTES_PER_DAY / scans_per_day
    interval = max(SCHEDULE_MINUTES, math.ceil(minutes / SCHEDULE_MINUTES) * SCHEDULE_MINUTES)
    return ScanPlan(calls, scans_per_day, interval, scans_per_day >= 1)
