"""What a push of Odoo's stock to a remote system sends: whole units, buffer,
changes only; and what a channel answers for one batch.

Plain Python: the push service reads quantities and the last pushed ones,
this module decides what to send.
"""

import math
from dataclasses import dataclass, field

from .stock_plan import normalize_sku


def pushed_quantity(quantity, buffer=0):
    """Whole units the remote system gets: ``max(0, quantity - buffer)`` rounded down.

    Rounded to 6 places first, so 2.9999999 from unit conversions is 3.
    """
    return max(0, math.floor(round(float(quantity or 0), 6)) - int(buffer or 0))


@dataclass
class PushPlan:
    """``to_push`` ``{sku: quantity}`` in SKU order; SKUs held by two products skipped."""

    to_push: dict = field(default_factory=dict)
    unchanged: int = 0
    duplicates: list = field(default_factory=list)


def plan_push(rows, last_pushed, buffer=0):
    """Plan a push from ``rows`` ``[(sku, quantity)]`` and ``last_pushed`` ``{sku: qty}``.

    Only SKUs whose pushed quantity differs from the last one the remote
    system accepted are sent; a SKU never pushed is sent. A SKU of two
    products is not sent (which quantity would be right?) and is listed.
    """
    quantities, seen_twice = {}, set()
    for raw_sku, quantity in rows:
        sku = normalize_sku(raw_sku)
        if not sku:
            continue
        if sku in quantities:
            seen_twice.add(sku)
        quantities[sku] = pushed_quantity(quantity, buffer)
    plan = PushPlan(duplicates=sorted(seen_twice))
    for sku in sorted(quantities):
        if sku in seen_twice:
            continue
        if last_pushed.get(sku) == quantities[sku]:
            plan.unchanged += 1
        else:
            plan.to_push[sku] = quantities[sku]
    return plan


@dataclass
class BatchAnswer:
    """What the remote system did with one batch of a stock push.

    ``accepted``: SKUs written (recorded as pushed); ``rejected``: ``{sku:
    reason}`` it refused by name; ``unconfirmed``: SKUs its answer leaves in
    doubt, neither recorded nor called refused, so the next push sends them
    again; ``notes``: what its answer held that the channel did not understand.
    """

    accepted: list = field(default_factory=list)
    rejected: dict = field(default_factory=dict)
    unconfirmed: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def refusals(self):
        """``["sku: reason"]``, as a job result lists them."""
        return [f"{sku}: {reason}" for sku, reason in self.rejected.items()]
