"""Mouser's API quota: a daily budget (reset at UTC midnight) and a per-minute limit.

The per-minute limit is a sliding window over the times of the last calls,
so no 60 seconds ever see more calls than the limit, whichever jobs made
them. The state is plain data; the Odoo side persists it.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

WINDOW = 60.0


@dataclass
class QuotaState:
    day: date | None = None
    calls_today: int = 0
    recent_calls: list = field(default_factory=list)  # epoch seconds of the last calls


@dataclass
class Quota:
    daily_limit: int
    per_minute_limit: int

    def current(self, state, now):
        """The state as seen at ``now`` (a naive UTC datetime): old calls forgotten."""
        stamp = now.timestamp()
        return QuotaState(
            day=now.date(),
            calls_today=calls_today(state, now),
            recent_calls=[t for t in state.recent_calls if stamp - t < WINDOW],
        )

    def daily_left(self, state, now):
        return max(0, self.daily_limit - self.current(state, now).calls_today)

    def wait_seconds(self, state, now):
        """0 when a call may go now, the seconds to wait for the minute window,
        or None when the daily budget is spent (see ``next_reset``)."""
        state = self.current(state, now)
        if state.calls_today >= self.daily_limit:
            return None
        if len(state.recent_calls) < self.per_minute_limit:
            return 0.0
        oldest = sorted(state.recent_calls)[-self.per_minute_limit]
        return max(0.0, WINDOW - (now.timestamp() - oldest))

    def record_call(self, state, now):
        state = self.current(state, now)
        state.calls_today += 1
        state.recent_calls = sorted(state.recent_calls + [now.timestamp()])[
            -self.per_minute_limit :
        ]
        return state

    @staticmethod
    def next_reset(now):
        return datetime.combine(now.date() + timedelta(days=1), datetime.min.time())


def calls_today(state, now):
    """Calls counted for the UTC day of ``now`` (a naive UTC datetime), as the quota counts."""
    return state.calls_today if state.day == now.date() else 0


def in_turn(ordered_ids, last_id):
    """``ordered_ids`` starting after ``last_id`` and wrapping around."""
    ordered = sorted(ordered_ids)
    start = next((i for i, value in enumerate(ordered) if value > (last_id or 0)), 0)
    return ordered[start:] + ordered[:start]
