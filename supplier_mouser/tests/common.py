from odoo.addons.marketplace_base.tests.common import MarketplaceQueueCase
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer

from .mouser_server import MouserFake, refuses_non_ascii


class MouserCase(MarketplaceQueueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = FixtureServer().start()
        cls.addClassCleanup(cls.server.stop)
        cls.fake = MouserFake(cls.server, {})
        cls.mouser = cls.env["res.partner"].create(
            {"name": "Mouser Electronics", "is_company": True}
        )
        cls.account = cls.env["marketplace.account"].create(
            {
                "name": "Mouser",
                "channel": "mouser",
                "mouser_api_key": "mouser-key",
                "mouser_api_url": cls.fake.url,
                "mouser_partner_id": cls.mouser.id,
            }
        )
        cls.category = cls.env["product.category"].create({"name": "Electronics"})

    def setUp(self):
        super().setUp()
        self.fake.catalogue = {}
        self.fake.recorded = {}
        self.fake.refuse = refuses_non_ascii
        self.fake.error = None
        self.fake.raw = None
        self.fake.api_key = "mouser-key"
        self.server.requests.clear()

    def product(self, name, mouser_pn=None, **values):
        template = self.env["product.template"].create(
            {"name": name, "purchase_ok": True, "categ_id": self.category.id, **values}
        )
        if mouser_pn:
            self.env["product.supplierinfo"].create(
                {
                    "partner_id": self.mouser.id,
                    "product_tmpl_id": template.id,
                    "product_code": mouser_pn,
                    "min_qty": 1,
                    "price": 9.99,
                }
            )
        return template

    def lines(self, template, active=True):
        return (
            self.env["product.supplierinfo"]
            .with_context(active_test=False)
            .search(
                [
                    ("product_tmpl_id", "=", template.id),
                    ("partner_id", "=", self.mouser.id),
                    ("active", "=", active),
                ],
                order="min_qty",
            )
        )

    def sync(self):
        job = self.account._enqueue_job("mouser_sync")
        self.run_jobs()
        return job

    def sent_numbers(self):
        return [n for call in self.fake.calls for n in self.fake.requested(call)]
