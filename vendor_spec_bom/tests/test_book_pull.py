"""Pulling books from a local book server (the FixtureServer of marketplace_base
is shipped in this repository; only the tests use it)."""

from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VendorSpecCase

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
class TestBookPull(VendorSpecCase):
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
        self.env["vendor.partnumber.book"].action_pull_books()
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
