"""Mouser price strings ("$0.10", "6,85 €", "6.817,20 kr") to ``Decimal``.

Mouser prints prices in the account's locale. Rule: the right-most ``.``
or ``,`` is the decimal mark when 1 to 5 digits follow it, except a lone
separator followed by exactly three digits after a non-zero integer part
("1,234", "1.234"): that is a thousands separator, since Mouser prints
prices of 1 and more with two decimals ("0,141" stays 0.141). A mark that
repeats ("1,234,567") is a thousands separator. Currencies without a minor
unit (JPY, KRW, HUF...) drop every separator. The currency comes from
Mouser's ``Currency`` field; the symbol is only a fallback.
"""

import re
from decimal import Decimal, InvalidOperation

ZERO_DECIMAL_CURRENCIES = {"JPY", "KRW", "HUF", "CLP", "ISK", "TWD", "VND", "IDR"}
SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
    "kr": "SEK",
    "Kč": "CZK",
    "zł": "PLN",
    "Ft": "HUF",
    "CHF": "CHF",
    "₹": "INR",
    "R$": "BRL",
}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_NUMBER = re.compile(r"-?\d[\d.,]*")


class PriceError(ValueError):
    """A price string that cannot be read."""


def _symbol_currency(text):
    for symbol in sorted(SYMBOLS, key=len, reverse=True):
        if symbol in text:
            return SYMBOLS[symbol]
    return None


def parse_price(text, currency=None):
    """``(Decimal amount, ISO currency or None)`` from a display string."""
    if isinstance(text, (int, float, Decimal)) and not isinstance(text, bool):
        return Decimal(str(text)), currency
    raw = str(text or "")
    currency = (currency or "").strip().upper() or _symbol_currency(raw)
    compact = _SPACES.sub("", raw)
    numbers = _NUMBER.findall(compact)
    if len(numbers) != 1:
        raise PriceError(f"Cannot read a price in {raw!r}.")
    number = numbers[0].rstrip(".,")
    if currency in ZERO_DECIMAL_CURRENCIES:
        digits = re.sub(r"[.,]", "", number)
    else:
        digits = _with_decimal_point(number)
    try:
        return Decimal(digits), currency
    except InvalidOperation as exc:
        raise PriceError(f"Cannot read a price in {raw!r}.") from exc


def _with_decimal_point(number):
    """Keep the right-most separator as the decimal point when it is one."""
    last = max(number.rfind("."), number.rfind(","))
    if last < 0:
        return number
    decimals = len(number) - last - 1
    separators = sum(number.count(c) for c in ".,")
    is_decimal = 1 <= decimals <= 5 and not (
        decimals == 3 and separators == 1 and not number[:last].lstrip("-").startswith("0")
    )
    if separators > 1 and number[last] in number[:last]:
        is_decimal = False  # "1,234,567": the same mark repeated is a thousands separator
    integer, fraction = (number[:last], number[last + 1 :]) if is_decimal else (number, "")
    integer = re.sub(r"[.,]", "", integer)
    return f"{integer}.{fraction}" if fraction else integer
