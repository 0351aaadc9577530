"""Rows of cells (strings) from .xlsx, .xls, .csv content or pasted text, bounded.

Real exports put lines before their header (KiCad: "Source:", "Date:",
"Tool:"...), so the header row is found first, by the column names the
caller knows, and the delimiter is the one under which that row reads best;
without a recognisable header, the delimiter that gives the most rows of
one width wins.

Every input is bounded before it is parsed: the size of a text or file,
the declared uncompressed size of an .xlsx's members (a zip bomb is refused
before openpyxl opens it), the number of rows and the length of a cell.
"""

import csv
import io
import math
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

DEFAULT_MAX_ROWS = 100_000
MAX_CELL_LENGTH = 10_000
MAX_COLUMNS = 200
MAX_TEXT_BYTES = 64 * 1024 * 1024
MAX_XLSX_UNCOMPRESSED = 256 * 1024 * 1024
HEADER_SEARCH_ROWS = 50
DELIMITERS = ("\t", ";", ",", "|")
DELIMITER_NAMES = {"\t": "tab", ";": "semicolon", ",": "comma", "|": "vertical bar"}


class TableTooLarge(ValueError):
    """The input is over one of the bounds; the message names it."""


@dataclass
class Table:
    rows: list
    header_index: int | None = None  # index in ``rows``
    delimiter: str | None = None


def normalize_header(cell):
    """How a column title is compared: case, spaces, ``_`` and a final ``:`` ignored."""
    text = " ".join(str(cell or "").replace("_", " ").split()).casefold()
    return text[:-1].rstrip() if text.endswith(":") else text


def header_score(cells, header_names):
    return len({normalize_header(c) for c in cells} & header_names)


def find_header(rows, header_names):
    """Index of the row among the first ones naming most known columns (2 at least)."""
    best, best_score = None, 1
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = header_score(cells, header_names)
        if score > best_score:
            best, best_score = index, score
    return best


def _cell(value):
    """Spreadsheet numbers as text that reads back exactly (2.0 -> "2")."""
    if value is None:
        return ""
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        text = format(Decimal(repr(value)).normalize(), "f")
        return text[:-2] if text.endswith(".0") else text
    return str(value)


def _check_row(cells, number):
    if len(cells) > MAX_COLUMNS:
        cells = cells[:MAX_COLUMNS]
    for column, cell in enumerate(cells, 1):
        if len(cell) > MAX_CELL_LENGTH:
            raise TableTooLarge(
                f"Row {number}, column {column} holds {len(cell):,} characters "
                f"(at most {MAX_CELL_LENGTH:,} per cell)."
            )
    return cells


def _bounded_rows(rows, max_rows):
    table = []
    for number, row in enumerate(rows, 1):
        if number > max_rows:
            raise TableTooLarge(
                f"The table has more than {max_rows:,} rows; split it or raise the limit "
                "(Sales settings, vendor BOM maximum rows)."
            )
        table.append(_check_row([_cell(v) for v in row], number))
    return table


def _csv_rows(text, delimiter, limit=None):
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    for row in reader:
        rows.append(row)
        if limit and len(rows) >= limit:
            break
    return rows


def _choose_delimiter(text, header_names):
    head = "\n".join(text[:200_000].split("\n")[: HEADER_SEARCH_ROWS * 2])
    parsed = {d: _csv_rows(head, d) for d in DELIMITERS if d in head}
    if not parsed:
        return ","
    scored = []
    for order, (delimiter, rows) in enumerate(parsed.items()):
        index = find_header(rows, header_names) if header_names else None
        score = header_score(rows[index], header_names) if index is not None else 0
        widths = Counter(len(r) for r in rows if len(r) > 1 and any(c.strip() for c in r))
        width, count = widths.most_common(1)[0] if widths else (1, 0)
        scored.append((score, count, width > 1, -order, delimiter))
    return max(scored)[-1]


def split_text(text, header_names=frozenset(), max_rows=DEFAULT_MAX_ROWS):
    """Pasted cells or a CSV file's text as a ``Table``."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        raise TableTooLarge(f"The text is larger than {MAX_TEXT_BYTES // 2**20} MB.")
    # csv's own field limit (131,072) is process-wide: left alone; rows check cells
    try:
        delimiter = _choose_delimiter(text, header_names)
        rows = _bounded_rows(csv.reader(io.StringIO(text), delimiter=delimiter), max_rows)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise TableTooLarge(f"A cell is longer than {MAX_CELL_LENGTH:,} characters.") from exc
        raise TableTooLarge(f"The text cannot be read as a table: {exc}.") from exc
    return Table(rows, find_header(rows, header_names) if header_names else None, delimiter)


_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_SHEET_TARGET = re.compile(rb'Target="/?(?:xl/)?(worksheets/[^"]+)"')


def _first_sheet(archive):
    """The member of the workbook's first sheet (what openpyxl reads); when the
    workbook's own list of sheets cannot be read, the first sheet by name."""
    names = set(archive.namelist())
    return _sheet_in_workbook_order(archive, names) or _first_sheet_by_name(names)


def _sheet_in_workbook_order(archive, names):
    try:
        workbook = archive.read("xl/workbook.xml")[:1_000_000]
        rels = archive.read("xl/_rels/workbook.xml.rels")[:1_000_000]
        first_id = re.search(rb"<(?:\w+:)?sheet\b[^>]*\br:id=\"([^\"]+)\"", workbook).group(1)
        for relation in re.finditer(rb"<Relationship\b[^>]*>", rels):
            if b'Id="' + first_id + b'"' in relation.group(0):
                target = _SHEET_TARGET.search(relation.group(0))
                if target and "xl/" + target.group(1).decode() in names:
                    return "xl/" + target.group(1).decode()
    except (KeyError, AttributeError):
        return None
    return None


def _first_sheet_by_name(names):
    sheets = sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    return sheets[0] if sheets else None


def _count_rows(archive, member, limit):
    """Rows of a sheet's XML, counted while streaming; stops past ``limit``."""
    count, tail = 0, b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            count += len(_ROW_TAG.findall(data, 0, len(data) - 16)) if len(data) > 16 else 0
            tail = data[-16:] if len(data) > 16 else data
            if count > limit:
                return count
    return count + len(_ROW_TAG.findall(tail))


def _check_xlsx(content, max_rows):
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile as exc:
        raise ValueError(f"not an .xlsx file ({exc})") from exc
    with archive:
        declared = sum(member.file_size for member in archive.infolist())
        if declared > MAX_XLSX_UNCOMPRESSED:
            raise TableTooLarge(
                f"The spreadsheet expands to {declared / 2**20:,.0f} MB "
                f"(at most {MAX_XLSX_UNCOMPRESSED // 2**20} MB are read)."
            )
        sheet = _first_sheet(archive)
        if sheet and _count_rows(archive, sheet, max_rows) > max_rows:
            raise TableTooLarge(
                f"The table has more than {max_rows:,} rows; split it or raise the limit "
                "(Sales settings, vendor BOM maximum rows)."
            )


def _xlsx_rows(content, max_rows):
    import openpyxl

    _check_xlsx(content, max_rows)
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return _bounded_rows(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), max_rows)
    finally:
        book.close()


def _xls_rows(content, max_rows):
    import xlrd

    book = xlrd.open_workbook(file_contents=content, on_demand=True)
    sheet = book.sheet_by_index(0)
    if sheet.nrows > max_rows:
        raise TableTooLarge(f"The table has more than {max_rows:,} rows.")
    return _bounded_rows((sheet.row_values(r) for r in range(sheet.nrows)), max_rows)


def _decode(content):
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def read_table(filename, content, header_names=frozenset(), max_rows=DEFAULT_MAX_ROWS):
    """A ``Table`` from a file's content; ``ValueError`` with a clear message."""
    name = (filename or "").lower()
    if len(content) > MAX_TEXT_BYTES:
        raise TableTooLarge(f"{filename} is larger than {MAX_TEXT_BYTES // 2**20} MB.")
    try:
        if name.endswith(".xlsx"):
            rows = _xlsx_rows(content, max_rows)
        elif name.endswith(".xls"):
            rows = _xls_rows(content, max_rows)
        elif name.endswith((".csv", ".txt", ".tsv")):
            return split_text(_decode(content), header_names, max_rows)
        else:
            raise ValueError(f"{filename}: use an .xlsx, .xls or .csv file.")
    except TableTooLarge as exc:
        raise TableTooLarge(f"{filename}: {exc}") from exc
    except ValueError as exc:
        if str(exc).startswith(f"{filename}:"):
            raise
        raise ValueError(f"Cannot read {filename}: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - every library has its own errors
        raise ValueError(f"Cannot read {filename}: {exc}") from exc
    return Table(rows, find_header(rows, header_names) if header_names else None)
