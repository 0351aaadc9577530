"""Vendor BOM: real CAD and distributor exports, quantities, hostile input.

The fixtures in ``vendor_spec_bom/tests/fixtures`` follow the shapes of
real exports (see SOURCES.md there).
"""

import io
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from odoo.addons.marketplace_base.lib.spreadsheet import neutralize_cell
from odoo.addons.marketplace_base.lib.text import storable
from odoo.addons.vendor_spec_bom.lib.numbers import parse_number, parse_quantity
from odoo.addons.vendor_spec_bom.lib.spec_parser import parse_file, parse_paste
from odoo.addons.vendor_spec_bom.lib.table_reader import TableTooLarge, read_table

FIXTURES = Path(__file__).resolve().parents[2] / "vendor_spec_bom" / "tests" / "fixtures"
PARTS = ["RC0603FR-0710KL", "GRM155R71C104KA88D", "BSS84,215"]


def parse_fixture(name):
    return parse_file(name, (FIXTURES / name).read_bytes())


def test_kicad_export_with_shifted_columns_is_read_shifted_on_every_row():
    """Rows one cell wider than the header: the note on row 12 is no part number."""
    result = parse_fixture("kicad_bom_shifted_note.csv")
    assert result.problem is None
    assert result.shifted_from == "MPN"
    assert result.columns["partnumber"] == "MPN"
    assert [(r.line, r.partnumber, r.quantity, r.description) for r in result.rows] == [
        (10, "RC0603FR-0710KL", 4, "10k"),
        (11, "GRM155R71C104KA88D", 3, "100n"),
        (12, "LDB181G8005C-110", 1, "1.8GHz"),
        (14, "LM1117MPX-3.3/NOPB", 1, "LM1117-3.3"),
    ]
    [dnp] = result.errors
    assert (dnp.line, dnp.skipped) == (13, True)


def test_a_trailing_untitled_column_shifts_nothing():
    result = parse_paste("PN\tQty\nx1\t2\tnote a\nx2\t3\tnote b\nx3\t1\t")
    assert result.shifted_from is None
    assert [(r.partnumber, r.quantity) for r in result.rows] == [("x1", 2), ("x2", 3), ("x3", 1)]


def test_a_shift_before_the_quantity_moves_it_too():
    result = parse_paste("Ref\tQty\tMPN\nR1\t\t2\tRC0603\nR2\t\t3\tRC0805\nR3\tfit\t1\tRC1206")
    assert result.shifted_from == "Qty"
    assert [(r.partnumber, r.quantity) for r in result.rows] == [
        ("RC0603", 2),
        ("RC0805", 3),
        ("RC1206", 1),
    ]


def test_kicad_export_with_preamble_blank_lines_designators_and_dnp():
    result = parse_fixture("kicad_bom_grouped_by_value.csv")
    assert result.problem is None
    assert result.header_line == 9
    assert result.header[:3] == ["Item", "Qty", "Reference(s)"]
    assert result.delimiter == ","
    assert result.columns["partnumber"] == "MPN"
    assert result.columns["quantity"] == "Qty"
    assert [(r.line, r.partnumber, r.quantity) for r in result.rows] == [
        (10, "RC0603FR-0710KL", 4),
        (11, "GRM155R71C104KA88D", 3),
        (12, "BSS84,215", 2),
        (14, "LM1117MPX-3.3/NOPB", 1),
        (15, "USB4085-GF-A", 1),
    ]
    assert result.rows[0].description == "10k"
    [dnp] = result.errors
    assert (dnp.line, dnp.skipped) == (13, True)
    assert "DNP" in dnp.reason


@pytest.mark.parametrize(
    ("name", "delimiter", "quantities"),
    [
        ("altium_bom.csv", ",", [4, 3, 2]),
        ("eagle_bom.csv", ";", [4, 3, 2]),
        ("digikey_cart.csv", ",", [100, 100, 10]),
        ("mouser_cart.csv", ",", [100, 100, 10]),
    ],
)
def test_cad_and_distributor_exports(name, delimiter, quantities):
    result = parse_fixture(name)
    assert result.problem is None
    assert result.header_line == 1
    assert result.delimiter == delimiter
    assert [r.partnumber for r in result.rows] == PARTS
    assert [r.quantity for r in result.rows] == quantities
    assert not result.errors


@pytest.mark.parametrize("name", ["digikey_cart.csv", "mouser_cart.csv"])
def test_cart_prices_keep_the_vendors_precision(name):
    resistor = parse_fixture(name).rows[0]
    assert resistor.unit_price == Decimal("0.018")
    assert resistor.total_price == Decimal("1.80")
    assert resistor.unit_price * resistor.quantity == resistor.total_price


def test_manufacturer_number_is_preferred_to_the_distributors():
    result = parse_fixture("digikey_cart.csv")
    assert result.columns["partnumber"] == "Manufacturer Part Number"


@pytest.mark.parametrize(
    ("text", "value"),
    [("10", 10), ("1 234", 1234), ("1,5", Decimal("1.5")), ("10 pcs", 10), ("3 Stk.", 3)],
)
def test_quantities(text, value):
    assert parse_quantity(text) == value


@pytest.mark.parametrize("text", ["BSS84", "84BSS", "R1, R2", "LM1117-3.3", "10 apples"])
def test_digits_inside_a_part_number_are_no_quantity(text):
    with pytest.raises(ValueError, match="not a quantity"):
        parse_quantity(text)


@pytest.mark.parametrize("value", ["12345678901234567890123", 1e300, "1e300", float("nan")])
def test_huge_or_absurd_quantities_are_refused(value):
    with pytest.raises(ValueError):
        parse_quantity(value)


def test_partnumber_book_uploaded_as_a_bom_stores_nothing():
    book = (
        "partnumber\tproduct\tprimary\tdescription\nBSS84\tLOT_A\tyes\tP-FET\nx2\tLOT_A\t\trail\n"
    )
    result = parse_paste(book)
    assert result.rows == []
    assert "No column reads as quantities" in result.problem


def test_two_text_columns_without_header_store_nothing():
    result = parse_paste("BSS84\tP-channel MOSFET\nBC547\tNPN transistor")
    assert result.rows == []
    assert "No column reads as quantities" in result.problem


def test_nul_in_a_description_is_a_row_error_not_a_database_error():
    result = parse_paste("PN\tQty\tDescription\nx1\t2\tbad\x00text\nx2\t1\tfine")
    assert [r.partnumber for r in result.rows] == ["x2"]
    assert [(e.line, e.reason) for e in result.errors] == [
        (2, "the description holds a control character (NUL)")
    ]


def test_a_nul_kept_as_sub_by_a_stored_paste_is_refused_alike():
    result = parse_paste(storable("PN\tQty\tDescription\nx\x001\t2\tok\nx2\t1\tb\x00d"))
    assert [(e.line, e.reason) for e in result.errors] == [
        (2, "the part number holds a control character (such as NUL)"),
        (3, "the description holds a control character (NUL)"),
    ]


def test_nul_in_a_partnumber_and_huge_quantity_are_row_errors():
    result = parse_paste("PN\tQty\nx1\x00\t2\nx2\t12345678901234567890123\nx3\t1")
    assert [r.partnumber for r in result.rows] == ["x3"]
    assert [(e.line, e.reason) for e in result.errors] == [
        (2, "the part number holds a control character (such as NUL)"),
        (3, "quantity: '12345678901234567890123' is too large a number"),
    ]


def test_xlsx_quantity_of_1e300_is_a_row_error():
    book = openpyxl.Workbook()
    for row in (["PN", "Qty"], ["x1", 1e300], ["x2", 2]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    result = parse_file("bom.xlsx", buffer.getvalue())
    assert [r.partnumber for r in result.rows] == ["x2"]
    assert "too large" in result.errors[0].reason


def test_formula_cells_are_kept_as_text_and_neutralised_for_export():
    result = parse_paste('PN\tQty\tDescription\n=HYPERLINK("x")\t1\t@SUM(A1)')
    assert result.rows[0].partnumber == '=HYPERLINK("x")'
    assert neutralize_cell(result.rows[0].partnumber) == '\'=HYPERLINK("x")'
    assert neutralize_cell("@SUM(A1)") == "'@SUM(A1)"
    assert neutralize_cell("-1+2") == "'-1+2"
    assert neutralize_cell("RC0603") == "RC0603"


def test_too_many_rows_are_refused_before_parsing():
    text = "PN\tQty\n" + "x\t1\n" * 30
    with pytest.raises(TableTooLarge, match="more than 20 rows"):
        parse_paste(text, max_rows=20)


def test_a_huge_cell_is_refused():
    with pytest.raises(TableTooLarge, match="characters"):
        read_table("bom.csv", b"PN,Qty\n" + b"x" * 50_000 + b",1\n")


def _zip_bomb():
    """An .xlsx whose sheet declares 400 MB once uncompressed (a few MB on disk)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = b" " * (1024 * 1024)
            for _ in range(400):
                sheet.write(chunk)
    return buffer.getvalue()


def test_zip_bomb_is_refused_from_its_declared_size():
    content = _zip_bomb()
    start = time.monotonic()
    with pytest.raises(TableTooLarge, match="expands to 400 MB"):
        read_table("bom.xlsx", content)
    assert time.monotonic() - start < 2


def test_million_row_xlsx_is_refused_within_seconds():
    """A 1,000,000-row sheet written as raw XML (openpyxl would take minutes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
            'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><sheets><sheet name="BOM" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main"><sheetData>'
            )
            for n in range(1, 1_000_001):
                sheet.write(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n))
            sheet.write(b"</sheetData></worksheet>")
    start = time.monotonic()
    with pytest.raises(TableTooLarge, match="more than 100,000 rows"):
        read_table("bom.xlsx", buffer.getvalue())
    assert time.monotonic() - start < 5


def test_prices_keep_their_decimals():
    assert parse_number("$0.00412") == Decimal("0.00412")
    assert parse_number("0,13420 zł") == Decimal("0.13420")


def test_api_rows_are_checked_like_the_wizard_and_numbered():
    from odoo.addons.vendor_spec_bom.lib.api_rows import validate_rows

    values, errors = validate_rows(
        {
            "rows": [
                {"vendor_partnumber": "x1", "quantity": "10 pcs", "unit_price": "0,018"},
                {"vendor_partnumber": "BSS84", "quantity": "BSS84"},
                "not an object",
                {"vendor_partnumber": "x\u0000", "quantity": 1},
            ]
        }
    )
    assert [(v["vendor_partnumber"], v["quantity"], v["total_price"]) for v in values] == [
        ("x1", 10.0, 0.18)
    ]
    assert [e["row"] for e in errors] == [2, 3, 4]
    assert "not a quantity" in errors[0]["error"]
    assert validate_rows("nope")[1][0]["row"] == 0
