"""Locale-tolerant numbers from spreadsheets and pasted cells.

Prices: "1 234,50", "1,234.50", "1.234,50", "€ 12", "12 €", "$1,234",
"EUR 7,5", "0,13420 zł". Quantities: "10", "1 234", "1,5", "10 pcs".
The decimal mark follows ``marketplace_base.lib.decimal_mark``: the
right-most ``,`` or ``.``, except a lone separator followed by exactly three
digits ("1,234", "1.234"), read as a thousands separator: BOM quantities
and prices are far more often 1,234 than 1.234.

Only a currency sign or code, or (for quantities) a unit this module knows,
may stand next to the digits: "BSS84" or "R1, R2" are not numbers.
"""

import math
import re
from decimal import Decimal, InvalidOperation

from odoo.addons.marketplace_base.lib.decimal_mark import with_decimal_point

MAX_DIGITS = 15  # what a float (the database column) keeps exactly
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_CURRENCY = re.compile(
    r"^(?:[€$£¥₽]|zł|kr|(?:USD|EUR|GBP|CHF|SEK|NOK|DKK|PLN|CZK|HUF|JPY|CNY|RUB|CAD|AUD)\b)|"
    r"(?:[€$£¥₽]|zł|kr|\b(?:USD|EUR|GBP|CHF|SEK|NOK|DKK|PLN|CZK|HUF|JPY|CNY|RUB|CAD|AUD))$",
    re.IGNORECASE,
)
QUANTITY_UNITS = {
    "pcs", "pc", "pce", "pces", "piece", "pieces", "ea", "each", "unit", "units",
    "stk", "st", "stück", "szt", "шт", "x",
}  # fmt: skip
_UNIT = re.compile(r"^(.*?\d)\s*([^\d\s.,]+)\.?$")
_SHAPE = re.compile(r"^-?\d[\d.,]*$|^-?[.,]\d+$")


def _from_native(value):
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value!r} is not a number")
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _bounded(value, text):
    digits = len(value.as_tuple().digits) if value else 1
    if not value.is_finite() or value.adjusted() >= MAX_DIGITS or digits > 2 * MAX_DIGITS:
        raise ValueError(f"{str(text)[:40]!r} is too large a number")
    return value


def _decimal(compact, text):
    try:
        return _bounded(Decimal(with_decimal_point(compact)), text)
    except InvalidOperation as exc:
        raise ValueError(f"{text!r} is not a number") from exc


def _parse(text, strip, kind):
    """``None`` for an empty cell, a bounded ``Decimal``, or ``ValueError``.

    ``strip(raw)`` removes what may stand next to the digits (a currency,
    a unit); what is left must have the shape of a number.
    """
    if text is None:
        return None
    if isinstance(text, (int, float, Decimal)) and not isinstance(text, bool):
        return _bounded(_from_native(text), text)
    raw = str(text).strip()
    if not raw:
        return None
    compact = _SPACES.sub("", strip(raw))
    if not _SHAPE.match(compact):
        raise ValueError(f"{str(text)[:40]!r} is not a {kind}")
    return _decimal(compact, text)


def _without_unit(raw):
    match = _UNIT.match(raw)
    return match.group(1) if match and match.group(2).casefold() in QUANTITY_UNITS else raw


def parse_number(text):
    """A price or amount: ``Decimal``, ``None`` for an empty cell, ``ValueError`` else."""
    return _parse(text, lambda raw: _CURRENCY.sub("", raw), "number")


def parse_quantity(text):
    """A quantity: a number, or a number and a known unit ("10 pcs").

    ``None`` for an empty cell; ``ValueError`` for anything else, part
    numbers such as "BSS84" included.
    """
    return _parse(text, _without_unit, "quantity")


def is_number(text):
    try:
        return parse_number(text) is not None
    except ValueError:
        return False


def is_quantity(text):
    try:
        return parse_quantity(text) is not None
    except ValueError:
        return False
