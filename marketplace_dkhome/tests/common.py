import base64
import io

from PIL import Image

from odoo.addons.marketplace_base.tests.common import MarketplaceQueueCase
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer

from .dkhome_server import DkHomeFake, make_item


def png_bytes(colour="red"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(buffer, "PNG")
    return buffer.getvalue()


def raw_item(code, **fields):
    """A DkHome item as the API sends it; no unit or VAT unless a test sets them."""
    return make_item(code, **{"Unit": "", "VatPercent": None, **fields})


class DkHomeCase(MarketplaceQueueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = FixtureServer().start()
        cls.addClassCleanup(cls.server.stop)
        cls.fake = DkHomeFake(cls.server)
        cls.location = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.account = cls.env["marketplace.account"].create(
            {
                "name": "DkHome ERP",
                "channel": "dkhome",
                "dkhome_url": cls.fake.url,
                "dkhome_api_key": cls.fake.api_key,
                "stock_location_id": cls.location.id,
            }
        )
        cls.currency = cls.env.company.currency_id.name

    def setUp(self):
        super().setUp()
        self.fake.items = []
        self.fake.prices = []
        self.fake.warehouses = [{"Code": "01", "Name": "Main", "IsDefault": True}]
        self.fake.fail_status = None

    def sync(self, full=False):
        job = self.account._enqueue_job("sync_catalog", params={"full": full})
        self.run_jobs()
        self.assertEqual(job.state, "done", job.error_message)
        return job

    def product(self, code):
        return (
            self.env["product.product"]
            .with_context(active_test=False)
            .search([("default_code", "=", code)])
        )

    def serve_picture(self, path, content=None, status=200):
        body = content if content is not None else png_bytes()
        self.server.route(path, lambda request: (status, body, {"Content-Type": "image/png"}))
        return f"{self.server.url}{path}"

    def image_of(self, product):
        return base64.b64decode(product.product_tmpl_id.image_1920 or b"")
