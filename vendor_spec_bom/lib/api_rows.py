"""Vendor spec rows sent as JSON (the source document's ``VendorSpecItem``),
checked like the import wizard checks a pasted BOM: all or nothing."""

from odoo.addons.marketplace_base.lib.text import holds_control_character, holds_nul

from .numbers import parse_number, parse_quantity
from .spec_parser import partnumber_problem

MAX_API_ROWS = 100_000
MAX_DESCRIPTION = 10_000


def _text(value):
    return value.strip() if isinstance(value, str) else ""


def _numbers(item):
    """``(quantity, unit, total)``; ``ValueError`` with the reason."""
    quantity = parse_quantity(item.get("quantity"))
    unit = parse_number(item.get("unit_price"))
    total = parse_number(item.get("total_price"))
    if quantity is None or quantity <= 0:
        raise ValueError("the quantity must be a number above 0")
    if (unit is not None and unit < 0) or (total is not None and total < 0):
        raise ValueError("a price is negative")
    if total is None and unit is not None:
        total = unit * quantity
    elif unit is None and total is not None:
        unit = total / quantity
    return quantity, unit, total


def _other_problem(item, description, sort_order):
    suggestion = item.get("manual_lot_suggestion")
    if len(description) > MAX_DESCRIPTION:
        return f"the description is longer than {MAX_DESCRIPTION:,} characters"
    if holds_nul(description):
        return "the description holds a control character (NUL)"
    if suggestion is not None and not isinstance(suggestion, str):
        return "manual_lot_suggestion must be a product's internal reference or null"
    if holds_control_character(suggestion):
        return "manual_lot_suggestion holds a control character (such as NUL)"
    if not isinstance(sort_order, int) or isinstance(sort_order, bool):
        return "sort_order must be an integer"
    return None


def _row_values(number, item):
    """``(values, None)`` or ``(None, message)`` for one JSON row."""
    if not isinstance(item, dict):
        return None, "a row must be an object"
    partnumber = _text(item.get("vendor_partnumber"))
    description = _text(item.get("description"))
    sort_order = item.get("sort_order", number * 10)
    try:
        quantity, unit, total = _numbers(item)
    except ValueError as exc:
        return None, partnumber_problem(partnumber) or str(exc)
    problem = partnumber_problem(partnumber) or _other_problem(item, description, sort_order)
    if problem:
        return None, problem
    suggestion = item.get("manual_lot_suggestion")
    return {
        "sequence": sort_order,
        "vendor_partnumber": partnumber,
        "quantity": float(quantity),
        "description": description,
        "unit_price": float(unit) if unit is not None else 0.0,
        "total_price": float(total) if total is not None else 0.0,
        "manual_lot_suggestion": (suggestion or "").strip() or None,
    }, None


def validate_rows(payload, max_rows=MAX_API_ROWS):
    """``(values list, errors)``; errors are ``{"row": n, "error": text}``, n from 1."""
    rows = payload.get("rows") if isinstance(payload, dict) else payload
    if not isinstance(rows, list):
        return [], [{"row": 0, "error": 'send a JSON array of rows (or {"rows": [...]})'}]
    if len(rows) > max_rows:
        return [], [{"row": 0, "error": f"more than {max_rows:,} rows"}]
    values, errors = [], []
    for number, item in enumerate(rows, 1):
        row, error = _row_values(number, item)
        if error:
            errors.append({"row": number, "error": error})
        else:
            values.append(row)
    return values, errors
