"""Mouser price strings ("$0.10", "6,85 €", "¥32.8", "6.817,20 kr") to ``Decimal``.

Mouser prints prices the way the account's Mouser site does, and the string
is the only truth about its decimal mark: no currency is assumed to have no
decimals (Mouser's Japanese site writes "¥48" and "¥32.8" side by side).

The decimal mark follows ``marketplace_base.lib.decimal_mark``: a lone
separator is the site's decimal mark when the account names its site;
otherwise "1,234" is 1234 while "0,141" and "¥32.8" keep their decimals,
since Mouser prints prices of 1 and more with at most two decimals.

The currency comes from Mouser's ``Currency`` field; the symbol is only a
fallback when the field is missing.
"""

import re
from decimal import Decimal, InvalidOperation

from odoo.addons.marketplace_base.lib.decimal_mark import with_decimal_point

SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
    "₪": "ILS",
    "kr": "SEK",
    "Kč": "CZK",
    "zł": "PLN",
    "Ft": "HUF",
    "CHF": "CHF",
    "₹": "INR",
    "R$": "BRL",
}
# The decimal mark each Mouser site prints (www.mouser.com is US English).
SITE_DECIMAL_MARKS = {
    "mouser.com": ".",
    "mouser.ca": ".",
    "mouser.co.uk": ".",
    "mouser.jp": ".",
    "mouser.cn": ".",
    "mouser.com.au": ".",
    "mouser.in": ".",
    "mouser.co.il": ".",
    "mouser.sg": ".",
    "mouser.ch": ".",
    "eu.mouser.com": ",",
    "mouser.de": ",",
    "mouser.at": ",",
    "mouser.fr": ",",
    "mouser.es": ",",
    "mouser.it": ",",
    "mouser.se": ",",
    "mouser.dk": ",",
    "mouser.fi": ",",
    "mouser.nl": ",",
    "mouser.be": ",",
    "mouser.pl": ",",
    "mouser.cz": ",",
    "mouser.pt": ",",
    "mouser.com.br": ",",
}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009'’]")
_NUMBER = re.compile(r"-?\d[\d.,]*")


class PriceError(ValueError):
    """A price string that cannot be read."""


def _symbol_currency(text):
    for symbol in sorted(SYMBOLS, key=len, reverse=True):
        if symbol in text:
            return SYMBOLS[symbol]
    return None


def parse_price(text, currency=None, decimal_mark=None):
    """``(Decimal amount, ISO currency or None)`` from a display string.

    ``decimal_mark`` ("." or ",") is the decimal mark of the account's Mouser
    site, when known; it only decides a lone separator.
    """
    if isinstance(text, (int, float, Decimal)) and not isinstance(text, bool):
        return Decimal(str(text)), currency
    raw = str(text or "")
    currency = (currency or "").strip().upper() or _symbol_currency(raw)
    compact = _SPACES.sub("", raw)
    numbers = _NUMBER.findall(compact)
    if len(numbers) != 1:
        raise PriceError(f"Cannot read a price in {raw!r}.")
    number = numbers[0].rstrip(".,")
    try:
        return Decimal(with_decimal_point(number, decimal_mark)), currency
    except InvalidOperation as exc:
        raise PriceError(f"Cannot read a price in {raw!r}.") from exc
