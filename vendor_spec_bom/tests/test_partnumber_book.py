from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import VendorSpecCase


@tagged("post_install", "-at_install")
class TestPartnumberBook(VendorSpecCase):
    def test_import_creates_an_active_version_with_its_items(self):
        self.assertTrue(self.book.is_active)
        self.assertEqual(self.book.item_count, 4)
        x1 = self.book.item_ids.filtered(lambda i: i.partnumber == "x1")
        self.assertEqual((x1.product_id, x1.is_primary_pn), (self.lot_a, True))

    def test_unknown_reference_creates_nothing_and_names_the_row(self):
        books = self.env["vendor.partnumber.book"].search_count([])
        with self.assertRaisesRegex(UserError, r"Row 3: unknown product reference 'LOT_Z'"):
            self.import_book(
                "bad", [["pn", "internal reference"], ["a1", "LOT_A"], ["a2", "LOT_Z"]]
            )
        self.assertEqual(self.env["vendor.partnumber.book"].search_count([]), books)

    def test_bad_rows_can_be_skipped_on_request(self):
        book = self.import_book(
            "partial",
            [["pn", "lot"], ["a1", "LOT_A"], ["a2", "LOT_Z"]],
            skip_bad_rows=True,
            activate=False,
        )
        self.assertEqual(book.item_ids.mapped("partnumber"), ["a1"])
        self.assertFalse(book.is_active)

    def test_new_version_changes_resolution_and_old_one_stays_readable(self):
        order = self.quotation()
        self.import_spec(order, "x2\t1\ny1\t2")
        self.assertEqual(order.vendor_spec_line_ids[0].resolved_product_id, self.lot_a)
        v2 = self.import_book("v2", [["partnumber", "product", "primary"], ["X2", "SPARE", "yes"]])
        self.assertTrue(v2.is_active)
        self.assertFalse(self.book.is_active)
        self.env.invalidate_all()
        self.assertEqual(order.vendor_spec_line_ids[0].resolved_product_id, self.spare)
        self.assertEqual(order.vendor_spec_line_ids[1].resolution_source, "unresolved")
        self.assertEqual(self.estimate(order), {"SPARE": 1})
        self.assertEqual(self.book.item_count, 4, "the old version is kept")

    def test_books_are_append_only_and_one_is_active(self):
        with self.assertRaisesRegex(UserError, "append-only"):
            self.book.item_ids[0].product_id = self.spare
        other = self.env["vendor.partnumber.book"].create({"name": "manual"})
        with self.assertRaises(ValidationError):
            other.is_active = True
        other.action_activate()
        self.assertFalse(self.book.is_active)

    def test_matching_ignores_case_and_surrounding_spaces(self):
        order = self.quotation()
        self.import_spec(order, "  X1 \t1")
        self.assertEqual(order.vendor_spec_line_ids.resolution_source, "book")
