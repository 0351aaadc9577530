"""Rows of cells (strings) from .xlsx, .xls or .csv content."""

import csv
import io
from decimal import Decimal


def _cell(value):
    """Spreadsheet numbers as text that reads back exactly (2.0 -> "2")."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = format(Decimal(repr(value)).normalize(), "f")
        return text[:-2] if text.endswith(".0") else text
    return str(value)


def read_table(filename, content):
    name = (filename or "").lower()
    try:
        if name.endswith(".xlsx"):
            import openpyxl

            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            return [
                [_cell(v) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)
            ]
        if name.endswith(".xls"):
            import xlrd

            sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
            return [[_cell(v) for v in sheet.row_values(r)] for r in range(sheet.nrows)]
        if name.endswith(".csv"):
            try:
                text = content.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = content.decode("cp1252")
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
            return list(csv.reader(io.StringIO(text), dialect))
    except Exception as exc:  # noqa: BLE001 - every library has its own errors
        raise ValueError(f"Cannot read {filename}: {exc}") from exc
    raise ValueError(f"{filename}: use an .xlsx, .xls or .csv file.")
