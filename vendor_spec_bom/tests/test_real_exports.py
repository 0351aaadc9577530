"""Real BOM exports through the import wizard (fixtures: see fixtures/SOURCES.md)."""

import base64
import time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VendorSpecCase, click, fixture, xlsx


@tagged("post_install", "-at_install")
class TestRealExports(VendorSpecCase):
    def preview(self, order, **values):
        wizard = self.env["vendor.spec.import"].create({"order_id": order.id, **values})
        click(wizard, "action_preview")
        return wizard

    def test_kicad_export_is_read_and_the_preview_names_the_header_row(self):
        order = self.quotation()
        wizard = self.preview(
            order, file=fixture("kicad_bom_grouped_by_value.csv"), filename="pdu-board.csv"
        )
        self.assertFalse(wizard.problem)
        self.assertIn("Row 9 was taken as the header", wizard.layout_info)
        self.assertIn("part number from “MPN”", wizard.layout_info)
        self.assertIn("quantity from “Qty”", wizard.layout_info)
        self.assertEqual((wizard.row_count, wizard.skipped_count, wizard.error_count), (5, 1, 0))
        dnp = wizard.line_ids.filtered("skipped")
        self.assertEqual((dnp.line, dnp.error), (13, "DNP (do not populate): left out"))
        click(wizard, "action_confirm")
        spec = order.vendor_spec_line_ids
        self.assertEqual(
            spec.mapped("vendor_partnumber"),
            [
                "RC0603FR-0710KL",
                "GRM155R71C104KA88D",
                "BSS84,215",
                "LM1117MPX-3.3/NOPB",
                "USB4085-GF-A",
            ],
        )
        self.assertEqual(spec.mapped("quantity"), [4, 3, 2, 1, 1])

    def test_distributor_carts_keep_their_prices(self):
        for name in ("digikey_cart.csv", "mouser_cart.csv"):
            order = self.quotation()
            wizard = self.preview(order, file=fixture(name), filename=name)
            click(wizard, "action_confirm")
            resistor = order.vendor_spec_line_ids[0]
            self.assertEqual(
                (resistor.vendor_partnumber, resistor.quantity, resistor.unit_price),
                ("RC0603FR-0710KL", 100, 0.018),
                name,
            )
            self.assertAlmostEqual(order.vendor_spec_vendor_total, 1.80 + 1.29 + 2.34, places=2)

    def test_cad_exports_read_the_same_parts(self):
        for name in ("altium_bom.csv", "eagle_bom.csv"):
            order = self.quotation()
            click(self.preview(order, file=fixture(name), filename=name), "action_confirm")
            self.assertEqual(
                order.vendor_spec_line_ids.mapped("vendor_partnumber"),
                ["RC0603FR-0710KL", "GRM155R71C104KA88D", "BSS84,215"],
                name,
            )

    def test_a_partnumber_book_uploaded_as_a_bom_stores_nothing(self):
        order = self.quotation()
        self.import_spec(order, "x1\t2")
        book = xlsx(
            [
                ["partnumber", "product", "primary", "description"],
                ["BSS84", "LOT_A", "yes", "P-FET"],
            ]
        )
        wizard = self.preview(order, file=book, filename="book.xlsx")
        self.assertIn("No column reads as quantities", wizard.problem)
        with self.assertRaisesRegex(
            UserError, "Nothing was imported: No column reads as quantities"
        ):
            click(wizard, "action_confirm")
        self.assertEqual(order.vendor_spec_line_ids.mapped("vendor_partnumber"), ["x1"])

    def test_a_kicad_export_with_shifted_columns_is_read_shifted_and_says_so(self):
        order = self.quotation()
        wizard = self.preview(
            order, file=fixture("kicad_bom_shifted_note.csv"), filename="pdu-board.csv"
        )
        self.assertIn("from “MPN” on, every row is read", wizard.layout_info)
        click(wizard, "action_confirm")
        self.assertEqual(
            order.vendor_spec_line_ids.mapped("vendor_partnumber"),
            ["RC0603FR-0710KL", "GRM155R71C104KA88D", "LDB181G8005C-110", "LM1117MPX-3.3/NOPB"],
        )

    def test_a_paste_holding_nul_gives_row_errors_not_a_database_error(self):
        order = self.quotation()
        wizard = self.preview(
            order,
            paste="PN\tQty\tDescription\tNote\x00\nx\x001\t2\tok\nx2\t1\tb\x00d\ny1\t3\tfine\n",
        )
        self.assertEqual(
            [(line.line, line.partnumber, line.error) for line in wizard.line_ids if line.error],
            [
                (2, "x\\01\t2\tok", "the part number holds a control character (such as NUL)"),
                (3, "x2\t1\tb\\0d", "the description holds a control character (NUL)"),
            ],
        )
        self.assertIn("Description | Note\\0", wizard.layout_info)
        click(wizard, "action_confirm")
        self.assertEqual(order.vendor_spec_line_ids.mapped("vendor_partnumber"), ["y1"])

    def test_nul_and_absurd_quantities_are_row_errors_not_database_errors(self):
        order = self.quotation()
        csv = base64.b64encode(b"PN,Qty\nx1\x00,2\nx2,12345678901234567890123\ny1,3\n")
        wizard = self.preview(order, file=csv, filename="bom.csv")
        self.assertEqual(wizard.error_count, 2)
        self.assertIn("control character", wizard.line_ids.filtered(lambda r: r.line == 2).error)
        self.assertIn("too large", wizard.line_ids.filtered(lambda r: r.line == 3).error)
        click(wizard, "action_confirm")
        self.assertEqual(order.vendor_spec_line_ids.mapped("vendor_partnumber"), ["y1"])
        wizard = self.preview(
            order, file=xlsx([["PN", "Qty"], ["x2", 1e300], ["y2", 3]]), filename="bom.xlsx"
        )
        self.assertIn("too large", wizard.line_ids.filtered(lambda r: r.line == 2).error)

    def test_row_limit_is_a_setting(self):
        self.env["ir.config_parameter"].set_param("vendor_spec_bom.max_rows", "3")
        order = self.quotation()
        with self.assertRaisesRegex(UserError, "more than 3 rows"):
            self.preview(order, paste="x1\t1\nx2\t1\nx3\t1\nx4\t1")
        with self.assertRaisesRegex(UserError, "more than 3 rows"):
            self.preview(
                order,
                file=xlsx([["PN", "Qty"]] + [[f"x{n}", 1] for n in range(5)]),
                filename="bom.xlsx",
            )
        self.assertFalse(order.vendor_spec_line_ids)

    def test_formula_cells_are_stored_as_text(self):
        order = self.quotation()
        text = base64.b64encode(b'PN,Qty,Description\n"=HYPERLINK(""http://x"")",1,@SUM(A1)\n')
        click(self.preview(order, file=text, filename="bom.csv"), "action_confirm")
        line = order.vendor_spec_line_ids
        self.assertEqual(line.vendor_partnumber, '=HYPERLINK("http://x")')
        self.assertEqual(line.description, "@SUM(A1)")

    def test_exports_neutralise_formula_cells(self):
        order = self.quotation()
        self.import_spec(order, "PN\tQty\tDescription\n=1+2\t1\t@cmd\n-x\t2\tplain")
        rows = order.vendor_spec_line_ids.export_data(["vendor_partnumber", "description"])
        self.assertEqual(rows["datas"], [["'=1+2", "'@cmd"], ["'-x", "plain"]])

    def test_a_million_row_xlsx_bom_is_refused_within_seconds(self):
        from .test_book_import import million_row_xlsx

        order = self.quotation()
        self.import_spec(order, "x1\t2")
        content = million_row_xlsx()
        start = time.monotonic()
        with self.assertRaisesRegex(UserError, "more than 100,000 rows"):
            self.preview(order, file=content, filename="huge.xlsx")
        self.assertLess(time.monotonic() - start, 5)
        self.assertEqual(order.vendor_spec_line_ids.mapped("vendor_partnumber"), ["x1"])
