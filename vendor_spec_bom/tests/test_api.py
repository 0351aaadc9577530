"""The vendor spec JSON API through real HTTP requests, as different users."""

import json

from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.tests import HttpCase, new_test_user, tagged

from .common import VendorSpecCase


@tagged("post_install", "-at_install")
class TestVendorSpecApi(VendorSpecCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sam = new_test_user(cls.env, "sam", groups="sales_team.group_sale_salesman")
        cls.boss = new_test_user(cls.env, "boss", groups="sales_team.group_sale_manager")
        cls.clerk = new_test_user(cls.env, "clerk", groups="base.group_user")
        other = cls.env["res.company"].create({"name": "Elsewhere"})
        cls.stranger = new_test_user(
            cls.env,
            "stranger",
            groups="sales_team.group_sale_manager",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        cls.keys = {
            user.login: cls.env["res.users.apikeys"]
            .with_user(user)
            .sudo()
            ._generate(None, "test", None)
            for user in (cls.sam, cls.boss, cls.clerk, cls.stranger)
        }
        cls.order = cls.env["sale.order"].create(
            {"partner_id": cls.partner.id, "user_id": cls.sam.id}
        )

    def call(self, method, path, login="sam", body=None, key=None):
        headers = {"Authorization": f"Bearer {key or self.keys[login]}"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        response = self.opener.request(
            method,
            self.base_url() + path,
            data=json.dumps(body) if body is not None else None,
            headers=headers,
            timeout=30,
        )
        try:
            return response.status_code, response.json()
        except ValueError:
            return response.status_code, response.text

    def put_rows(self, rows, login="sam"):
        return self.call("PUT", f"/api/vendor-spec/{self.order.id}", login, rows)

    def test_put_get_resolve_apply(self):
        status, data = self.put_rows(
            [
                {"vendor_partnumber": "x1", "quantity": 2, "unit_price": "150", "sort_order": 10},
                {"vendor_partnumber": "x2", "quantity": "1", "total_price": 20},
                {
                    "vendor_partnumber": "zz-9",
                    "quantity": "3 pcs",
                    "manual_lot_suggestion": "LOT_B",
                },
                {"vendor_partnumber": "??", "quantity": 1, "unit_price": 0.018},
            ]
        )
        self.assertEqual(status, 200, data)
        self.assertEqual(
            [(r["vendor_partnumber"], r["resolution_source"]) for r in data["rows"]],
            [("x1", "book"), ("x2", "book"), ("zz-9", "manual_suggestion"), ("??", "unresolved")],
        )
        self.assertEqual(data["rows"][0]["resolved_lot_name"], "LOT_A")
        self.assertTrue(data["rows"][0]["is_primary_pn"])
        self.assertEqual(data["rows"][3]["unit_price"], 0.018)
        self.assertEqual(data["vendor_total"], 320.02, "totals are in cents")
        self.assertEqual(data["unresolved_total"], 0.02)
        status, got = self.call("GET", f"/api/vendor-spec/{self.order.id}")
        self.assertEqual((status, got["rows"]), (200, data["rows"]))
        status, resolved = self.call("POST", f"/api/vendor-spec/{self.order.id}/resolve")
        self.assertEqual(status, 200)
        self.assertFalse(self.order.order_line, "resolve does not touch the quotation lines")
        status, applied = self.call("POST", f"/api/vendor-spec/{self.order.id}/apply")
        self.assertEqual(status, 200, applied)
        self.assertEqual(
            [
                (line["product"]["default_code"], line["quantity"])
                for line in applied["order_lines"]
            ],
            [("LOT_A", 2), ("LOT_B", 3)],
        )

    def test_invalid_rows_are_400_with_row_numbers_and_change_nothing(self):
        self.put_rows([{"vendor_partnumber": "x1", "quantity": 1}])
        status, data = self.put_rows(
            [
                {"vendor_partnumber": "ok", "quantity": 1},
                {"vendor_partnumber": "BSS84", "quantity": "BSS84"},
                {"vendor_partnumber": "nul\u0000", "quantity": 1},
                {"vendor_partnumber": "big", "quantity": 1e300},
            ]
        )
        self.assertEqual(status, 400)
        self.assertEqual([r["row"] for r in data["rows"]], [2, 3, 4])
        self.assertEqual(self.order.vendor_spec_line_ids.mapped("vendor_partnumber"), ["x1"])
        status, data = self.put_rows(
            [{"vendor_partnumber": "x1", "quantity": 1, "manual_lot_suggestion": "NOPE"}]
        )
        self.assertEqual((status, data["rows"][0]["row"]), (400, 1))

    def test_confirmed_order_is_409(self):
        self.put_rows([{"vendor_partnumber": "x1", "quantity": 1}])
        self.order.action_confirm()
        status, data = self.put_rows([{"vendor_partnumber": "x2", "quantity": 1}])
        self.assertEqual(status, 409, data)
        status, _data = self.call("POST", f"/api/vendor-spec/{self.order.id}/apply")
        self.assertEqual(status, 409)

    def test_unauthenticated_foreign_and_unknown(self):
        status, body = self.call("GET", f"/api/vendor-spec/{self.order.id}", key="wrong")
        self.assertEqual(status, 401)
        self.assertIn("A valid API key is required", body["error"], "JSON, as every API error")
        response = self.opener.get(self.base_url() + "/api/partnumber-books", timeout=30)
        self.assertEqual((response.status_code, "error" in response.json()), (401, True))
        status, data = self.call("GET", f"/api/vendor-spec/{self.order.id}", "stranger")
        self.assertEqual(status, 403, data)
        status, data = self.call("GET", f"/api/vendor-spec/{self.order.id}", "clerk")
        self.assertEqual(status, 403, data)
        status, data = self.call("PUT", f"/api/vendor-spec/{self.order.id}", "clerk", [])
        self.assertEqual(status, 403, data)
        status, data = self.call("GET", "/api/vendor-spec/999999999")
        self.assertEqual(status, 404, data)
        status, data = self.call("GET", f"/api/partnumber-books/{self.book.id}", "stranger")
        self.assertEqual(status, 403, data)
        status, data = self.call("GET", "/api/partnumber-books", "stranger")
        self.assertEqual((status, data["books"]), (200, []))

    def test_salesman_restricted_to_his_documents_is_refused_others_orders(self):
        other = self.env["sale.order"].create(
            {"partner_id": self.partner.id, "user_id": self.boss.id}
        )
        status, _data = self.call("GET", f"/api/vendor-spec/{other.id}")
        self.assertEqual(status, 403)

    def test_books_list_and_paged_items(self):
        status, data = self.call("GET", "/api/partnumber-books")
        self.assertEqual(status, 200)
        self.assertEqual([b["version"] for b in data["books"]], ["v1"])
        path = f"/api/partnumber-books/{self.book.id}?offset=1&limit=2"
        status, page = self.call("GET", path)
        self.assertEqual((status, page["total"], page["offset"], page["limit"]), (200, 4, 1, 2))
        self.assertEqual([i["partnumber"] for i in page["items"]], ["x2", "x3"])
        self.assertEqual(page["items"][0]["lot_name"], "LOT_A")
        status, _data = self.call("GET", f"/api/partnumber-books/{self.book.id}?limit=x")
        self.assertEqual(status, 400)

    def test_rows_holding_nul_are_row_errors_not_a_server_error(self):
        status, data = self.put_rows(
            [
                {"vendor_partnumber": "x1", "quantity": 1, "manual_lot_suggestion": "LOT\x00A"},
                {"vendor_partnumber": "x2", "quantity": 1, "description": "a\x00b"},
            ]
        )
        self.assertEqual(status, 400, data)
        self.assertEqual(
            data["rows"],
            [
                {
                    "row": 1,
                    "error": "manual_lot_suggestion holds a control character (such as NUL)",
                },
                {"row": 2, "error": "the description holds a control character (NUL)"},
            ],
        )

    def book_server(self):
        """A local book server with one book, set in Sales settings."""
        server = FixtureServer().start()
        self.addCleanup(server.stop)
        server.route("/api/books", lambda r: {"books": [{"id": "b1", "date": "2026-11-01"}]})
        server.route(
            "/api/books/b1",
            lambda r: {"id": "b1", "items": [{"partnumber": "q1", "product": "LOT_A"}]},
        )
        self.env["ir.config_parameter"].set_param(
            "vendor_spec_bom.book_server_url", f"{server.url}/api"
        )
        return server

    def test_pull_needs_the_sales_manager(self):
        self.book_server()
        status, _data = self.call("POST", "/api/partnumber-books/pull", "sam")
        self.assertEqual(status, 403)
        status, data = self.call("POST", "/api/partnumber-books/pull", "boss")
        self.assertEqual((status, data["state"]), (202, "pending"), data)

    def test_pull_is_queued_and_its_state_read_until_done(self):
        """The request only queues: a slow book server holds no HTTP worker."""
        server = self.book_server()
        status, data = self.call("POST", "/api/partnumber-books/pull", "boss")
        self.assertEqual((status, data["state"]), (202, "pending"), data)
        self.assertEqual(data["status_url"], f"/api/partnumber-books/pull/{data['job_id']}")
        self.assertEqual(server.requests, [], "nothing is downloaded inside the request")
        again = self.call("POST", "/api/partnumber-books/pull", "boss")[1]
        self.assertEqual(again["job_id"], data["job_id"], "one pull at a time")
        self.assertEqual(self.call("GET", data["status_url"], "sam")[0], 403)
        self.assertEqual(self.call("GET", data["status_url"], "stranger")[0], 404)

        self.env.flush_all()
        self.env["marketplace.job"]._cron_run_jobs()
        status, state = self.call("GET", data["status_url"], "boss")
        self.assertEqual((status, state["state"], state["error"]), (200, "done", None), state)
        self.assertEqual(state["result"]["books pulled"], 1)
        self.assertEqual(len(server.requests_to("/api/books")), 1)

    def test_pull_without_a_book_server_is_refused_at_once(self):
        self.env["ir.config_parameter"].set_param("vendor_spec_bom.book_server_url", "")
        status, data = self.call("POST", "/api/partnumber-books/pull", "boss")
        self.assertEqual(status, 400)
        self.assertIn("book server", data["error"])
        status, _data = self.call("GET", "/api/partnumber-books/pull/999999", "boss")
        self.assertEqual(status, 404)
