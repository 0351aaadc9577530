from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VendorSpecCase, xlsx


@tagged("post_install", "-at_install")
class TestVendorSpec(VendorSpecCase):
    def test_the_three_aggregation_examples(self):
        for paste, quantity in (("x2\t1\nx3\t2", 1), ("x1\t2\nx2\t1", 2), ("x1\t1\nx2\t3", 1)):
            order = self.quotation()
            self.import_spec(order, paste)
            self.assertEqual(self.estimate(order), {"LOT_A": quantity}, paste)

    def test_manual_pick_counts_as_primary_and_unresolved_lines_do_not_block(self):
        order = self.quotation()
        self.import_spec(order, "x2\t1\nzz-9\t3\n??\t2")
        zz, unknown = order.vendor_spec_line_ids[1:]
        self.assertEqual((zz.resolution_source, unknown.resolution_source), ("unresolved",) * 2)
        self.assertEqual(order.vendor_spec_unresolved_count, 2)
        zz.manual_product_id = self.lot_b
        self.assertEqual(zz.resolution_source, "manual_suggestion")
        self.assertEqual(self.estimate(order), {"LOT_A": 1, "LOT_B": 3})
        self.assertEqual(order.vendor_spec_book_id, self.book)

    def test_paste_with_header_comma_decimals_and_a_garbage_row(self):
        order = self.quotation()
        wizard = self.import_spec(
            order,
            "PN\tDesc\tQty\tUnit\tTotal\nx1\tServer\t2\t1 234,50\t2 469,00\nx3\tCable\tmany\t1\t1\n"
            "y1\tDisk\t4\t10,25\t41,00\n",
        )
        self.assertEqual(wizard.error_count, 1)
        self.assertIn("'many' is not a quantity", wizard.line_ids.filtered("error").error)
        self.assertIn("Row 1 was taken as the header", wizard.layout_info)
        spec = order.vendor_spec_line_ids
        self.assertEqual(spec.mapped("vendor_partnumber"), ["x1", "y1"])
        self.assertEqual(spec[0].unit_price, 1234.5)
        self.assertEqual(spec[0].total_price, 2469)
        self.assertEqual(order.vendor_spec_vendor_total, 2510)

    def test_xlsx_upload_gives_the_same_spec_as_the_paste(self):
        first, second = self.quotation(), self.quotation()
        self.import_spec(first, "PN\tQty\tUnit\nx1\t2\t12.5\ny1\t1\t3")
        self.import_spec(
            second,
            file=xlsx([["PN", "Qty", "Unit"], ["x1", 2, 12.5], ["y1", 1, 3]]),
            filename="bom.xlsx",
        )
        fields = ["vendor_partnumber", "quantity", "unit_price", "total_price"]
        self.assertEqual(
            first.vendor_spec_line_ids.read(fields)[0] | {"id": 0},
            second.vendor_spec_line_ids.read(fields)[0] | {"id": 0},
        )
        self.assertEqual(len(second.vendor_spec_line_ids), 2)

    def test_unreadable_file_is_a_clear_error_and_changes_nothing(self):
        order = self.quotation()
        self.import_spec(order, "x1\t1")
        with self.assertRaisesRegex(UserError, "Cannot read bom.xlsx"):
            self.import_spec(order, file=b"bm90IGEgemlw", filename="bom.xlsx")
        self.assertEqual(order.vendor_spec_line_ids.vendor_partnumber, "x1")

    def test_reimport_replaces_the_spec_and_keeps_manual_picks(self):
        order = self.quotation()
        self.import_spec(order, "zz-9\t3\nx1\t1")
        order.vendor_spec_line_ids[0].manual_product_id = self.lot_b
        self.import_spec(order, "x1\t2\nZZ-9 \t5")
        self.assertEqual(order.vendor_spec_line_ids.mapped("quantity"), [2, 5])
        self.assertEqual(order.vendor_spec_line_ids[1].resolved_product_id, self.lot_b)

    def test_manual_pick_stays_on_its_quotation(self):
        first, second = self.quotation(), self.quotation()
        self.import_spec(first, "zz-9\t1")
        self.import_spec(second, "zz-9\t1")
        first.vendor_spec_line_ids.manual_product_id = self.lot_b
        self.assertEqual(second.vendor_spec_line_ids.resolution_source, "unresolved")
        self.assertFalse(self.book.item_ids.filtered(lambda i: i.partnumber == "zz-9"))

    def test_recalculate_without_resolved_lines_explains(self):
        order = self.quotation()
        self.import_spec(order, "??\t1")
        with self.assertRaisesRegex(UserError, "No line of the vendor BOM resolves"):
            order.action_vendor_spec_recalculate()

    def test_estimate_lines_follow_analytic_distribution_models(self):
        order = self.quotation()
        self.import_spec(order, "x1\t1\ny1\t2")
        self.estimate(order)
        self.assertFalse(any(order.order_line.mapped("analytic_distribution")))
        plan = self.env["account.analytic.plan"].create({"name": "Projects"})
        project = self.env["account.analytic.account"].create({"name": "P1", "plan_id": plan.id})
        self.env["account.analytic.distribution.model"].create(
            {"product_id": self.lot_a.id, "analytic_distribution": {str(project.id): 100}}
        )
        self.estimate(order)
        by_code = {line.product_id.default_code: line for line in order.order_line}
        self.assertEqual(by_code["LOT_A"].analytic_distribution, {str(project.id): 100})
        self.assertFalse(by_code["LOT_B"].analytic_distribution)
