"""Decide which quantities to apply, from remote stock and Odoo's products.

Matching is by SKU = internal reference, trimmed. Everything a user should
know about (blank SKUs, unknown SKUs, duplicates, archived, not storable,
tracked products, negative quantities) is counted and listed, never
silently guessed.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from odoo.addons.marketplace_base.lib.summary import MAX_LISTED

#: A quantity beyond this is taken for garbage, not stock.
MAX_QUANTITY = Decimal(10) ** 12


@dataclass(frozen=True)
class ProductInfo:
    """What the plan needs to know of an Odoo product."""

    id: int
    code: str
    active: bool = True
    storable: bool = True
    tracked: bool = False
    tmpl_id: int = None


@dataclass
class StockPlan:
    """Quantities to set, per product id, and the counters of the job result."""

    to_apply: dict = field(default_factory=dict)  # product id -> new quantity (Decimal)
    remote_quantities: dict = field(default_factory=dict)  # product id -> remote quantity
    counters: dict = field(default_factory=dict)

    def count(self, key, item=None, n=1):
        self.counters[key] = self.counters.get(key, 0) + n
        if item is not None:
            listed = self.counters.setdefault(f"{key}_list", [])
            if len(listed) < MAX_LISTED:
                listed.append(item)


def normalize_sku(sku):
    return (sku or "").strip()


def index_products(products):
    """``{code: [ProductInfo, ...]}`` keyed by the trimmed internal reference."""
    index = {}
    for product in products:
        code = normalize_sku(product.code)
        if code:
            index.setdefault(code, []).append(product)
    return index


def as_quantity(value):
    """``value`` as a finite ``Decimal`` within bounds, or ``None``."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        return None
    try:
        quantity = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    if not quantity.is_finite() or abs(quantity) >= MAX_QUANTITY:
        return None
    return quantity


def _read_remote(remote, plan):
    """``({sku: quantity}, {skus not to apply})`` from the remote rows."""
    counters = plan.counters
    quantities, seen, skipped = {}, set(), set()
    for row in remote:
        raw_sku, raw_quantity = row[0], row[1]
        source = row[2] if len(row) > 2 else None
        counters["products_seen"] += 1
        sku = normalize_sku(raw_sku)
        if not sku:
            counters["blank_skus"] += 1
            continue
        quantity = Decimal(0) if raw_quantity is None else as_quantity(raw_quantity)
        if quantity is None:
            plan.count("invalid_quantities", f"{sku}: {str(raw_quantity)[:40]!r}")
            skipped.add(sku)  # not applied: its true quantity is unknown
            continue
        if (sku, source) in seen:
            if sku not in skipped:
                plan.count("repeated_skus", sku)
            skipped.add(sku)
            continue
        seen.add((sku, source))
        quantities[sku] = quantities.get(sku, Decimal(0)) + quantity

    return quantities, skipped


def plan_stock(remote, products_by_code, current, allow_negative=False):
    """Build the plan.

    :param remote: iterable of ``(sku, quantity)`` or ``(sku, quantity,
        source)``. The same SKU from several sources (remote warehouses
        applied to one location) is summed; a SKU seen twice in one source
        is a faulty answer: it is reported and not applied, never summed.
        A quantity that is not a finite number is reported by SKU.
    :param products_by_code: ``index_products(...)`` of the company's products
    :param current: ``{product id: on-hand quantity in the target location}``
    """
    plan = StockPlan()
    counters = plan.counters
    for key in (
        "products_seen",
        "blank_skus",
        "stocks_updated",
        "unchanged",
        "unknown_skus",
        "not_storable",
        "archived",
        "duplicates",
        "tracked",
        "negative_quantities",
        "invalid_quantities",
        "repeated_skus",
    ):
        counters[key] = 0
    quantities, skipped = _read_remote(remote, plan)
    for sku, quantity in quantities.items():
        if sku in skipped:
            continue
        matches = products_by_code.get(sku, [])
        active = [p for p in matches if p.active]
        if not matches:
            plan.count("unknown_skus", sku)
            continue
        if not active:
            plan.count("archived", sku)
            continue
        if len(active) > 1:
            plan.count("duplicates", sku)
            continue
        product = active[0]
        if not product.storable:
            plan.count("not_storable", sku)
            continue
        if product.tracked:
            plan.count("tracked", sku)
            continue
        plan.remote_quantities[product.id] = quantity
        target = quantity
        if quantity < 0:
            plan.count("negative_quantities", sku)
            if not allow_negative:
                target = Decimal(0)
        if Decimal(str(current.get(product.id, 0))) == target:
            counters["unchanged"] += 1
        else:
            plan.to_apply[product.id] = target
    counters["stocks_updated"] = len(plan.to_apply)
    return plan
