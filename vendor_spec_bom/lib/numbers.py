"""Locale-tolerant numbers from spreadsheets and pasted cells.

"1 234,50", "1,234.50", "1.234,50", "€ 12", "12 €", "$1,234", "-3".
The right-most ``,`` or ``.`` is the decimal mark, except a lone separator
followed by exactly three digits ("1,234", "1.234"), read as a thousands
separator: BOM quantities and prices are far more often 1,234 than 1.234.
"""

import re
from decimal import Decimal, InvalidOperation

_NOISE = re.compile(r"[\s\u00a0\u202f\u2009'€$£¥]|[A-Za-z]{3}$|^[A-Za-z]{3}")
_SHAPE = re.compile(r"^-?\d[\d.,]*$|^-?[.,]\d+$")


def parse_number(text):
    """``Decimal`` or ``None`` for an empty cell; ``ValueError`` for garbage."""
    if text is None:
        return None
    if isinstance(text, (int, float, Decimal)) and not isinstance(text, bool):
        return Decimal(str(text))
    raw = str(text).strip()
    if not raw:
        return None
    if not any(c.isdigit() for c in raw):
        raise ValueError(f"{text!r} is not a number")
    compact = _NOISE.sub("", raw)
    if not _SHAPE.match(compact):
        raise ValueError(f"{text!r} is not a number")
    last = max(compact.rfind("."), compact.rfind(","))
    if last >= 0:
        decimals = len(compact) - last - 1
        mark = compact[last]
        lone = compact.count(".") + compact.count(",") == 1
        repeated = mark in compact[:last]
        if repeated or (lone and decimals == 3 and compact.lstrip("-")[0] != "0"):
            compact = re.sub(r"[.,]", "", compact)
        else:
            compact = re.sub(r"[.,]", "", compact[:last]) + "." + compact[last + 1 :]
    try:
        return Decimal(compact)
    except InvalidOperation as exc:
        raise ValueError(f"{text!r} is not a number") from exc


def is_number(text):
    try:
        return parse_number(text) is not None
    except ValueError:
        return False
