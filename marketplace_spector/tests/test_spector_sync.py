from datetime import datetime

from odoo.addons.marketplace_base.tests.common import MarketplaceQueueCase
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.tests import tagged

from .spector_server import SpectorFake, make_item


def raw_item(code, **fields):
    """A Spector item; no unit or VAT unless a test sets them."""
    return make_item(code, **{"Unit": "", "VatRate": None, **fields})


@tagged("post_install", "-at_install")
class TestSpectorSync(MarketplaceQueueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = FixtureServer().start()
        cls.addClassCleanup(cls.server.stop)
        cls.fake = SpectorFake(cls.server)
        cls.location = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.account = cls.env["marketplace.account"].create(
            {
                "name": "Spector ERP",
                "channel": "spector",
                "spector_url": cls.fake.url,
                "spector_token": cls.fake.token,
                "spector_batch_size": 2,
                "stock_location_id": cls.location.id,
            }
        )

    def setUp(self):
        super().setUp()
        self.fake.items = []
        self.fake.fail_status = None
        self.server.requests.clear()

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

    def test_spector_defaults(self):
        self.assertEqual(self.account.catalog_full_sync_weekday, "6", "weekly full sync on Sunday")
        self.assertEqual(self.account.spector_item_group_class, "Artikelgrupp")
        self.assertTrue(self.account.catalog_enabled)

    def test_items_in_batches_with_classes_and_tags(self):
        self.fake.items = [
            raw_item(
                "HAM-1",
                Description="Hammare",
                ItemGroup={"Code": "10", "Description": "Verktyg"},
                Comment="Populär",
                InternalComment="Beställ &amp; kontrollera &lt;b&gt;snart&lt;/b&gt;",
                Suppliers=[{"Name": "Acme AB"}],
            ),
            raw_item("SAW-1"),
            raw_item("AXE-1"),
        ]
        job = self.sync()
        self.assertEqual(len(self.server.requests_to("/api/ItemInfo")), 2, "batches of 2")
        self.assertEqual(job.result["created"], 3)
        tags = self.product("HAM-1").product_tag_ids.mapped("name")
        self.assertIn("Artikelgrupp: Verktyg", tags)
        self.assertIn("Supplier: Acme AB", tags)
        self.assertIn("Internal comment: Beställ & kontrollera snart", tags)
        self.assertIn("Comment: Populär", tags)

    def test_deleted_and_non_webshop_items_are_skipped(self):
        self.account.catalog_only_webshop = True
        self.fake.items = [
            raw_item("A"),
            raw_item("DEL", IsDeleted=True),
            raw_item("HIDDEN", WebshopInfo={"ViewInShop": False}),
        ]
        job = self.sync()
        self.assertTrue(self.product("A"))
        self.assertFalse(self.product("DEL") | self.product("HIDDEN"))
        self.assertEqual(job.result["skipped"], {"deleted": 1, "not_in_webshop": 1})

    def test_shelf_stock_over_configured_warehouses(self):
        stock = [
            {"WarehouseCode": "01", "AvailableStock": 5, "ShelfStock": 7, "IsDefaultStock": True},
            {"WarehouseCode": "02", "AvailableStock": 1, "ShelfStock": 3, "IsDefaultStock": False},
            {"WarehouseCode": "03", "AvailableStock": 4, "ShelfStock": 4, "IsDefaultStock": False},
        ]
        self.fake.items = [raw_item("HAM-1", Stock=stock)]
        self.sync()
        hammer = self.product("HAM-1")
        qty = lambda: hammer.with_context(location=self.location.id).qty_available  # noqa: E731
        self.assertEqual(qty(), 5, "default-stock warehouses, available stock")
        self.account.write({"catalog_warehouse_codes": "02;03", "catalog_stock_source": "on_shelf"})
        self.sync(full=True)
        self.assertEqual(qty(), 7)

    def test_prices_tiers_and_translations(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["marketplace.catalog.language"].create(
            [
                {
                    "account_id": self.account.id,
                    "erp_code": "fr",
                    "lang_id": self.env.ref("base.lang_fr").id,
                },
                {
                    "account_id": self.account.id,
                    "erp_code": "en",
                    "lang_id": self.env.ref("base.lang_en").id,
                },
            ]
        )
        self.fake.items = [
            raw_item(
                "HAM-1",
                Description="Hammare",
                Price=100.0,
                LanguageArticleInfo=[
                    {"LanguageCodeISO1": "en", "Description": "Hammer"},
                    {"LanguageCodeISO1": "fr", "Description": "Marteau"},
                ],
                CurrencyPrices=[{"Currency": "EUR", "Price": 9.0}],
                DiscountLists=[{"Code": "A", "Currency": "EUR", "Price": 8.0}],
                PriceIntervals=[{"FromInterval": 10, "Discount": 10}],
            )
        ]
        self.sync()
        hammer = self.product("HAM-1")
        self.assertEqual(hammer.with_context(lang="en_US").name, "Hammer")
        self.assertEqual(hammer.with_context(lang="fr_FR").name, "Marteau")
        lists = self.env["product.pricelist"].search(
            [("marketplace_account_id", "=", self.account.id)]
        )
        by_code = {p.marketplace_code: p for p in lists}
        self.assertAlmostEqual(by_code["C-EUR"]._get_product_price(hammer, 1), 9.0)
        self.assertAlmostEqual(by_code["A-EUR"]._get_product_price(hammer, 1), 8.0)
        default = by_code[f"C-{self.env.company.currency_id.name}"]
        self.assertAlmostEqual(default._get_product_price(hammer, 1), 100.0)
        self.assertAlmostEqual(default._get_product_price(hammer, 10), 90.0)

    def test_weekly_full_sync_on_the_configured_day(self):
        self.fake.items = [raw_item("A")]
        self.sync()
        last_full = self.account.catalog_last_full_sync_at
        sunday = datetime(2026, 11, 29, 3, 0)
        monday = datetime(2026, 11, 30, 3, 0)
        self.account.catalog_last_full_sync_at = datetime(2026, 11, 22, 3, 0)
        self.assertTrue(self.account._catalog_full_sync_due(sunday))
        self.assertFalse(self.account._catalog_full_sync_due(monday))
        self.account.catalog_last_full_sync_at = sunday
        self.assertFalse(self.account._catalog_full_sync_due(sunday), "once that day")
        self.assertTrue(last_full)

    def test_source_outage_retries_and_writes_nothing(self):
        self.fake.items = [raw_item("A"), raw_item("B"), raw_item("C")]
        self.fake.fail_status = 503
        job = self.account._enqueue_job("sync_catalog")
        self.run_jobs()
        self.assertEqual(job.state, "pending")
        self.assertEqual(job.attempts, 1)
        self.assertFalse(self.product("A"))
