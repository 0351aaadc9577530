import base64
import io

from PIL import Image

from odoo.addons.marketplace_catalog.tests.common import CatalogSyncCase

from .dkhome_server import DkHomeFake

PICTURES = {
    "/img/ham-1.png": "red",
    "/img/lamp.png": "yellow",
    "/img/lamp-back.png": "blue",
    "/img/tshirt-rood.png": "red",
}


def png_bytes(colour="red"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(buffer, "PNG")
    return buffer.getvalue()


class DkHomeCase(CatalogSyncCase):
    """A DkHome account against the fake serving ``fixtures/dkhome.json``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_source()
        cls.fake = DkHomeFake(cls.server)
        for path, colour in PICTURES.items():
            cls.serve_picture(path, png_bytes(colour))
        cls.account = cls.env["marketplace.account"].create(
            {
                "name": "DkHome ERP",
                "channel": "dkhome",
                "dkhome_url": cls.fake.url,
                "dkhome_api_key": cls.fake.api_key,
                "dkhome_relative_pictures": True,
                "stock_location_id": cls.location.id,
            }
        )
        cls.tax = cls.env["account.tax"].create(
            {"name": "BTW 21%", "amount": 21, "type_tax_use": "sale", "price_include": False}
        )
        cls.currency = cls.env.company.currency_id.name

    def setUp(self):
        super().setUp()
        self.fake.load()
        self.fake.page_size = 100
        self.fake.fail_status = None
        self.fake.ignore_skip = False
        self.fake.envelope = "odata"
        self.server.requests.clear()

    @classmethod
    def serve_picture(cls, path, content, status=200):
        cls.server.route(path, lambda request: (status, content, {"Content-Type": "image/png"}))
        return f"{cls.server.url}{path}"

    def link(self, code):
        return self.env["marketplace.catalog.product"].search(
            [("account_id", "=", self.account.id), ("code", "=", code)]
        )

    def pricelist(self, code):
        return self.env["product.pricelist"].search(
            [("marketplace_account_id", "=", self.account.id), ("marketplace_code", "=", code)]
        )

    def on_hand(self, code):
        return self.product(code).with_context(location=self.location.id).qty_available

    def image_of(self, product):
        return base64.b64decode(product.product_tmpl_id.image_1920 or b"")
