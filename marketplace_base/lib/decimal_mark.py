"""Which separator of a number is its decimal mark ("1.234,50", "1,234", "0,141").

Shared by the readers of prices and quantities that other systems print
the way their locale does (Mouser's sites, BOM exports, carts). Rules, in
order:

* both ``.`` and ``,`` appear: the right-most one is the decimal mark;
* one mark appears several times ("1,234,567"): a thousands separator;
* one mark appears once: the ``decimal_mark`` given, when the source's
  locale is known; otherwise a decimal mark unless exactly three digits
  follow it after a non-zero integer part ("1,234" is 1234, while "0,141"
  and "32.8" keep their decimals).
"""

import re


def with_decimal_point(number, decimal_mark=None):
    """``number`` (digits and ``.``/``,``, maybe a leading ``-``) with ``.`` as
    its only separator, the decimal one: "1.234,50" gives "1234.50"."""
    marks = [c for c in number if c in ".,"]
    if not marks:
        return number
    last = max(number.rfind("."), number.rfind(","))
    mark = number[last]
    if len(set(marks)) == 2:
        is_decimal = True
    elif len(marks) > 1:
        is_decimal = False
    elif decimal_mark in (".", ","):
        is_decimal = mark == decimal_mark
    else:
        decimals = len(number) - last - 1
        is_decimal = not (decimals == 3 and number[:last].lstrip("-0") != "")
    integer, fraction = (number[:last], number[last + 1 :]) if is_decimal else (number, "")
    integer = re.sub(r"[.,]", "", integer)
    return f"{integer}.{fraction}" if fraction else integer
