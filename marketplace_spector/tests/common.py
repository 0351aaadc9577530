from odoo.addons.marketplace_catalog.tests.common import CatalogSyncCase

from .spector_server import SpectorFake, load_items


class SpectorCase(CatalogSyncCase):
    """A Spector account against the fake serving fixtures/spector_items.json."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_source()
        cls.fake = SpectorFake(cls.server)
        cls.account = cls.env["marketplace.account"].create(
            {
                "name": "Spector ERP",
                "channel": "spector",
                "spector_url": cls.fake.url,
                "spector_token": cls.fake.token,
                "spector_batch_size": 8,
                "stock_location_id": cls.location.id,
            }
        )
        cls.tax = cls.env["account.tax"].create(
            {"name": "Moms 25%", "amount": 25, "type_tax_use": "sale", "price_include": False}
        )
        cls.company_currency = cls.env.company.currency_id.name

    def setUp(self):
        super().setUp()
        self.fake.items = load_items()
        self.fake.fail_status = None
        self.fake.ignore_skip = False
        self.fake.envelope = "items"
        self.server.requests.clear()

    def pricelist(self, code):
        return self.env["product.pricelist"].search(
            [("marketplace_account_id", "=", self.account.id), ("marketplace_code", "=", code)]
        )

    def on_hand(self, code):
        return self.product(code).with_context(location=self.location.id).qty_available
