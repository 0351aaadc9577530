"""Vendor BOM lines follow the quotation's rules (as the users themselves)."""

from odoo.addons.marketplace_base.tests.common import click
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import VendorSpecCase


@tagged("post_install", "-at_install")
class TestSecurity(VendorSpecCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice = new_test_user(cls.env, "alice", groups="sales_team.group_sale_salesman")
        cls.bob = new_test_user(cls.env, "bob", groups="sales_team.group_sale_salesman")
        cls.boss = new_test_user(cls.env, "boss", groups="sales_team.group_sale_salesman_all_leads")
        cls.bobs_order = cls.env["sale.order"].create(
            {"partner_id": cls.partner.id, "user_id": cls.bob.id}
        )
        wizard = cls.env["vendor.spec.import"].create(
            {"order_id": cls.bobs_order.id, "paste": "PN\tQty\tUnit\nx1\t2\t150"}
        )
        click(wizard, "action_preview")
        click(wizard, "action_confirm")
        cls.bobs_lines = cls.bobs_order.vendor_spec_line_ids

    def test_salesman_restricted_to_his_documents_cannot_see_or_change_others_lines(self):
        Line = self.env["vendor.spec.line"].with_user(self.alice)
        self.assertFalse(Line.search([("id", "in", self.bobs_lines.ids)]))
        lines = self.bobs_lines.with_user(self.alice)
        with self.assertRaises(AccessError):
            lines.read(["unit_price"])
        with self.assertRaises(AccessError):
            lines.write({"unit_price": 1})
        with self.assertRaises(AccessError):
            lines.unlink()
        with self.assertRaises(AccessError):
            Line.create(
                {"order_id": self.bobs_order.id, "vendor_partnumber": "evil", "quantity": 1}
            )
        self.assertEqual(self.bobs_lines.unit_price, 150)

    def test_owner_and_see_all_salesman_can(self):
        for user, price in ((self.bob, 140), (self.boss, 130)):
            lines = self.bobs_lines.with_user(user)
            self.assertTrue(lines.read(["unit_price"])[0]["unit_price"])
            lines.write({"unit_price": price})
            self.assertEqual(self.bobs_lines.unit_price, price)

    def test_other_company_cannot_see_the_lines(self):
        other = self.env["res.company"].create({"name": "Elsewhere"})
        stranger = new_test_user(
            self.env,
            "stranger",
            groups="sales_team.group_sale_salesman_all_leads",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        Line = self.env["vendor.spec.line"].with_user(stranger)
        self.assertFalse(Line.search([("id", "in", self.bobs_lines.ids)]))
        books = self.env["vendor.partnumber.book"].with_user(stranger)
        self.assertFalse(books.search([("id", "=", self.book.id)]))
