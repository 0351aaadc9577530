"""Retry delays: doubling, Retry-After honoured up to the cap, never absurd."""

import math

from odoo.addons.marketplace_base.lib.backoff import MAX_DELAY, retry_delay


def test_delays_double_up_to_the_cap():
    assert [retry_delay(n) for n in (1, 2, 3)] == [30.0, 60.0, 120.0]
    assert retry_delay(50) == MAX_DELAY
    assert retry_delay(10**6) == MAX_DELAY  # no OverflowError on a huge attempt count


def test_retry_after_wins_when_longer_but_is_capped():
    assert retry_delay(1, retry_after=900) == 900.0
    assert retry_delay(1, retry_after=5) == 30.0
    for absurd in (1e300, math.inf, 10**400):
        assert retry_delay(1, retry_after=absurd) == MAX_DELAY
    assert retry_delay(1, retry_after=math.nan) == 30.0
    assert retry_delay(1, retry_after="soon") == 30.0
