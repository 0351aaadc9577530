from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TestChannelCase


@tagged("post_install", "-at_install")
class TestThaiTranslation(TestChannelCase):
    """A Thai user reads the Marketplace in Thai, numbers in their place."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("th_TH")
        cls.env["ir.module.module"]._load_module_terms(["marketplace_base"], ["th_TH"])
        cls.thai = cls.env(context={**cls.env.context, "lang": "th_TH"})

    def test_menu_fields_and_states_are_thai(self):
        menu = self.thai.ref("marketplace_base.marketplace_base_menu_root")
        self.assertEqual(menu.name, "มาร์เก็ตเพลส")
        job_model = self.thai["marketplace.job"]
        states = dict(job_model._fields["state"]._description_selection(self.thai))
        self.assertEqual(states["pending"], "รอดำเนินการ")
        self.assertEqual(job_model._fields["summary"].get_description(self.thai)["string"], "สรุป")

    def test_retry_summary_keeps_its_numbers_in_thai(self):
        job = self.enqueue().with_env(self.thai)
        job.write({"attempts": 1, "max_attempts": 3})
        job._set_retry("Remote side busy.", 60, "details", 0.5)
        at = fields.Datetime.to_string(job.scheduled_at)
        self.assertEqual(job.summary, f"ลองใหม่ครั้งที่ 2 เวลา {at} UTC: Remote side busy.")
        self.assertIn(f"ครั้งที่ 1 จาก 3 ครั้ง; จะลองใหม่เวลา {at} UTC", job.error_message)

    def test_refusal_is_thai(self):
        job = self.enqueue().with_env(self.thai)
        with self.assertRaisesRegex(UserError, "ลองใหม่ได้เฉพาะงานที่ล้มเหลวหรือยกเลิกแล้วเท่านั้น"):
            job.action_retry()
