from datetime import datetime

from odoo.tests import tagged

from .common import SpectorCase
from .spector_server import make_item


@tagged("post_install", "-at_install")
class TestSpectorSync(SpectorCase):
    """The fixture server serves the document-shaped items of fixtures/spector_items.json."""

    def test_spector_defaults(self):
        self.assertEqual(self.account.catalog_full_sync_weekday, "6", "weekly full sync on Sunday")
        self.assertEqual(self.account.spector_item_group_class, "Artikelgrupp")
        self.assertTrue(self.account.catalog_enabled)

    def test_every_mapped_field_lands_where_the_readme_says(self):
        self.map_language("de", "base.lang_de")
        job = self.sync()
        self.assertEqual(len(self.server.requests_to("/api/ItemInfo")), 4, "batches of 8")
        self.assertEqual(job.result["items_fetched"], 30)
        self.assertEqual(job.result["created"], 29, job.result.get("errors"))
        self.assertEqual(job.result["skipped"], {"deleted": 1})

        hammer = self.product("HAM-1")
        self.assertEqual(hammer.with_context(lang="en_US").name, "Hammare 500 g")
        self.assertEqual(hammer.with_context(lang="de_DE").name, "Klauenhammer 500 g")
        self.assertEqual(hammer.barcode, "7391234567890")
        self.assertEqual(hammer.list_price, 100.0)
        self.assertEqual(hammer.taxes_id, self.tax)
        self.assertEqual(
            hammer.description_sale,
            "Snickarhammare 500 g\n\nStark hammare med skaft av ask & gummigrepp.\nVikt 500 g.",
        )
        self.assertEqual(
            sorted(hammer.product_tag_ids.mapped("name")),
            ["Artikelgrupp: Verktyg", "Supplier: Acme AB", "Supplier: Verktygsgrossisten"],
        )
        link = hammer.product_tmpl_id.marketplace_catalog_ids
        self.assertEqual(
            (link.internal_code, link.package_size, link.vat_percent), ("H-500", 6.0, 25.0)
        )
        self.assertEqual(link.info["Extra info"], "Populär i butik")
        self.assertEqual(link.info["Extra info (internal)"], "Beställ före mars")
        self.assertIn("Stark hammare med skaft av ask &amp; gummigrepp.", link.info_html)
        self.assertEqual(link.stock_indicator, -1, "Spector sends none")
        on_hand = hammer.with_context(location=self.location.id).qty_available
        self.assertEqual(on_hand, 7, "available stock of the two default warehouses")
        self.assertFalse(self.product("NOEAN-1").barcode)
        self.assertTrue(self.product("HIDDEN-1").active, "kept: only webshop items is off")
        self.assertFalse(self.product("DEL-1"))

        sek = self.pricelist("C-SEK")
        self.assertEqual((sek.name, sek.currency_id.name), ("SEK Price", "SEK"))
        self.assertAlmostEqual(sek._get_product_price(hammer, 1), 100.0)
        eur = self.pricelist("C-EUR")
        self.assertAlmostEqual(eur._get_product_price(hammer, 1), 9.5)
        dealer = self.pricelist("123-SEK")
        self.assertEqual(dealer.name, "Återförsäljare (SEK)")
        self.assertAlmostEqual(dealer._get_product_price(hammer, 1), 80.0)
        self.assertFalse(self.pricelist("123-EUR"), "its only price is zero")
        self.assertEqual(job.result["zero_prices_skipped"], 1)
        default = self.pricelist(f"C-{self.company_currency}")
        self.assertAlmostEqual(default._get_product_price(hammer, 10), 95.0)
        self.assertAlmostEqual(default._get_product_price(hammer, 50), 90.0)

        rerun = self.sync(full=True)
        self.assertEqual((rerun.result["created"], rerun.result["updated"]), (0, 0))
        self.assertEqual(rerun.result["unchanged"], 29)

    def test_only_webshop_items_and_deleted_items(self):
        self.account.catalog_only_webshop = True
        job = self.sync()
        self.assertFalse(self.product("HIDDEN-1") | self.product("DEL-1"))
        self.assertEqual(job.result["skipped"], {"deleted": 1, "not_in_webshop": 1})

        self.account.catalog_only_webshop = False
        self.sync()
        self.fake.items = [i for i in self.fake.items if i["ItemCode"] != "ART-020"]
        for raw in self.fake.items:
            if raw["ItemCode"] == "ART-021":
                raw["IsDeleted"] = True
        job = self.sync(full=True)
        self.assertFalse(self.product("ART-020").active, "no longer sent: archived")
        self.assertFalse(self.product("ART-021").active, "deleted in Spector: archived")
        self.assertEqual(job.result["archived"], 2)

    def test_shelf_stock_over_configured_warehouses(self):
        self.account.write(
            {"catalog_warehouse_codes": "Butik; Reservlager", "catalog_stock_source": "on_shelf"}
        )
        self.sync()
        hammer = self.product("HAM-1")
        self.assertEqual(hammer.with_context(location=self.location.id).qty_available, 7)

    def test_english_mapping_names_product_and_tags(self):
        self.map_language("en", "base.lang_en")
        self.sync()
        self.assertEqual(self.product("HAM-1").name, "Claw hammer 500 g")
        self.assertEqual(self.product("NOEAN-1").name, "Skruvmejsel utan EAN", "no English text")

    def test_mostly_malformed_items_fail_the_sync_and_keep_the_schedule(self):
        self.account.catalog_force_full_sync = True
        self.fake.items = [make_item(f"BAD-{n}", ItemGroup={"Code": n}) for n in range(3)] + [
            make_item("GOOD")
        ]
        job = self.account._enqueue_job("sync_catalog")
        self.run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertIn("3 of 4 items from Spector ERP could not be read", job.error_message)
        self.assertIn("BAD-0: ItemGroup should be a plain value", job.error_message)
        self.assertEqual(job.error_message.count("BAD-0"), 1, "each reason said once")
        self.assertFalse(self.product("GOOD"), "nothing was written")
        self.assertTrue(self.account.catalog_force_full_sync)
        self.assertFalse(self.account.catalog_last_sync_at)

    def test_a_few_malformed_items_are_listed_and_the_rest_lands(self):
        self.fake.items[5]["SalesPriceExVat"] = "gratis"
        job = self.sync()
        code = self.fake.items[5]["ItemCode"]
        self.assertEqual(job.result["skipped"]["malformed"], 1)
        self.assertEqual(
            job.result["rejected"], [f"{code}: SalesPriceExVat: 'gratis' is not a number"]
        )
        self.assertEqual(job.result["created"], 28)
        self.assertFalse(self.product(code))

    def test_a_server_ignoring_skip_fails_the_sync(self):
        self.fake.ignore_skip = True
        job = self.account._enqueue_job("sync_catalog")
        self.run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertIn("repeats page 1", job.error_message)
        self.assertFalse(self.product("HAM-1"))

    def test_weekly_full_sync_on_the_configured_day(self):
        self.sync()
        sunday = datetime(2026, 11, 29, 3, 0)
        monday = datetime(2026, 11, 30, 3, 0)
        self.account.catalog_last_full_sync_at = datetime(2026, 11, 22, 3, 0)
        self.assertTrue(self.account._catalog_full_sync_due(sunday))
        self.assertFalse(self.account._catalog_full_sync_due(monday))
        self.account.catalog_last_full_sync_at = sunday
        self.assertFalse(self.account._catalog_full_sync_due(sunday), "once that day")

    def test_source_outage_retries_and_writes_nothing(self):
        self.fake.fail_status = 503
        job = self.account._enqueue_job("sync_catalog")
        self.run_jobs()
        self.assertEqual(job.state, "pending")
        self.assertEqual(job.attempts, 1)
        self.assertFalse(self.product("HAM-1"))
