"""Book import: identical versions, skipped rows, hostile files, the list's buttons."""

import base64
import io
import time
import zipfile

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VendorSpecCase, click, xlsx


def million_row_xlsx():
    """A 1,000,000-row first sheet written as raw XML (openpyxl would take minutes)."""
    ns = "http://schemas.openxmlformats.org"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/'
            'relationships"><sheets><sheet name="Book" sheetId="1" r:id="rId1"/></sheets>'
            "</workbook>",
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
            'Target="worksheets/sheet1.xml" Type="worksheet"/></Relationships>',
        )
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b"<worksheet><sheetData>")
            for n in range(1, 1_000_001):
                sheet.write(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n))
            sheet.write(b"</sheetData></worksheet>")
    return base64.b64encode(buffer.getvalue())


@tagged("post_install", "-at_install")
class TestBookImport(VendorSpecCase):
    TABLE = [
        ["partnumber", "product", "primary", "description"],
        ["x1", "LOT_A", "yes", "server"],
        ["x2", "LOT_A", "", "rail kit"],
        ["x3", "LOT_A", "no", "cable"],
        ["y1", "LOT_B", "1", "disk"],
    ]

    def wizard(self, table=None, **values):
        return self.env["vendor.partnumber.book.import"].create(
            {"name": "again", "file": xlsx(table or self.TABLE), "filename": "b.xlsx", **values}
        )

    def test_identical_book_creates_nothing_and_names_the_version(self):
        books = self.env["vendor.partnumber.book"].search_count([])
        reordered = [self.TABLE[0]] + list(reversed(self.TABLE[1:]))
        action = click(self.wizard(reordered), "action_import")
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("identical to version v1", action["params"]["message"])
        self.assertEqual(self.env["vendor.partnumber.book"].search_count([]), books)
        changed = self.TABLE[:-1] + [["y1", "LOT_B", "0", "disk"]]
        action = click(self.wizard(changed), "action_import")
        self.assertEqual(action["res_model"], "vendor.partnumber.book")

    def test_skipped_rows_are_counted_and_listed(self):
        table = [["pn", "lot"], ["a1", "LOT_A"], ["a2", "LOT_Z"], ["a3", "LOT_A"], ["", "LOT_A"]]
        action = click(self.wizard(table, skip_bad_rows=True), "action_import")
        message = action["params"]["message"]
        self.assertIn("2 row(s) skipped", message)
        self.assertIn("Row 3: unknown product reference 'LOT_Z'", message)
        self.assertIn("Row 5: empty partnumber", message)
        book = self.env["vendor.partnumber.book"].browse(action["params"]["next"]["res_id"])
        self.assertEqual(book.item_ids.mapped("partnumber"), ["a1", "a3"])

    def test_nul_in_a_partnumber_is_a_row_error(self):
        content = base64.b64encode(b"partnumber,product\nx\x009,LOT_A\nx10,LOT_A\n")
        wizard = self.env["vendor.partnumber.book.import"].create(
            {"name": "nul", "file": content, "filename": "book.csv"}
        )
        with self.assertRaisesRegex(UserError, "Row 2: the partnumber holds a control character"):
            click(wizard, "action_import")

    def test_a_million_row_book_is_refused_within_seconds(self):
        wizard = self.env["vendor.partnumber.book.import"].create(
            {"name": "huge", "file": million_row_xlsx(), "filename": "book.xlsx"}
        )
        start = time.monotonic()
        with self.assertRaisesRegex(UserError, "more than 100,000 rows"):
            click(wizard, "action_import")
        self.assertLess(time.monotonic() - start, 5)

    def test_csv_book_with_a_preamble(self):
        content = base64.b64encode(
            b'"Exported from PriceForge","2026-11-01"\n\n"Vendor PN";"LOT";"Primary PN"\n'
            b'"A-1";"LOT_A";"yes"\n"A-2";"LOT_B";""\n'
        )
        wizard = self.env["vendor.partnumber.book.import"].create(
            {"name": "csv", "file": content, "filename": "book.csv", "activate": False}
        )
        book = self.env["vendor.partnumber.book"].browse(click(wizard, "action_import")["res_id"])
        self.assertEqual(book.item_ids.mapped("partnumber"), ["A-1", "A-2"])
        self.assertEqual(book.item_ids.mapped("product_id"), self.lot_a | self.lot_b)

    def test_list_buttons_open_the_import_and_activate(self):
        action = click(self.env["vendor.partnumber.book"], "action_open_import")
        self.assertEqual(action["res_model"], "vendor.partnumber.book.import")
        other = self.env["vendor.partnumber.book"].create({"name": "manual"})
        click(other, "action_activate")
        self.assertTrue(other.is_active)
        self.assertFalse(self.book.is_active)

    def test_item_product_is_called_product(self):
        field = self.env["vendor.partnumber.book.item"]._fields["product_id"]
        self.assertEqual(field.string, "Product")
