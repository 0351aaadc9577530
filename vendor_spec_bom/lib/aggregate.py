"""The estimate: vendor BOM rows aggregated into quantities per product.

Per product, the quantity is the sum of the quantities of its rows whose
partnumber is a primary PN in the book (a manual pick counts as primary);
when only non-primary PNs of a product are in the BOM, the quantity is 1.
The vendor total is the sum of the rows' vendor totals.
"""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class ResolvedRow:
    partnumber: str
    quantity: Decimal
    product: object | None  # any hashable product key; None when unresolved
    is_primary: bool = False
    total_price: Decimal | None = None


@dataclass
class ProductEstimate:
    product: object
    quantity: Decimal = Decimal(0)
    vendor_total: Decimal = Decimal(0)
    has_primary: bool = False
    partnumbers: list = field(default_factory=list)


def aggregate(rows):
    """``({product: ProductEstimate}, [unresolved rows])`` in first-seen order."""
    estimates, unresolved = {}, []
    for row in rows:
        if row.product is None:
            unresolved.append(row)
            continue
        estimate = estimates.setdefault(row.product, ProductEstimate(row.product))
        estimate.partnumbers.append(row.partnumber)
        estimate.vendor_total += row.total_price or 0
        if row.is_primary:
            estimate.has_primary = True
            estimate.quantity += row.quantity
    for estimate in estimates.values():
        if not estimate.has_primary:
            estimate.quantity = Decimal(1)
    return estimates, unresolved
