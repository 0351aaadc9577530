"""The order settings rows of an account (payment method journals, sales
channels) are seen only in the account's company."""

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestOrderSettingsAccess(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        journal = cls.env["account.journal"].create(
            {"name": "Shop bank", "code": "SHB", "type": "bank"}
        )
        cls.account = cls.env["marketplace.account"].create(
            {
                "name": "Test shop",
                "channel": "test_channel",
                "order_payment_method_ids": [
                    (0, 0, {"name": "PromptPay", "journal_id": journal.id})
                ],
                "order_sales_channel_ids": [(0, 0, {"name": "Shopee", "invoice_policy": "paid"})],
            }
        )
        other_company = cls.env["res.company"].create({"name": "Other Co"})
        cls.other_manager = new_test_user(
            cls.env,
            "mp_other_orders",
            groups="marketplace_base.group_marketplace_manager",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )
        cls.manager = new_test_user(
            cls.env, "mp_orders", groups="marketplace_base.group_marketplace_manager"
        )

    def test_another_company_sees_no_payment_method_or_sales_channel_rows(self):
        for rows in (self.account.order_payment_method_ids, self.account.order_sales_channel_ids):
            self.assertEqual(rows.company_id, self.env.company)
            model = self.env[rows._name]
            self.assertEqual(model.with_user(self.manager).search([("id", "in", rows.ids)]), rows)
            self.assertFalse(model.with_user(self.other_manager).search([("id", "in", rows.ids)]))
            with self.assertRaises(AccessError):
                rows.with_user(self.other_manager).read(["name"])
            with self.assertRaises(AccessError):
                rows.with_user(self.other_manager).write({"name": "Renamed"})
