"""Reach a target total on a quotation by a uniform discount."""

from decimal import ROUND_HALF_UP, Decimal


def uniform_discount(list_total, target_total):
    """Discount % (4 decimals) that turns ``list_total`` into ``target_total``.

    Negative when the target is above the list total (prices go up).
    """
    list_total, target_total = Decimal(str(list_total)), Decimal(str(target_total))
    if list_total <= 0:
        raise ValueError("The quotation has no priced line to discount.")
    discount = (1 - target_total / list_total) * 100
    return discount.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
