"""What one part of a long job carries: counters, capped lists, its deadline,
and what the next part needs.

A long job (a catalogue sync, an order import, a stock push) runs in parts,
each well within a cron worker's time limit. Every such job used to carry
its own counters dict and its own way of handing on to the next part; a
``Run`` is that one way:

* ``add`` counts, ``listed`` keeps the first ``MAX_LISTED`` items of a list
  (and counts them all, so "+N more" stays true), ``warn`` lists a warning
  once;
* ``out_of_time`` says when the part should stop;
* ``continue_with(params)`` asks for a next part; the job model's
  ``_end_part`` queues it, carrying the counters so the last part's result
  covers the whole job.

Pure Python: importable and testable without Odoo.
"""

import time
from collections import Counter

from .summary import MAX_LISTED

CARRY_KEY = "carry_run"


class Run:
    def __init__(self, deadline=float("inf"), carry=None, clock=time.monotonic):
        self.deadline = deadline
        self.counters = Counter()
        self.lists = {}
        self.list_totals = Counter()
        self.next_params = None
        self.next_at = None
        self._clock = clock
        if carry:
            self.absorb(carry)

    # ----------------------------------------------------------- counting
    def add(self, key, count=1):
        """Count ``count`` more of ``key`` (created at 0, so it shows as zero)."""
        self.counters[key] += count

    def listed(self, key, item):
        """List ``item`` under ``key``: the first ``MAX_LISTED`` are kept, all are counted."""
        items = self.lists.setdefault(key, [])
        self.list_totals[key] += 1
        if len(items) < MAX_LISTED:
            items.append(item)

    def extend(self, key, items):
        for item in items:
            self.listed(key, item)

    def show_lists(self, *keys):
        """Have the result show these lists even when nothing was listed."""
        for key in keys:
            self.lists.setdefault(key, [])

    def warn(self, text):
        """A warning, listed once whatever the number of times it is raised."""
        if text not in self.lists.get("warnings", ()):
            self.listed("warnings", text)

    # -------------------------------------------------------------- time
    def out_of_time(self):
        return self._clock() >= self.deadline

    def time_left(self):
        return self.deadline - self._clock()

    # ------------------------------------------------------ continuation
    def continue_with(self, params, at=None):
        """Ask for a next part, started with ``params``, at once or ``at`` (a
        UTC datetime: after an outage, the next part waits for the service)."""
        self.next_params = dict(params or {})
        self.next_at = at

    @property
    def continues(self):
        return self.next_params is not None

    # ------------------------------------------------------------ result
    def result(self):
        """The counters and lists as a job result (lists capped, ``<key>_more``
        when more were seen than listed)."""
        result = dict(self.counters)
        for key, items in self.lists.items():
            result[key] = list(items)
            more = self.list_totals[key] - len(items)
            if more > 0:
                result[f"{key}_more"] = more
        return result

    def carried(self):
        """What the next part needs to go on counting (JSON-safe)."""
        return {
            "counters": dict(self.counters),
            "lists": {key: list(items) for key, items in self.lists.items()},
            "totals": dict(self.list_totals),
        }

    def absorb(self, carried):
        """Add what an earlier part counted (``carried()``'s output)."""
        for key, value in (carried.get("counters") or {}).items():
            self.counters[key] += value
        totals = carried.get("totals") or {}
        for key, items in (carried.get("lists") or {}).items():
            mine = self.lists.setdefault(key, [])
            room = MAX_LISTED - len(mine)
            mine.extend(items[: max(room, 0)])
            self.list_totals[key] += totals.get(key, len(items))
