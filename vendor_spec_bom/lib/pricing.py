"""Reach a target total on a quotation: a discount below the list total,
a markup above it."""

from decimal import ROUND_HALF_UP, Decimal


def _decimal(value):
    return Decimal(str(value))


def markup_percent(list_total, target_total):
    """How much (%, 2 decimals) ``target_total`` is above ``list_total``."""
    list_total, target_total = _decimal(list_total), _decimal(target_total)
    if list_total <= 0:
        raise ValueError("The quotation has no priced line.")
    return ((target_total / list_total - 1) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def discount_split(subtotals, amount, decimal_places=2):
    """``amount`` shared between groups in proportion to their subtotals, in
    cents that add up exactly to ``amount`` (the largest group takes the rest)."""
    subtotals = [_decimal(s) for s in subtotals]
    amount = _decimal(amount)
    base = sum(subtotals)
    if base <= 0:
        raise ValueError("The quotation has no priced line.")
    cent = Decimal(1).scaleb(-decimal_places)
    parts = [(amount * s / base).quantize(cent, ROUND_HALF_UP) for s in subtotals]
    largest = max(range(len(parts)), key=lambda i: subtotals[i])
    parts[largest] += amount.quantize(cent, ROUND_HALF_UP) - sum(parts)
    return parts
