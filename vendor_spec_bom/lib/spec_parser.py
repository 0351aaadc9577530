"""Read a vendor BOM (pasted cells or a spreadsheet's rows) into spec rows.

Columns: with 2, [partnumber, quantity]; with 3 or more, the first is the
partnumber, the first numeric column after it is the quantity, the next
numeric ones are the unit and total prices, and the first text column after
the partnumber is the description. The layout is taken from the majority
of rows; a first row whose quantity is not a number is a header.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from .numbers import is_number, parse_number


@dataclass
class SpecRow:
    line: int
    partnumber: str
    quantity: Decimal
    description: str = ""
    unit_price: Decimal | None = None
    total_price: Decimal | None = None


@dataclass
class SpecError:
    line: int
    text: str
    reason: str


@dataclass
class SpecResult:
    rows: list
    errors: list
    header: list | None = None


def split_paste(text):
    """Cells copied from Excel: tab-separated lines (``;`` when there is no tab)."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    separator = "\t" if "\t" in (text or "") else ";"
    return [line.split(separator) for line in lines]


def _layout(table):
    """(qty column, [price columns], description column).

    A column is numeric when most of its non-empty data cells are numbers
    (the first row is left out: it may be a header).
    """
    filled = [row for row in table if any(c.strip() for c in row)]
    width = Counter(len(row) for row in filled).most_common(1)
    width = width[0][0] if width else 0
    if width <= 2:
        return 1, [], None
    data = filled[1:] or filled
    numeric = []
    for column in range(1, width):
        cells = [row[column] for row in data if column < len(row) and row[column].strip()]
        numbers = sum(1 for cell in cells if is_number(cell))
        if cells and numbers * 2 > len(cells):
            numeric.append(column)
    numeric = numeric or [1]
    texts = [i for i in range(1, width) if i not in numeric]
    prices = [i for i in range(numeric[0] + 1, width) if i not in texts][:2]
    return numeric[0], prices, (texts[0] if texts else None)


def _cell(cells, index):
    return cells[index] if index is not None and index < len(cells) else ""


def parse_table(table):
    table = [[str(c if c is not None else "").strip() for c in row] for row in table]
    qty_col, price_cols, desc_col = _layout(table)
    rows, errors, header = [], [], None
    for index, cells in enumerate(table, 1):
        if not any(cells):
            continue
        text = "\t".join(cells)
        partnumber, quantity_text = _cell(cells, 0), _cell(cells, qty_col)
        if header is None and not rows and not errors and not is_number(quantity_text):
            header = cells
            continue
        try:
            quantity = parse_number(quantity_text)
            prices = [parse_number(_cell(cells, i)) for i in price_cols]
        except ValueError as exc:
            errors.append(SpecError(index, text, f"not a number: {exc}"))
            continue
        if not partnumber:
            errors.append(SpecError(index, text, "no part number"))
        elif quantity is None or quantity <= 0:
            errors.append(SpecError(index, text, "the quantity must be a number above 0"))
        else:
            unit, total = (prices + [None, None])[:2]
            if total is None and unit is not None:
                total = unit * quantity
            elif unit is None and total is not None:
                unit = total / quantity
            rows.append(SpecRow(index, partnumber, quantity, _cell(cells, desc_col), unit, total))
    return SpecResult(rows, errors, header)


def parse_paste(text):
    return parse_table(split_paste(text))
