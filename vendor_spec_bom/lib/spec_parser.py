"""Read a vendor BOM (pasted cells, a spreadsheet or a CAD/distributor export).

With a header row (found among the first rows by the column names below,
after any preamble such as KiCad's "Source:", "Date:", "Tool:" lines), the
columns are taken by name: part number (the manufacturer's first, else the
distributor's, else the CAD part name), quantity, unit and total price,
description and DNP. Without one, the source document's rule applies: with
2 columns, [part number, quantity]; with 3 or more, the first is the part
number, the first column of quantities after it is the quantity, the next
columns of numbers are the unit and total prices; a first row whose
quantity is not a number is a header.

A quantity is a number, or a number with a unit ("10 pcs"); digits inside
a part number never are. When no column reads as quantities, the result
has a ``problem`` and no rows: nothing may be stored from it.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from odoo.addons.marketplace_base.lib.text import holds_control_character, holds_nul

from .numbers import is_number, is_quantity, parse_number, parse_quantity
from .table_reader import DEFAULT_MAX_ROWS, find_header, normalize_header, read_table, split_text

MAX_PARTNUMBER_LENGTH = 255
PARTNUMBER_COLUMNS = (
    # the vendor's or manufacturer's own number first
    ("vendor pn", "vendor partnumber", "vendor part number", "vendor_partnumber", "partnumber",
     "part number", "part no", "part no.", "part #", "pn", "p/n", "mpn", "manufacturer part number",
     "manufacturer part #", "mfr part number", "mfr. part number", "mfr. #", "mfr #", "mfr. no",
     "mfr no", "mfr part #", "mfg part number", "mfg part #", "manufacturer pn",
     "manufacturer part number 1", "артикул"),
    # a distributor's number
    ("mouser #", "mouser no", "mouser part number", "mouser part #", "digi-key part number",
     "digikey part number", "supplier part number", "supplier part number 1", "sku",
     "lcsc part #", "lcsc"),
    # a CAD part name, when nothing better is there
    ("device", "libref", "lib ref", "libpart", "cmp name"),
)  # fmt: skip
QUANTITY_COLUMNS = (
    "qty", "qty.", "quantity", "qnty", "order qty", "order qty.", "order quantity", "count",
    "pcs", "menge", "anzahl", "кол-во", "количество", "quantity per pcb", "qty per board",
)  # fmt: skip
DESCRIPTION_COLUMNS = ("description", "desc", "desc.", "part description", "name", "описание")
DNP_COLUMNS = ("dnp", "do not populate", "do not place", "dnf", "not fitted")
UNIT_PRICE = re.compile(r"^(unit price|unit cost|unit|price|price each|cost each|цена)( \(.*\))?$")
TOTAL_PRICE = re.compile(
    r"^(ext\.?:?|ext\. price|extended price|extended|total|total price|line total|subtotal|"
    r"сумма)( \(.*\))?$"
)
OTHER_COLUMNS = (
    "item", "index", "#", "ref", "refs", "reference", "references", "reference(s)", "designator",
    "designators", "refdes", "part", "parts", "value", "comment", "footprint", "package",
    "manufacturer", "mfr", "datasheet", "vendor", "customer reference", "customer #", "rohs",
    "lifecycle", "availability", "minimum order", "library path", "supplier 1", "category", "type",
)  # fmt: skip
TRUE_DNP = {"dnp", "yes", "y", "1", "true", "x", "dnf", "do not populate", "not fitted"}
FALSE_DNP = {"no", "n", "0", "false", "fitted", "populate"}


def _norm_set(names):
    return {normalize_header(n) for n in names}


HEADER_NAMES = frozenset(
    _norm_set(n for group in PARTNUMBER_COLUMNS for n in group)
    | _norm_set(QUANTITY_COLUMNS)
    | _norm_set(DESCRIPTION_COLUMNS)
    | _norm_set(DNP_COLUMNS)
    | _norm_set(OTHER_COLUMNS)
    | {"unit price", "price", "unit cost", "extended price", "total", "total price", "ext. price"}
)


def is_header_name(name):
    name = normalize_header(name)
    return name in HEADER_NAMES or bool(UNIT_PRICE.match(name) or TOTAL_PRICE.match(name))


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
    skipped: bool = False  # left out on purpose (DNP), not unreadable


@dataclass
class SpecResult:
    rows: list
    errors: list
    header: list | None = None
    header_line: int | None = None  # 1-based row number in the input
    columns: dict = field(default_factory=dict)  # role -> column title (or number)
    problem: str | None = None  # set when nothing may be stored
    delimiter: str | None = None
    shifted_from: str | None = None  # the header title from which data cells sit further right


def _first(names, wanted):
    wanted = _norm_set(wanted)
    for index, name in enumerate(names):
        if name in wanted:
            return index
    return None


def _named_layout(header):
    names = [normalize_header(c) for c in header]
    columns = {}
    for group in PARTNUMBER_COLUMNS:
        index = _first(names, group)
        if index is not None:
            columns["partnumber"] = index
            break
    for role, wanted in (
        ("quantity", QUANTITY_COLUMNS),
        ("description", DESCRIPTION_COLUMNS),
        ("dnp", DNP_COLUMNS),
    ):
        index = _first(names, wanted)
        if index is not None:
            columns[role] = index
    if "description" not in columns:
        index = _first(names, ("value", "comment"))
        if index is not None and index != columns.get("partnumber"):
            columns["description"] = index
    for role, pattern in (("unit_price", UNIT_PRICE), ("total_price", TOTAL_PRICE)):
        index = next((i for i, name in enumerate(names) if pattern.match(name)), None)
        if index is not None:
            columns[role] = index
    return columns


def _filled_width(cells):
    return next((i + 1 for i in range(len(cells) - 1, -1, -1) if cells[i]), 0)


def _reads_as_role(role, cell):
    """Whether one cell reads as its role expects (a description always does)."""
    if role == "partnumber":
        return bool(cell)
    if role == "quantity":
        return is_quantity(cell)
    if role in ("unit_price", "total_price"):
        return not cell or is_number(cell)
    if role == "dnp":
        return not cell or cell.casefold() in TRUE_DNP | FALSE_DNP
    return True


def _shifted_layout(header, columns, rows):
    """``(columns, first shifted column)`` for data rows wider than their header.

    Exports whose rows carry cells the header does not name (a ``Note``
    field empty on most rows) shift the columns after them. The place of
    the extra cells is decided once for the whole file: where the roles'
    columns read best over all rows, then where the extra cells are empty
    most often, then as late as possible (no shift at all when that reads
    as well). Every row is then read through the same columns.
    """
    widths = Counter(_filled_width(r) for r in rows)
    width = widths.most_common(1)[0][0] if widths else 0
    titled = _filled_width(header)
    extra = width - titled
    if extra <= 0 or not columns:
        return columns, None
    wide = [r for r in rows if _filled_width(r) == width]
    # How many rows each role reads well in, at its title's column and shifted.
    reads = {
        role: [
            sum(_reads_as_role(role, _cell(r, index + shift)) for r in wide) for shift in (0, extra)
        ]
        for role, index in columns.items()
    }

    def fits(at):
        return sum(reads[role][index >= at] for role, index in columns.items())

    best = max(fits(at) for at in range(titled + 1))
    if best <= fits(titled):
        return columns, None
    at = max(
        (at for at in range(titled) if fits(at) == best),
        key=lambda at: (sum(not any(r[at : at + extra]) for r in wide), at),
    )
    return {role: index + extra if index >= at else index for role, index in columns.items()}, at


def _column_reads_as(rows, column, test):
    cells = [row[column] for row in rows if column < len(row) and row[column].strip()]
    return bool(cells) and sum(1 for c in cells if test(c)) * 2 > len(cells)


def _positional_layout(rows):
    """The source document's rule, for tables without a known header."""
    widths = Counter(len(row) for row in rows)
    width = widths.most_common(1)[0][0] if widths else 0
    data = rows[1:] if len(rows) > 1 else rows
    if width <= 2:
        return {"partnumber": 0, "quantity": 1} if width == 2 else {"partnumber": 0}
    columns = {"partnumber": 0}
    numeric = [c for c in range(1, width) if _column_reads_as(data, c, is_number)]
    quantity = next((c for c in numeric if _column_reads_as(data, c, is_quantity)), None)
    if quantity is not None:
        columns["quantity"] = quantity
        prices = [c for c in numeric if c > quantity][:2]
        for role, column in zip(("unit_price", "total_price"), prices, strict=False):
            columns[role] = column
    texts = [c for c in range(1, width) if c not in numeric]
    if texts:
        columns["description"] = texts[0]
    return columns


def _cell(cells, index):
    return cells[index] if index is not None and index < len(cells) else ""


def partnumber_problem(partnumber):
    if not partnumber:
        return "no part number"
    if holds_control_character(partnumber):
        return "the part number holds a control character (such as NUL)"
    if len(partnumber) > MAX_PARTNUMBER_LENGTH:
        return f"the part number is longer than {MAX_PARTNUMBER_LENGTH} characters"
    return None


def _quantity_problem(text):
    try:
        quantity = parse_quantity(text)
    except ValueError as exc:
        return None, f"quantity: {exc}"
    if quantity is None or quantity <= 0:
        return None, "the quantity must be a number above 0"
    return quantity, None


def _prices(cells, columns):
    """``(unit, total, problem)``."""
    try:
        unit = parse_number(_cell(cells, columns.get("unit_price")))
        total = parse_number(_cell(cells, columns.get("total_price")))
    except ValueError as exc:
        return None, None, f"price: {exc}"
    if (unit is not None and unit < 0) or (total is not None and total < 0):
        return None, None, "a price is negative"
    return unit, total, None


def _read_row(cells, columns, line):
    text = "\t".join(cells)[:200]
    if _cell(cells, columns.get("dnp")).strip().casefold() in TRUE_DNP:
        return SpecError(line, text, "DNP (do not populate): left out", skipped=True)
    partnumber = _cell(cells, columns["partnumber"])
    quantity, problem = _quantity_problem(_cell(cells, columns["quantity"]))
    unit, total, price_problem = _prices(cells, columns)
    description = _cell(cells, columns.get("description"))
    problem = (
        partnumber_problem(partnumber)
        or problem
        or price_problem
        or (holds_nul(description) and "the description holds a control character (NUL)")
    )
    if problem:
        return SpecError(line, text, problem)
    if total is None and unit is not None:
        total = unit * quantity
    elif unit is None and total is not None:
        unit = total / quantity
    return SpecRow(line, partnumber, quantity, description, unit, total)


def _titles(header, columns):
    return {
        role: (header[index] if header and index < len(header) else f"column {index + 1}")
        for role, index in columns.items()
    }


def parse_table(table):
    """A ``SpecResult`` from a ``Table`` (or a plain list of rows)."""
    if isinstance(table, list):
        rows = [[str(c if c is not None else "").strip() for c in row] for row in table]
        header_index, delimiter = find_header(rows, HEADER_NAMES), None
    else:
        rows = [[str(c if c is not None else "").strip() for c in row] for row in table.rows]
        header_index, delimiter = table.header_index, table.delimiter
    filled = [(number, row) for number, row in enumerate(rows, 1) if any(row)]
    header = None
    if header_index is not None:
        header = rows[header_index]
        data = [(n, r) for n, r in filled if n > header_index + 1]
        titled = _named_layout(header)
        columns, shifted_at = _shifted_layout(header, titled, [r for _n, r in data])
    else:
        columns, shifted_at = _positional_layout([r for _n, r in filled]), None
        titled, data = columns, filled
        if data and "quantity" in columns:
            first_line, first = data[0]
            if not is_quantity(_cell(first, columns["quantity"])):
                header, header_index, data = first, first_line - 1, data[1:]
    result = SpecResult([], [], header, header_index + 1 if header is not None else None)
    result.delimiter = delimiter
    result.columns = _titles(header, titled)
    if shifted_at is not None:
        result.shifted_from = header[shifted_at]
    if "partnumber" not in columns:
        result.problem = "No column reads as part numbers (such as Part Number, MPN or PN)."
        return result
    data_rows = [r for _n, r in data]
    if "quantity" not in columns or not any(
        is_quantity(_cell(r, columns["quantity"])) for r in data_rows
    ):
        result.problem = (
            "No column reads as quantities (a number, or a number and a unit such as "
            "'10 pcs'); nothing can be imported from this table."
        )
        result.columns.pop("quantity", None)
        return result
    for line, cells in data:
        read = _read_row(cells, columns, line)
        (result.rows if isinstance(read, SpecRow) else result.errors).append(read)
    return result


def parse_paste(text, max_rows=DEFAULT_MAX_ROWS):
    return parse_table(split_text(text, HEADER_NAMES, max_rows))


def parse_file(filename, content, max_rows=DEFAULT_MAX_ROWS):
    return parse_table(read_table(filename, content, HEADER_NAMES, max_rows))
