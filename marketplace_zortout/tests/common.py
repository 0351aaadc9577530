from odoo.addons.marketplace_base.tests.common import MarketplaceQueueCase
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer

from .zortout_server import ZortoutFake

REMOTE_STOCK = {
    "W1": {"A-1": 10, "A-2": 3, "SERVICE": 4, "DUP": 2, "NEG": -5, "UNKNOWN": 7},
    "W2": {"A-1": 5, "A-2": 0},
}


class ZortoutCase(MarketplaceQueueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = FixtureServer().start()
        cls.addClassCleanup(cls.server.stop)
        cls.fake = ZortoutFake(cls.server, stock={k: dict(v) for k, v in REMOTE_STOCK.items()})
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.location = cls.warehouse.lot_stock_id
        cls.account = cls.env["marketplace.account"].create(
            {
                "name": "Main store",
                "channel": "zortout",
                "zortout_storename": "shop",
                "zortout_apikey": "key",
                "zortout_apisecret": "secret",
                "zortout_api_url": cls.fake.url,
            }
        )
        Product = cls.env["product.product"]
        storable = {"type": "consu", "is_storable": True}
        cls.a1 = Product.create({"name": "A one", "default_code": "A-1", **storable})
        cls.a2 = Product.create({"name": "A two", "default_code": " A-2 ", **storable})
        cls.neg = Product.create({"name": "Negative", "default_code": "NEG", **storable})
        cls.service = Product.create(
            {"name": "Service", "default_code": "SERVICE", "type": "service"}
        )
        cls.dup1 = Product.create({"name": "Dup one", "default_code": "DUP", **storable})
        cls.dup2 = Product.create({"name": "Dup two", "default_code": "DUP", **storable})

    def setUp(self):
        super().setUp()
        self.fake.stock = {code: dict(stock) for code, stock in REMOTE_STOCK.items()}
        self.fake.fail_page = None
        self.fake.res_code = None
        self.fake.notice = None
        self.fake.repeat_page = None
        self.fake.ignore_paging = False
        self.fake.products = {}
        self.fake.available = {}
        self.fake.pushes = []
        self.fake.reject = {}
        self.fake.read_form = "wrapped"
        self.fake.write_form = "flat"
        self.fake.write_answer = None
        self.fake.push_res_code = None
        self.fake.push_fail = None
        self.fake.webhook = {}
        self.fake.credentials = {"storename": "shop", "apikey": "key", "apisecret": "secret"}

    def on_hand(self, product, location=None):
        return product.with_context(location=(location or self.location).id).qty_available

    def inventory_moves(self, products=None):
        domain = [("is_inventory", "=", True), ("state", "=", "done")]
        if products is not None:
            domain.append(("product_id", "in", products.ids))
        return self.env["stock.move"].search(domain)

    def sync(self, **params):
        job = self.account._enqueue_job("sync_stock_from_zortout", params=params)
        self.run_jobs()
        return job
