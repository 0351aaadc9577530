"""Answers shaped like Mouser's recorded ones, through the real job and client."""

from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from . import mouser_answers as answers
from .common import MouserCase


@tagged("post_install", "-at_install")
class TestMouserAnswers(MouserCase):
    def currency(self, code):
        return (
            self.env["res.currency"].with_context(active_test=False).search([("name", "=", code)])
        )

    def test_us_answer_keeps_reel_prices_in_dollars(self):
        template = self.product("Timer", mouser_pn="595-NE555P")
        self.fake.add(answers.US)
        job = self.sync()
        self.assertEqual(job.state, "done", job.error_message)
        lines = self.lines(template)
        self.assertEqual(
            [(line.min_qty, line.price) for line in lines], [(1, 0.51), (10, 0.323), (1000, 0.218)]
        )
        self.assertEqual(lines.currency_id.name, "USD")
        self.assertEqual(set(lines.mapped("delay")), {84})
        self.assertEqual(template.mouser_availability, 15811)
        self.assertEqual(template.mouser_packaging, "Tube")

    def test_japanese_answer_stores_decimal_yen_and_42_days(self):
        self.currency("JPY").active = False
        template = self.product("Op amp", mouser_pn="595-LM358BAIPWR")
        self.fake.add(answers.JP)
        job = self.sync()
        lines = self.lines(template)
        self.assertEqual(
            [(line.min_qty, line.price) for line in lines],
            [(1, 48.0), (10, 32.8), (100, 25.1), (1000, 20.2)],
            "¥32.8 is 32.8 yen, not 328",
        )
        self.assertEqual(set(lines.mapped("delay")), {42}, "42 日 is 42 days")
        self.assertEqual(lines.currency_id.name, "JPY")
        self.assertTrue(self.currency("JPY").active)
        self.assertEqual(len(job.result["currencies_activated"]), 1)
        self.assertTrue(job.result["currencies_activated"][0].startswith("JPY"))
        self.assertIn("JPY", str(job.result_display))

    def test_activated_currency_without_rate_is_flagged(self):
        jpy = self.currency("JPY")
        jpy.rate_ids.unlink()
        jpy.active = False
        self.product("Op amp", mouser_pn="595-LM358BAIPWR")
        self.fake.add(answers.JP)
        job = self.sync()
        self.assertIn("no exchange rate yet", job.result["currencies_activated"][0])
        self.assertEqual(job.result["unreadable_lead_times"], [])

    def test_a_currency_activated_for_a_failing_product_stays_active_for_the_others(self):
        self.currency("JPY").active = False
        broken = self.product("Broken", mouser_pn="595-BROKEN")
        fine = self.product("Fine", mouser_pn="595-FINE")
        self.fake.catalogue = {
            "595-BROKEN": {"breaks": [(1, "¥48", "JPY")]},
            "595-FINE": {"breaks": [(1, "¥32.8", "JPY")]},
        }
        Sync = type(self.env["supplier.mouser.sync"])
        write_part_data = Sync._write_part_data

        def fail_for_broken(sync, template, part):
            if template == broken:
                raise ValueError("the part data cannot be written")
            return write_part_data(sync, template, part)

        with patch.object(Sync, "_write_part_data", fail_for_broken):
            job = self.sync()
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual(job.result["errors"], ["595-BROKEN: the part data cannot be written"])
        self.assertFalse(self.lines(broken).filtered(lambda line: line.price != 9.99))
        self.assertEqual(self.lines(fine).currency_id.name, "JPY")
        self.assertTrue(self.currency("JPY").active, "the lines stored in yen need yen active")
        self.assertTrue(job.result["currencies_activated"][0].startswith("JPY"))

    def test_german_answer_with_comma_decimals_and_tage(self):
        template = self.product("Capacitor", manufacturer_pn="CL31A106MBHNNNE")
        self.fake.add(answers.EU)
        self.sync()
        lines = self.lines(template)
        self.assertEqual(lines.mapped("product_code"), ["187-CL31A106MBHNNNE"] * 3)
        self.assertEqual(
            [(line.min_qty, line.price) for line in lines], [(1, 0.218), (10, 0.141), (4000, 0.018)]
        )
        self.assertEqual(lines.currency_id.name, "EUR")
        self.assertEqual(set(lines.mapped("delay")), {42})

    def test_convert_policy_stores_company_currency_at_todays_rate(self):
        company = self.env.company
        eur = self.currency("EUR")
        self.env["res.currency.rate"].create(
            {"currency_id": eur.id, "rate": 0.5, "name": "2000-01-01", "company_id": company.id}
        )
        if company.currency_id.name != "USD":
            self.skipTest("the rates below assume a USD company")
        eur.active = False
        self.account.mouser_currency_policy = "convert"
        template = self.product("Capacitor", mouser_pn="187-CL31A106MBHNNNE")
        self.fake.add(answers.EU)
        job = self.sync()
        lines = self.lines(template)
        self.assertEqual(lines.currency_id, company.currency_id)
        self.assertEqual(lines.mapped("price"), [0.436, 0.282, 0.036], "1 EUR = 2 USD")
        self.assertFalse(eur.active, "nothing activated when converting")
        self.assertEqual(job.result["currencies_activated"], [])

    def test_convert_policy_without_a_rate_stores_nothing_at_one_to_one(self):
        eur = self.currency("EUR")
        eur.active = True
        self.env["res.currency.rate"].search([("currency_id", "=", eur.id)]).unlink()
        self.account.mouser_currency_policy = "convert"
        template = self.product("Capacitor", mouser_pn="187-CL31A106MBHNNNE")
        self.fake.add(answers.EU)
        job = self.sync()
        self.assertEqual(
            self.lines(template).mapped("price"),
            [9.99],
            "an active currency without rate is no rate",
        )
        self.assertIn("no exchange rate for EUR", job.result["errors"][0])

    def test_obsolete_part_without_breaks_archives_its_lines(self):
        template = self.product("Old timer", mouser_pn="595-NE555N")
        self.fake.add(answers.OBSOLETE)
        job = self.sync()
        self.assertEqual(job.result["parts_refreshed"], 1)
        self.assertEqual(template.mouser_lifecycle, "Obsolete")
        self.assertEqual(template.mouser_availability, 0)
        self.assertEqual(job.result["unreadable_lead_times"], [], "no lead time is not unreadable")
        self.assertEqual(self.lines(template, active=False).mapped("price"), [9.99])

    def test_two_listings_become_candidates_updated_in_place(self):
        template = self.product("Op amp", manufacturer_pn="LM358")
        self.fake.add(answers.TWO_LISTINGS)
        self.sync()
        first_ids = template.mouser_candidate_ids.ids
        self.assertEqual(
            template.mouser_candidate_ids.mapped("mouser_part_number"),
            ["595-LM358DR", "926-LM358MX/NOPB"],
        )
        self.fake.recorded["LM358"][0]["AvailabilityInStock"] = "7"
        self.sync()
        self.assertEqual(template.mouser_candidate_ids.ids, first_ids, "same rows, not recreated")
        self.assertEqual(
            template.mouser_candidate_ids.filtered(
                lambda c: c.mouser_part_number == "595-LM358DR"
            ).availability,
            7,
        )
        self.fake.recorded["LM358"].pop()
        self.fake.recorded["LM358"].append(
            {**answers.US_PART, "ManufacturerPartNumber": "LM358", "MouserPartNumber": "512-LM358"}
        )
        self.sync()
        self.assertEqual(
            template.mouser_candidate_ids.mapped("mouser_part_number"),
            ["512-LM358", "595-LM358DR"],
        )
        self.assertIn(first_ids[0], template.mouser_candidate_ids.ids)

    def test_empty_answer_flags_the_product_not_found(self):
        template = self.product("Gone", mouser_pn="595-GONE")
        self.fake.raw = answers.EMPTY
        job = self.sync()
        self.assertEqual(job.result["not_found_list"], ["595-GONE"])
        self.assertTrue(template.mouser_not_found)

    def test_invalid_key_body_fails_the_job_naming_the_key_not_its_value(self):
        self.product("Timer", mouser_pn="595-NE555P")
        self.fake.raw = answers.INVALID_KEY
        job = self.sync()
        self.assertEqual(job.state, "failed")
        self.assertIn("Invalid unique identifier", job.error_message)
        self.assertIn("check the Search API key", job.error_message)
        self.assertNotIn("mouser-key", job.error_message)

    def test_too_many_requests_body_stops_and_queues_a_run_a_minute_later(self):
        self.product("Timer", mouser_pn="595-NE555P")
        self.fake.raw = answers.TOO_MANY_REQUESTS
        job = self.sync()
        self.assertEqual(job.state, "done")
        self.assertIn("TooManyRequests", job.summary)
        retry = self.env["marketplace.job"].search(
            [("account_id", "=", self.account.id), ("state", "=", "pending")]
        )
        self.assertEqual(len(retry), 1)
        self.assertGreater(retry.scheduled_at, fields.Datetime.now() + timedelta(seconds=30))

    def test_unreadable_lead_time_is_listed_and_the_delay_left_alone(self):
        template = self.product("Timer", mouser_pn="595-NE555P")
        self.fake.catalogue["595-NE555P"] = {"lead_time": "Auf Anfrage"}
        job = self.sync()
        self.assertEqual(job.result["unreadable_lead_times"], ["595-NE555P: Auf Anfrage"])
        self.assertIn("Auf Anfrage", str(job.result_display))
        self.assertEqual(self.lines(template).delay, 1, "Odoo's value kept, not overwritten")
