"""Vendor BOM: numbers, paste/file parsing, book validation, aggregation, pricing."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
import xlwt

from odoo.addons.vendor_spec_bom.lib.aggregate import ResolvedRow, aggregate
from odoo.addons.vendor_spec_bom.lib.api_rows import validate_rows
from odoo.addons.vendor_spec_bom.lib.book_parser import parse_book
from odoo.addons.vendor_spec_bom.lib.numbers import parse_number
from odoo.addons.vendor_spec_bom.lib.pricing import discount_split, markup_percent
from odoo.addons.vendor_spec_bom.lib.spec_parser import parse_file, parse_paste


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 234,50", "1234.50"),
        ("1,234.50", "1234.50"),
        ("1.234,50", "1234.50"),
        ("€ 12", "12"),
        ("12 €", "12"),
        ("$1,234", "1234"),
        ("1234", "1234"),
        ("0,5", "0.5"),
        ("-3", "-3"),
        ("1\u00a0234,5", "1234.5"),
        ("0,125", "0.125"),
        ("1,234,567", "1234567"),
        ("EUR 7,5", "7.5"),
    ],
)
def test_locale_numbers(text, value):
    assert parse_number(text) == Decimal(value)


def test_empty_and_garbage_numbers():
    assert parse_number("") is None
    with pytest.raises(ValueError, match="not a number"):
        parse_number("two")


def rows_of(result):
    return [(r.partnumber, r.quantity, r.unit_price, r.total_price) for r in result.rows]


def test_two_columns_are_partnumber_and_quantity():
    result = parse_paste("x1\t2\nx2\t1\n\n")
    assert rows_of(result) == [("x1", 2, None, None), ("x2", 1, None, None)]


def test_four_columns_with_header_and_comma_decimals():
    paste = "PN\tDescription\tQty\tUnit price\nx1\tCPU\t2\t1 234,50\nx2\tRAM\t4\t10,25\n"
    result = parse_paste(paste)
    assert result.header == ["PN", "Description", "Qty", "Unit price"]
    assert rows_of(result) == [
        ("x1", 2, Decimal("1234.50"), Decimal("2469.00")),
        ("x2", 4, Decimal("10.25"), Decimal("41.00")),
    ]
    assert result.rows[0].description == "CPU"


def test_unit_price_derived_from_total():
    result = parse_paste("x1\tDisk\t4\t\t100\nx2\tCable\t2\t3\t6\n")
    assert rows_of(result) == [
        ("x1", 4, Decimal(25), Decimal(100)),
        ("x2", 2, Decimal(3), Decimal(6)),
    ]


def test_garbage_row_reported_others_imported():
    paste = "x1\t2\t5.00\nx2\tlots\t1.00\n\t3\t1.00\nx4\t0\t1\nx5\t1\t2.50\n"
    result = parse_paste(paste)
    assert [r.partnumber for r in result.rows] == ["x1", "x5"]
    assert [(e.line, e.reason.split(":")[0]) for e in result.errors] == [
        (2, "quantity"),
        (3, "no part number"),
        (4, "the quantity must be a number above 0"),
    ]


def _xlsx(table):
    book = openpyxl.Workbook()
    for row in table:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xls(table):
    book = xlwt.Workbook()
    sheet = book.add_sheet("BOM")
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv(table):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(table)
    return buffer.getvalue().encode()


def test_files_give_the_same_spec_as_the_paste():
    table = [["PN", "Qty", "Unit", "Total"], ["x1", 2, 12.5, 25], ["x2", 1, 3, 3]]
    paste = "\n".join("\t".join(str(c) for c in row) for row in table)
    expected = rows_of(parse_paste(paste))
    for name, content in (("a.xlsx", _xlsx(table)), ("a.xls", _xls(table)), ("a.csv", _csv(table))):
        assert rows_of(parse_file(name, content)) == expected, name


def test_unreadable_files_give_clear_errors():
    with pytest.raises(ValueError, match="Cannot read bom.xlsx"):
        parse_file("bom.xlsx", b"not a zip")
    with pytest.raises(ValueError, match="use an .xlsx, .xls or .csv"):
        parse_file("bom.pdf", b"%PDF")


def test_book_headers_any_order_and_row_errors():
    table = [
        ["Description", "Primary", "Internal Reference", "Part Number"],
        ["cpu", "yes", "LOT_A", "x1"],
        ["", "", "LOT_A", "x2"],
        ["", "no", "LOT_Z", "x3"],
        ["", "", "LOT_A", " X1 "],
        ["", "", "", ""],
        ["", "maybe", "LOT_A", ""],
    ]
    items, errors = parse_book(table, known_refs={"LOT_A"})
    assert [(i.partnumber, i.product_ref, i.is_primary) for i in items] == [
        ("x1", "LOT_A", True),
        ("x2", "LOT_A", False),
    ]
    assert errors == [
        (4, "unknown product reference 'LOT_Z'"),
        (5, "duplicate partnumber 'X1' (row 2)"),
        (7, "empty partnumber"),
        (7, "primary flag 'maybe' is not yes/no"),
    ]


def test_book_without_needed_columns():
    _items, errors = parse_book([["foo", "bar"], ["a", "b"]], set())
    assert "missing column(s): partnumber, product" in errors[0][1]


BOOK = {"x1": ("LOT_A", True), "x2": ("LOT_A", False), "x3": ("LOT_A", False)}


def estimate(bom):
    rows = [ResolvedRow(pn, Decimal(q), *BOOK.get(pn, (None, False))) for pn, q in bom]
    estimates, unresolved = aggregate(rows)
    return {p: e.quantity for p, e in estimates.items()}, [r.partnumber for r in unresolved]


@pytest.mark.parametrize(
    ("bom", "quantity"),
    [([("x2", 1), ("x3", 2)], 1), ([("x1", 2), ("x2", 1)], 2), ([("x1", 1), ("x2", 3)], 1)],
)
def test_the_three_aggregation_examples(bom, quantity):
    assert estimate(bom) == ({"LOT_A": quantity}, [])


def test_manual_pick_counts_as_primary_and_unresolved_rows_do_not_block():
    rows = [
        ResolvedRow("x2", Decimal(1), "LOT_A", False, Decimal(10)),
        ResolvedRow("zz", Decimal(3), "LOT_B", True, Decimal(5)),
        ResolvedRow("??", Decimal(2), None),
    ]
    estimates, unresolved = aggregate(rows)
    assert {p: e.quantity for p, e in estimates.items()} == {"LOT_A": 1, "LOT_B": 3}
    assert estimates["LOT_A"].vendor_total == 10
    assert [r.partnumber for r in unresolved] == ["??"]


def test_markup_percent():
    assert markup_percent(200, 250) == Decimal("25.00")
    assert markup_percent(3, 98.19) == Decimal("3173.00")
    with pytest.raises(ValueError):
        markup_percent(0, 10)


def test_discount_split_is_exact_to_the_cent():
    assert discount_split([100.01, 33.33, 0.02], Decimal("10.01")) == [
        Decimal("7.51"),
        Decimal("2.50"),
        Decimal("0.00"),
    ]
    # rounding each share alone would give 0.01 too much; the largest group absorbs it
    parts = discount_split([1, 1, 1], Decimal("0.02"))
    assert sum(parts) == Decimal("0.02")


@pytest.mark.parametrize(
    ("length", "said"),
    [(50_000, "Row 2, column 1 holds 50,000 characters"), (200_000, "A cell is longer than")],
)
def test_an_overlong_cell_is_named_and_csv_settings_stay_as_they_were(length, said):
    from odoo.addons.vendor_spec_bom.lib.table_reader import TableTooLarge, split_text

    before = csv.field_size_limit()
    with pytest.raises(TableTooLarge, match=said):
        split_text(f"pn;qty\n{'x' * length};1\n")
    assert csv.field_size_limit() == before, "a process-wide setting another thread may use"


def test_book_description_with_nul_is_a_row_error():
    table = [
        ["partnumber", "product", "description"],
        ["x1", "LOT_A", "bad\x00"],
        ["x2", "LOT_A", "ok"],
    ]
    items, errors = parse_book(table, {"LOT_A"})
    assert [i.partnumber for i in items] == ["x2"]
    assert errors == [(2, "the description holds a control character (NUL)")]


def test_api_rows_with_nul_are_row_errors():
    values, errors = validate_rows(
        [
            {"vendor_partnumber": "x1", "quantity": 1, "description": "a\x00b"},
            {"vendor_partnumber": "x2", "quantity": 1, "manual_lot_suggestion": "LOT\x00A"},
            {"vendor_partnumber": "x3", "quantity": 1, "description": "two\nlines"},
        ]
    )
    assert [v["vendor_partnumber"] for v in values] == ["x3"]
    assert errors == [
        {"row": 1, "error": "the description holds a control character (NUL)"},
        {"row": 2, "error": "manual_lot_suggestion holds a control character (such as NUL)"},
    ]
