from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.tests import HttpCase, tagged

from .zortout_server import ZortoutFake


@tagged("post_install", "-at_install")
class TestZortoutTour(HttpCase):
    """The README's main path, clicked through in a real browser."""

    def test_account_connection_stock_sync_and_its_moves(self):
        server = FixtureServer().start()
        self.addCleanup(server.stop)
        fake = ZortoutFake(server, {"W1": {"TOUR-1": 12}})
        product = self.env["product.product"].create(
            {"name": "Tour product", "default_code": "TOUR-1", "type": "consu", "is_storable": True}
        )
        # the only thing the tour cannot type: where the fake Zortout listens
        self.env["ir.default"].set("marketplace.account", "zortout_api_url", fake.url)
        self.start_tour(
            "/odoo/action-marketplace_base.marketplace_account_action",
            "marketplace_zortout_stock_tour",
            login="admin",
        )
        account = self.env["marketplace.account"].search([("name", "=", "Tour store")])
        job = account.job_ids
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual(product.qty_available, 12)
        self.assertTrue(server.requests_to("/v4/Warehouse/GetWarehouses"), "connection tested")
