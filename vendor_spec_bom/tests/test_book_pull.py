"""Pulling books from a local book server (the FixtureServer of marketplace_base
is shipped in this repository; only the tests use it)."""

from odoo.addons.marketplace_base.tests.common import MarketplaceQueueCase
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VendorSpecCase, click

BOOKS = {
    "2026-10": {
        "id": "2026-10",
        "name": "October",
        "date": "2026-10-01",
        "items": [{"partnumber": "x1", "product": "LOT_A", "primary": True}],
    },
    "2026-11": {
        "id": "2026-11",
        "name": "November",
        "date": "2026-11-01",
        "items": [
            {"partnumber": "x1", "product": "LOT_B", "primary": True},
            {"partnumber": "y9", "product": "SPARE", "primary": False},
        ],
    },
}


@tagged("post_install", "-at_install")
class TestBookPull(VendorSpecCase, MarketplaceQueueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = FixtureServer().start()
        cls.addClassCleanup(cls.server.stop)
        cls.server.route("/api/books", cls.list_books)
        for book_id, book in BOOKS.items():
            cls.server.route(f"/api/books/{book_id}", cls.answer(book))
        params = cls.env["ir.config_parameter"]
        params.set_param("vendor_spec_bom.book_server_url", f"{cls.server.url}/api")
        params.set_param("vendor_spec_bom.book_server_token", "t0ken")

    @staticmethod
    def list_books(request):
        if request.headers.get("authorization") != "Bearer t0ken":
            return 401, {"error": "bad token"}
        return {"books": [{k: v for k, v in b.items() if k != "items"} for b in BOOKS.values()]}

    @staticmethod
    def answer(book):
        return lambda request: book

    def server_books(self):
        return self.env["vendor.partnumber.book"].search([("source", "=", "server")])

    def test_first_pull_creates_books_second_pull_none(self):
        action = click(self.env["vendor.partnumber.book"], "action_pull_books")
        self.assertIn("2 new partnumber book(s) pulled", action["params"]["message"])
        books = self.server_books()
        self.assertEqual(sorted(books.mapped("server_book_id")), ["2026-10", "2026-11"])
        november = books.filtered(lambda b: b.server_book_id == "2026-11")
        self.assertEqual(november.item_count, 2)
        self.assertTrue(self.book.is_active, "pulled books wait to be activated")
        requests = len(self.server.requests)
        self.assertFalse(self.env["vendor.partnumber.book"]._pull_books())
        self.assertEqual(len(self.server_books()), 2)
        self.assertEqual(len(self.server.requests), requests + 1, "only the list is read again")

    def test_server_error_changes_nothing(self):
        self.server.route("/api/books/2026-11", lambda r: (500, "<html>oops</html>"))
        self.addCleanup(self.server.route, "/api/books/2026-11", self.answer(BOOKS["2026-11"]))
        with self.assertRaisesRegex(UserError, "HTTP 500"):
            self.env["vendor.partnumber.book"]._pull_books()
        self.assertFalse(self.server_books())

    def test_bad_token_and_invalid_book_are_clear(self):
        self.env["ir.config_parameter"].set_param("vendor_spec_bom.book_server_token", "nope")
        with self.assertRaisesRegex(UserError, "refused the token"):
            self.env["vendor.partnumber.book"]._pull_books()
        self.env["ir.config_parameter"].set_param("vendor_spec_bom.book_server_token", "t0ken")
        bad = dict(BOOKS["2026-11"], items=[{"partnumber": "z", "product": "NOPE"}])
        self.server.route("/api/books/2026-11", self.answer(bad))
        self.addCleanup(self.server.route, "/api/books/2026-11", self.answer(BOOKS["2026-11"]))
        with self.assertRaisesRegex(UserError, "unknown product reference 'NOPE'"):
            self.env["vendor.partnumber.book"]._pull_books()
        self.assertFalse(self.server_books())

    def test_list_button_with_selected_books_works_like_the_web_client(self):
        action = click(self.book, "action_pull_books")
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(len(self.server_books()), 2)

    def test_schedule_queues_one_job_per_company_and_the_runner_pulls(self):
        other = self.env["res.company"].create({"name": "Other company"})
        requests = len(self.server.requests)
        jobs = self.env["vendor.partnumber.book"]._cron_pull_books()
        self.assertEqual(len(self.server.requests), requests, "no HTTP inside the schedule")
        companies = self.env["res.company"].search([])
        self.assertEqual(len(jobs), len(companies))
        self.assertEqual(jobs.company_id, companies)
        self.assertEqual(set(jobs.mapped("job_type")), {"pull_partnumber_books"})
        again = self.env["vendor.partnumber.book"]._cron_pull_books()
        self.assertEqual(again, jobs, "a pending job is not queued twice")
        self.run_jobs()
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        pulled = self.env["vendor.partnumber.book"].sudo().search([("source", "=", "server")])
        self.assertEqual(len(pulled.filtered(lambda b: b.company_id == other)), 2)
        self.assertEqual(len(pulled.filtered(lambda b: b.company_id == self.env.company)), 2)

    def test_the_book_server_accounts_test_connection_asks_the_server(self):
        account = self.env["marketplace.account"]._partnumber_book_account(self.env.company)
        action = click(account, "action_test_connection")
        self.assertIn("The book server lists 2 book(s)", action["params"]["message"])

    def test_schedule_without_a_server_queues_nothing(self):
        self.env["ir.config_parameter"].set_param("vendor_spec_bom.book_server_url", "")
        self.assertFalse(self.env["vendor.partnumber.book"]._cron_pull_books())
