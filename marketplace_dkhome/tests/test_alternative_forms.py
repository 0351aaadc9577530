"""A DkHome server that follows the document but picks other plausible shapes.

Each test changes the fixture into one alternative form the DkHome
item-update document (``shared/seeds/003``, cited by line) leaves open, and
runs the real sync against it.
"""

from odoo.tests import tagged

from .common import DkHomeCase
from .dkhome_server import make_item


def rename(rows, old, new):
    for row in rows:
        row[new] = row.pop(old)


@tagged("post_install", "-at_install")
class TestDkHomeAlternativeForms(DkHomeCase):
    def test_connection_and_full_sync_against_every_envelope(self):
        # line 17: "/Items?$orderby=ItemCode&$skip={offset}", line 21: "/Warehouses":
        # the envelope is not named; a bare array, OData with @odata keys and
        # {Items, TotalCount} are all read, every collection alike
        for envelope in ("bare", "odata_count", "items"):
            with self.subTest(envelope=envelope):
                self.fake.envelope, self.fake.page_size = envelope, 7
                action = self.account.action_test_connection()
                self.assertEqual(
                    action["params"]["message"], "Connected to DkHome: 3 warehouses (01, 02, 03)."
                )
                job = self.sync(full=True)
                self.assertEqual(job.result["items_fetched"], 30)
                self.assertFalse(job.result.get("rejected"))
                self.assertTrue(self.product("HAM-1").active)
                self.assertEqual(self.pricelist("CH").name, "Schweiz", "/PriceLists read too")

    def test_language_codes_in_any_spelling_and_case(self):
        # line 167: descriptions map "based on the DescriptionField property of the
        # matched language" -- the row's language key and case are not named
        self.map_language("de", "base.lang_de")
        self.map_language("en", "base.lang_en")
        self.fake.items = [
            make_item(
                "LANG-1",
                Descriptions=[
                    {"LanguageCode": "NL", "Description": "Klauwhamer"},
                    {"LanguageCode": "de-DE", "Description": "Klauenhammer"},
                    {"LanguageCode": "EN", "Description": "Claw hammer"},
                ],
            ),
            make_item(
                "LANG-2",
                Descriptions=[
                    {"Culture": "nl-NL", "Description": "Zaag"},
                    {"Culture": "de-de", "Description": "Säge"},
                ],
            ),
        ]
        self.sync()
        hammer = self.product("LANG-1")
        self.assertEqual(hammer.with_context(lang="de_DE").name, "Klauenhammer")
        self.assertEqual(hammer.with_context(lang="en_US").name, "Claw hammer")
        saw = self.product("LANG-2")
        self.assertEqual(saw.with_context(lang="de_DE").name, "Säge", "not the first description")
        self.assertEqual(saw.with_context(lang="en_US").name, "Zaag")

    def test_stock_values_as_key_value_pairs_and_the_last_available_stock_fallback(self):
        # line 333: "StockValues (a list of key-value pairs like AvailableStock, ShelfStock,
        # ToBeReceived, ToBeDelivered)"; line 335: LastAvailableStock when not provided
        self.fake.items = [
            make_item(
                "KV-1",
                StockValues=[
                    {"Key": "AvailableStock", "Value": 12},
                    {"Key": "ShelfStock", "Value": 15},
                ],
            ),
            make_item(
                "KV-2",
                StockValues=[
                    {"Warehouse": "01", "Key": "ShelfStock", "Value": 4},
                    {"Warehouse": "01", "Key": "ToBeReceived", "Value": 3},
                    {"Warehouse": "02", "Key": "AvailableStock", "Value": 5},
                ],
            ),
            make_item(
                "KV-3",
                LastAvailableStock=8,
                StockValues=[{"Magazijn": "01", "Voorraad": 3}],
            ),
        ]
        job = self.sync()
        self.assertEqual(self.on_hand("KV-1"), 12)
        self.assertEqual(self.on_hand("KV-2"), 12, "formula in 01 (4 + 3) plus 5 in 02")
        self.assertEqual(self.on_hand("KV-3"), 8, "unreadable StockValues: LastAvailableStock")
        self.assertEqual(
            job.result["fields_not_understood"]["Items.StockValues"],
            ["Magazijn (1, e.g. KV-3)", "Voorraad (1, e.g. KV-3)"],
        )

    def test_free_fields_as_named_fields(self):
        # line 181: FreeFields "a list of key-value pairs (Key, Value)"
        self.fake.items = [
            make_item("FF-1", FreeFields=[{"Materiaal": "Staal", "Gewicht": "500 g"}]),
            make_item("FF-2", FreeFields=[{"Key": "Materiaal", "Value": "Hout"}]),
        ]
        self.sync()
        self.assertEqual(self.link("FF-1").free_fields, {"Materiaal": "Staal", "Gewicht": "500 g"})
        self.assertEqual(self.link("FF-2").free_fields, {"Materiaal": "Hout"})

    def test_prices_embedded_as_item_prices_matched_by_external_id(self):
        # line 19: "Item-specific sales prices are included with each item"; line 197:
        # an empty ItemCode is the parent item's; line 209: the matched list's Code
        # and Description are used
        self.fake.items = [
            make_item(
                "PR-1",
                ItemPrices=[
                    {"PriceExcl": 31.0, "PriceListExternalId": "PL-CHF"},
                    {
                        "ItemCode": "",
                        "PriceExcl": 22.0,
                        "PriceListId": self.fake.price_lists[2]["Id"],
                    },
                ],
            ),
            make_item(
                "PR-2",
                Prices=[
                    {"ItemCode": "PR-2", "PriceExclVat": 33.0, "PriceListExternalId": "PL-CHF"}
                ],
            ),
        ]
        job = self.sync()
        product = self.product("PR-1")
        swiss = self.pricelist("CH")
        self.assertEqual((swiss.name, swiss.currency_id.name), ("Schweiz", "CHF"))
        self.assertAlmostEqual(swiss._get_product_price(product, 1), 31.0)
        self.assertAlmostEqual(self.pricelist("D1")._get_product_price(product, 1), 22.0)
        self.assertAlmostEqual(swiss._get_product_price(self.product("PR-2"), 1), 33.0)
        self.assertNotIn("ItemPrices", job.result.get("fields_not_understood", {}))

    def test_group_translations_in_other_spellings_reach_every_mapped_language(self):
        # line 359: translations "retrieved from the API via /ItemGroupNameTranslations
        # and /ItemGroupValueTranslations" -- their row fields are not named
        self.map_language("EN", "base.lang_en")
        self.map_language("de", "base.lang_de")
        for rows in (self.fake.group_name_translations, self.fake.group_value_translations):
            rename(rows, "Language", "LanguageCode")
            rename(rows, "Text", "Translation")
            for row in rows:
                row["LanguageCode"] = row["LanguageCode"].upper()
        self.sync()
        tag = self.product("HAM-1").product_tag_ids
        self.assertEqual(tag.with_context(lang="en_US").name, "Category: Tools")
        self.assertEqual(tag.with_context(lang="de_DE").name, "Kategorie: Werkzeug")

    def test_the_job_says_which_fields_it_did_not_read(self):
        self.map_language("nl", "base.lang_nl")
        self.fake.items = [
            make_item("ODD-1", Kleur="Rood", Descriptions=[{"Lang": "nl", "Description": "X"}]),
            make_item("ODD-2", Kleur="Blauw", Descriptions=[]),
        ]
        for item in self.fake.items:
            del item["NextDelivery"]
        job = self.sync()
        self.assertEqual(job.result["fields_not_understood"]["Items"], ["Kleur (2, e.g. ODD-1)"])
        self.assertIn("NextDelivery", job.result["fields_never_seen"]["Items"])
        self.assertEqual(
            job.result["fields_not_understood"]["Items.Descriptions"], ["Lang (1, e.g. ODD-1)"]
        )
        self.assertIn(
            "Language / LanguageCode / LanguageCodeISO1 / Culture",
            job.result["fields_never_seen"]["Items.Descriptions"],
        )
        self.assertTrue(
            any("Items: Kleur (2, e.g. ODD-1)" in text for text in job.result["warnings"])
        )
