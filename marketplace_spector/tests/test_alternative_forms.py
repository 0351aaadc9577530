"""A Spector server that follows the document but picks other plausible shapes.

Each test changes the fixture into one alternative form the Spector
item-update document (``shared/seeds/002``, cited by line) leaves open, and
runs the real sync against it.
"""

from odoo.addons.marketplace_catalog.tests.common import later
from odoo.tests import tagged

from .common import SpectorCase
from .spector_server import make_item


@tagged("post_install", "-at_install")
class TestSpectorAlternativeForms(SpectorCase):
    def test_connection_and_full_sync_against_every_envelope(self):
        # line 4: "retrieved from the Spector API using the 'ItemInfo' endpoint. Data is
        # fetched in batches." -- the answer's envelope is not named
        for envelope in ("bare", "odata", "single"):
            with self.subTest(envelope=envelope):
                self.fake.envelope = envelope
                action = self.account.action_test_connection()
                self.assertIn("Connected to Spector", action["params"]["message"])
                job = self.sync(full=True)
                self.assertEqual(job.result["items_fetched"], 30)
                self.assertFalse(job.result.get("rejected"))
                self.assertTrue(self.product("HAM-1").active)

    def test_article_info_encoded_any_number_of_times_is_decoded(self):
        # line 19: ItemInfo / ShortItemInfo are "added as an item category after HTML decoding"
        self.fake.items = [
            make_item(
                "HTML-1",
                WebshopInfo={
                    "ViewInShop": True,
                    "ItemInfo": "<p>Ask &amp;amp;amp; gummi</p>",
                    "ShortItemInfo": "Fish &amp; chips",
                },
            )
        ]
        self.sync()
        link = self.product("HTML-1").product_tmpl_id.marketplace_catalog_ids
        self.assertEqual(link.info["Article info"], "Ask & gummi")
        self.assertEqual(self.product("HTML-1").description_sale, "Fish & chips\n\nAsk & gummi")

    def test_language_article_info_in_any_spelling(self):
        # line 23: descriptions mapped "based on the 'LanguageCodeISO1' from Spector"
        self.map_language("de", "base.lang_de")
        self.map_language("en", "base.lang_en")
        self.fake.items = [
            make_item(
                "LANG-1",
                LanguageArticleInfo=[
                    {"LanguageCode": "en-US", "Description": "Claw hammer"},
                    {"Culture": "DE", "Description": "Klauenhammer"},
                ],
            )
        ]
        self.sync()
        self.assertEqual(self.product("LANG-1").with_context(lang="en_US").name, "Claw hammer")
        self.assertEqual(self.product("LANG-1").with_context(lang="de_DE").name, "Klauenhammer")

    def test_shelf_stock_of_named_warehouses_on_full_and_incremental_syncs(self):
        # line 16 and 51: with 'Warehouses' set, stock is filtered by those warehouses
        # (default or not) and 'ShowShelfStock' uses ShelfStock
        self.account.write(
            {"catalog_warehouse_codes": "butik;Reservlager", "catalog_stock_source": "on_shelf"}
        )
        stocks = [
            {
                "WarehouseName": "Huvudlager",
                "AvailableStock": 5,
                "ShelfStock": 7,
                "IsDefaultStock": True,
            },
            {
                "WarehouseName": "Butik",
                "AvailableStock": 1,
                "ShelfStock": 3,
                "IsDefaultStock": False,
            },
            {
                "WarehouseName": "Reservlager",
                "AvailableStock": 2,
                "ShelfStock": 4,
                "IsDefaultStock": True,
            },
        ]
        self.fake.items = [make_item("STK-1", Stocks=stocks)]
        job = self.sync(full=True)
        self.assertEqual(job.result["sync_mode"], "full")
        self.assertEqual(self.on_hand("STK-1"), 7, "shelf stock of Butik (3) + Reservlager (4)")
        stocks[1]["ShelfStock"] = 10
        self.fake.items[0]["Modified"] = later()
        job = self.sync()
        self.assertEqual(job.result["sync_mode"], "incremental")
        self.assertEqual(self.on_hand("STK-1"), 14)

    def test_the_job_says_which_fields_it_did_not_read(self):
        self.fake.items = [make_item("ODD-1", Colour="Red"), make_item("ODD-2")]
        for raw in self.fake.items:
            raw["Stocks"] = [{"Lager": "A", "AvailableStock": 1}]
        job = self.sync()
        self.assertEqual(
            job.result["fields_not_understood"],
            {"ItemInfo": ["Colour (1, e.g. ODD-1)"], "ItemInfo.Stocks": ["Lager (2, e.g. ODD-1)"]},
        )
        self.assertIn(
            "Warehouse / WarehouseName / WarehouseCode",
            job.result["fields_never_seen"]["ItemInfo.Stocks"],
        )

    def test_a_code_under_another_name_is_named_in_the_failed_job(self):
        self.fake.items = [make_item(f"ART-{n}") for n in range(3)]
        for raw in self.fake.items:
            raw["ArticleCode"] = raw.pop("ItemCode")
        job = self.account._enqueue_job("sync_catalog")
        self.run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertIn("3 of 3 items from Spector ERP could not be read", job.error_message)
        self.assertIn(
            "read by nothing (see Fields not understood): ItemInfo: ArticleCode (3)",
            job.error_message,
        )
