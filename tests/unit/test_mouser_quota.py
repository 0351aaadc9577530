"""Mouser's daily budget and per-minute limit, and the round-robin cursor."""

from datetime import datetime, timedelta

from odoo.addons.supplier_mouser.lib.quota import Quota, QuotaState, calls_today, in_turn

T0 = datetime(2026, 11, 24, 10, 0, 0)


def test_per_minute_limit_is_a_sliding_window():
    quota, state = Quota(1000, 3), QuotaState()
    for second in (0, 10, 20):
        assert quota.wait_seconds(state, T0 + timedelta(seconds=second)) == 0
        state = quota.record_call(state, T0 + timedelta(seconds=second))
    assert quota.wait_seconds(state, T0 + timedelta(seconds=30)) == 30
    assert quota.wait_seconds(state, T0 + timedelta(seconds=60)) == 0


def test_daily_budget_spent_until_utc_midnight():
    quota, state = Quota(2, 30), QuotaState()
    state = quota.record_call(state, T0)
    state = quota.record_call(state, T0 + timedelta(minutes=5))
    assert quota.wait_seconds(state, T0 + timedelta(hours=5)) is None
    assert quota.daily_left(state, T0 + timedelta(hours=5)) == 0
    assert quota.next_reset(T0) == datetime(2026, 11, 25)
    assert quota.wait_seconds(state, datetime(2026, 11, 25, 0, 0, 1)) == 0
    assert quota.daily_left(state, datetime(2026, 11, 25, 0, 0, 1)) == 2


def test_no_sixty_seconds_ever_see_more_calls_than_the_limit():
    quota, state, calls = Quota(10_000, 30), QuotaState(), []
    now = T0
    while len(calls) < 200:
        wait = quota.wait_seconds(state, now)
        if wait:
            now += timedelta(seconds=wait)
            continue
        calls.append(now.timestamp())
        state = quota.record_call(state, now)
        now += timedelta(seconds=0.5)
    assert max(sum(1 for t in calls if s <= t < s + 60) for s in calls) == 30


def test_in_turn_wraps_around_after_the_last_visited():
    assert in_turn([5, 1, 3, 9], 3) == [5, 9, 1, 3]
    assert in_turn([5, 1, 3, 9], 9) == [1, 3, 5, 9]
    assert in_turn([5, 1, 3, 9], None) == [1, 3, 5, 9]
    assert in_turn([], 4) == []


def test_calls_today_are_those_of_the_utc_day():
    state = QuotaState(day=T0.date(), calls_today=7)
    assert calls_today(state, T0 + timedelta(hours=13, minutes=59)) == 7
    assert calls_today(state, datetime(2026, 11, 25, 0, 0, 0)) == 0
