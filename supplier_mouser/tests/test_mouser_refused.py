"""A part number Mouser refuses never holds back the others of its call."""

from odoo.tests import tagged

from .common import MouserCase


@tagged("post_install", "-at_install")
class TestMouserRefusedNumbers(MouserCase):
    def ten_products(self, poisoned_index, poisoned_pn):
        templates = self.env["product.template"]
        for i in range(10):
            pn = f"595-PART{i}"
            self.fake.catalogue[pn] = {"breaks": [(1, "$0.50", "USD")]}
            templates |= self.product(
                f"Part {i}", mouser_pn=poisoned_pn if i == poisoned_index else pn
            )
        return templates

    def test_unicode_dashes_and_spaces_are_normalised_before_sending(self):
        templates = self.ten_products(4, "595\u2011PART4\u00a0")
        job = self.sync()
        self.assertEqual(job.result["parts_refreshed"], 10)
        self.assertEqual(len(self.fake.calls), 1)
        self.assertIn("595-PART4", self.sent_numbers())
        self.assertEqual(self.lines(templates[4]).product_code, "595-PART4")
        self.assertEqual(job.result["refused"], 0)

    def test_non_ascii_number_goes_alone_and_only_it_is_reported(self):
        templates = self.ten_products(3, "595-PART3Ä")
        job = self.sync()
        self.assertEqual(len(self.fake.calls), 2, "nine in one call, the suspect alone")
        self.assertEqual(job.result["parts_refreshed"], 9)
        self.assertEqual(job.result["refused"], 1)
        self.assertEqual(len(job.result["refused_list"]), 1)
        self.assertIn("595-PART3Ä", job.result["refused_list"][0])
        self.assertIn("InvalidCharacters", job.result["refused_list"][0])
        self.assertEqual(job.result["errors"], [])
        self.assertTrue(all(self.lines(t).price == 0.5 for t in templates - templates[3]))
        self.assertEqual(templates[3].mouser_refused_pn, "595-PART3Ä")

        self.server.requests.clear()
        job = self.sync()
        self.assertNotIn("595-PART3Ä", self.sent_numbers(), "a known refusal costs no call")
        self.assertEqual(len(self.fake.calls), 1)
        self.assertIn("refused before", job.result["refused_list"][0])

        self.server.requests.clear()
        templates[3].action_mouser_sync_now()
        self.run_jobs()
        self.assertEqual(self.sent_numbers(), ["595-PART3Ä"], "Sync now tries it again")

    def test_refused_call_is_split_to_find_the_one_number_mouser_refuses(self):
        templates = self.ten_products(7, "595-PART7")
        self.fake.refuse = lambda number: number == "595-PART7"
        job = self.sync()
        self.assertEqual(job.result["parts_refreshed"], 9)
        self.assertEqual(job.result["refused"], 1)
        self.assertRegex(job.result["refused_list"][0], r"^595-PART7 \(Part 7\): InvalidCharacters")
        self.assertLessEqual(len(self.fake.calls), 7)
        self.assertEqual(self.account.mouser_calls_today, len(self.fake.calls))
        refreshed = templates.filtered("mouser_synced_at")
        self.assertEqual(refreshed, templates - templates[7])
        self.assertEqual(self.account.mouser_cursor_tmpl_id, templates[9].id)

        self.fake.refuse = lambda number: False
        templates[7].mouser_refused_pn = False
        job = self.sync()
        self.assertEqual(job.result["refused"], 0)
        self.assertTrue(templates[7].mouser_synced_at)
        self.assertFalse(templates[7].mouser_refused_pn)

    def test_split_stopped_by_the_quota_resumes_from_the_same_batch(self):
        self.account.mouser_minute_limit = 2
        templates = self.ten_products(0, "595-PART0")
        self.fake.refuse = lambda number: number == "595-PART0"
        job = self.sync()
        self.assertIn("share of calls", job.summary)
        self.assertEqual(job.result["refused"], 0, "not found yet")
        self.assertEqual(self.account.mouser_cursor_tmpl_id, 0, "the batch is not done")
        self.assertEqual(len(templates.filtered("mouser_synced_at")), 0)
