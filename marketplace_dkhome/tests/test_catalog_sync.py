import base64

from odoo.addons.marketplace_catalog.tests.common import later
from odoo.tests import tagged

from .common import DkHomeCase, png_bytes
from .dkhome_server import make_item


@tagged("post_install", "-at_install")
class TestDkHomeSync(DkHomeCase):
    def test_every_mapped_field_lands_where_the_readme_says(self):
        self.map_language("de", "base.lang_de")
        job = self.sync()
        self.assertEqual(job.result["items_fetched"], 30)
        self.assertEqual(job.result["created"], 30, job.result.get("errors"))

        hammer = self.product("HAM-1")
        self.assertEqual(hammer.with_context(lang="en_US").name, "Klauwhamer 500 g")
        self.assertEqual(hammer.with_context(lang="de_DE").name, "Klauenhammer 500 g")
        self.assertEqual(hammer.barcode, "8719876543210")
        self.assertEqual(hammer.list_price, 25.5)
        self.assertEqual(hammer.taxes_id, self.tax)
        self.assertEqual(hammer.uom_id, self.env.ref("uom.product_uom_unit"))
        self.assertEqual(self.product("LAMP-1").uom_id, self.env.ref("uom.product_uom_kgm"))
        self.assertFalse(self.product("SAW-1").barcode)
        tag = hammer.product_tag_ids
        self.assertEqual(tag.with_context(lang="en_US").name, "Categorie: Gereedschap")
        self.assertEqual(tag.with_context(lang="de_DE").name, "Kategorie: Werkzeug")

        link = self.link("HAM-1")
        self.assertEqual(link.product_id, hammer)
        self.assertEqual(
            (link.free_sort_field, link.accepts_default_discount, link.stock_indicator),
            ("A-010", False, 2),
        )
        self.assertEqual((link.last_available_stock, link.package_size), (99.0, 6.0))
        self.assertEqual(str(link.next_delivery), "2026-12-10")
        self.assertEqual((link.vat_percent, link.source_unit), (21.0, "Units"))
        self.assertEqual(str(link.source_created_at), "2025-01-15 10:30:00")
        self.assertEqual(str(link.source_modified_at), "2026-11-01 08:00:00")
        self.assertEqual(link.free_fields, {"Materiaal": "Staal", "Gewicht": "500 g"})
        self.assertIn("Staal", link.free_fields_html)
        self.assertEqual(self.link("LAST-1").stock_indicator, -1, "none sent, none stored")

        self.assertEqual(self.on_hand("HAM-1"), 14, "every warehouse's available stock")
        self.assertEqual(self.on_hand("FORMULA-1"), 9, "shelf + to receive - to deliver")
        self.assertEqual(self.on_hand("LAST-1"), 12, "LastAvailableStock without StockValues")

        self.assertEqual(self.image_of(hammer), png_bytes("red"), "PictureUrl, relative")
        lamp = self.product("LAMP-1").product_tmpl_id
        self.assertEqual(
            self.image_of(lamp.product_variant_id), png_bytes("yellow"), "lowest sequence first"
        )
        extra = self.env["ir.attachment"].search(
            [("res_model", "=", "product.template"), ("res_id", "=", lamp.id)]
        )
        self.assertEqual(extra.mapped("raw"), [png_bytes("blue")])

        rerun = self.sync(full=True)
        self.assertEqual((rerun.result["created"], rerun.result["updated"]), (0, 0))
        self.assertEqual(rerun.result["unchanged"], 30)

    def test_prices_go_to_the_source_price_lists(self):
        job = self.sync()
        hammer, saw = self.product("HAM-1"), self.product("SAW-1")
        base = self.pricelist("1")
        self.assertEqual((base.name, base.currency_id.name), ("Verkoopprijs", "EUR"))
        self.assertAlmostEqual(base._get_product_price(hammer, 1), 25.5)
        chf = self.pricelist("CH")
        self.assertEqual((chf.name, chf.currency_id.name), ("Schweiz", "CHF"))
        self.assertAlmostEqual(chf._get_product_price(hammer, 1), 31.0, msg="by external id")
        dealer = self.pricelist("D1")
        self.assertEqual(dealer.name, "Dealerkorting")
        self.assertAlmostEqual(dealer._get_product_price(hammer, 1), 21.0)
        self.assertAlmostEqual(dealer._get_product_price(saw, 1), 0.0, msg="as the ERP says")
        self.assertTrue(self.pricelist(f"C-{self.currency}"), "the company's list is there")
        self.assertEqual(
            base.item_ids.filtered(lambda r: r.product_tmpl_id == hammer.product_tmpl_id).mapped(
                "fixed_price"
            ),
            [25.5],
            "the price on no list is skipped: the ERP provides PriceList 1",
        )
        self.assertIn(
            "1 price(s) without a known price list were skipped: the ERP provides PriceList 1.",
            job.result["warnings"],
        )

        self.fake.price_lists = [pl for pl in self.fake.price_lists if pl["Code"] != "1"]
        self.fake.item("HAM-1")["Modified"] = later()
        self.sync()
        default = self.pricelist("1")
        self.assertEqual(default.name, "Verkoopprijs", "the list keeps its name")
        self.assertAlmostEqual(
            default._get_product_price(hammer, 1), 19.0, msg="unlisted prices go to list 1"
        )

    def test_matrix_family_keyed_by_value_with_the_axis_label_as_description(self):
        job = self.sync()
        codes = ["TS-ROOD-M", "TS-ROOD-L", "TS-BLAUW-M", "TS-BLAUW-L", "TS-GROEN-M"]
        variants = self.env["product.product"].browse([self.product(c).id for c in codes])
        self.assertEqual(len(variants), 5, job.result.get("errors"))
        template = variants.product_tmpl_id
        self.assertEqual(len(template), 1)
        self.assertEqual(template.name, "T-shirt basic")
        self.assertEqual(template.product_variant_count, 5, "Groen / L is no cell: not offered")
        self.assertEqual(
            sorted(self.product("TS-BLAUW-L").product_template_attribute_value_ids.mapped("name")),
            ["Blauw", "L"],
        )
        red_m = self.product("TS-ROOD-M")
        self.assertEqual(base64.b64decode(red_m.image_variant_1920), png_bytes("red"))
        link = self.link("TS-ROOD-M")
        self.assertEqual((link.parent_code, link.matrix_id), ("TSHIRT", "9a1b-tshirt"))
        self.assertEqual(link.matrix_cell, "X: Rood (Kleur) / Y: M (Maat)")
        self.assertFalse(job.result["errors"])

        twin = dict(self.fake.item("TS-ROOD-L"), ItemCode="TS-ROOD-L2", Modified=later())
        self.fake.items.append(twin)
        job = self.sync()
        self.assertFalse(self.product("TS-ROOD-L2"))
        self.assertEqual(len(job.result["errors"]), 1)
        self.assertIn("TS-ROOD-L2: same matrix cell as TS-ROOD-L", job.result["errors"][0])

    def test_warehouse_setting_and_shelf_stock(self):
        self.account.catalog_warehouse_codes = "01;03"
        self.sync()
        self.assertEqual(self.on_hand("HAM-1"), 7)
        self.account.write({"catalog_warehouse_codes": "02", "catalog_stock_source": "on_shelf"})
        self.sync(full=True)
        self.assertEqual(self.on_hand("HAM-1"), 7)
        self.assertEqual(self.on_hand("LAST-1"), 0, "LastAvailableStock is no warehouse's")

    def test_pictures_trust_only_this_channels_hosts(self):
        account = self.account.sudo()
        account.dkhome_picture_base_url = "http://10.1.2.3:8080/img"
        # other channels' URL settings, on every account when they are installed
        # (the whole suite in make test; none when DkHome is tested alone)
        others = [
            name
            for name, field in account._fields.items()
            if field.type == "char"
            and name.endswith("_url")
            and not field.compute
            and not name.startswith(("dkhome_", "catalog_"))
        ]
        for name in others:
            account[name] = "http://10.9.9.9/api"
        hosts = account._catalog_picture_hosts()
        self.assertIn("10.1.2.3", hosts)
        self.assertNotIn("10.9.9.9", hosts, f"another channel's setting ({others}) is no host")

    def test_images_only_from_pim_reads_no_pictures(self):
        self.account.dkhome_images_only_from_pim = True
        job = self.sync()
        self.assertFalse(self.product("HAM-1").image_1920)
        self.assertFalse([r for r in self.server.requests if r.path.startswith("/img/")])
        self.assertNotIn("pictures_fetched", job.result)

    def test_hierarchical_item_groups_with_dutch_german_french_texts(self):
        self.map_language("de", "base.lang_de")
        self.map_language("fr", "base.lang_fr")
        self.account.dkhome_multiple_group_levels = True
        self.fake.items = [
            make_item(
                "HAM-9",
                ItemGroups=[
                    {"Level": 1, "Name": "Gereedschap", "GermanText": "Werkzeug"},
                    {"Level": 2, "Name": "", "DutchText": "Hamers", "FrenchText": "Marteaux"},
                ],
            )
        ]
        self.sync()
        tags = self.product("HAM-9").product_tag_ids.sorted("name")
        self.assertEqual(tags.mapped("name"), ["1: Gereedschap", "2: Hamers"])
        self.assertEqual(tags[0].with_context(lang="de_DE").name, "1: Werkzeug")
        self.assertEqual(tags[1].with_context(lang="fr_FR").name, "2: Marteaux")

    def test_english_translations_name_the_tag(self):
        self.map_language("en", "base.lang_en")
        self.map_language("de", "base.lang_de")
        self.sync()
        tag = self.product("HAM-1").product_tag_ids
        self.assertEqual(tag.with_context(lang="en_US").name, "Category: Tools")
        self.assertEqual(tag.with_context(lang="de_DE").name, "Kategorie: Werkzeug")

    def test_incremental_sync_and_the_stored_stock_indicator(self):
        self.sync()
        untouched = self.product("ART-011").product_tmpl_id
        written = untouched.write_date
        self.fake.item("HAM-1").update(SalesPriceExcl=27.0, StockIndicator=None, Modified=later())
        self.server.requests.clear()
        job = self.sync()
        self.assertEqual(job.result["sync_mode"], "incremental")
        request = self.server.requests_to("/api/Items")[0]
        self.assertIn("Modified gt", request.arg("$filter"))
        self.assertEqual((job.result["items_fetched"], job.result["updated"]), (1, 1))
        self.assertEqual(self.product("HAM-1").list_price, 27.0)
        self.assertEqual(self.link("HAM-1").stock_indicator, 2, "kept: none sent")
        self.assertEqual(untouched.write_date, written)

    def test_an_item_no_longer_returned_is_archived_by_a_full_sync(self):
        self.sync()
        self.fake.items = [i for i in self.fake.items if i["ItemCode"] != "ART-012"]
        job = self.sync(full=True)
        self.assertFalse(self.product("ART-012").active)
        self.assertEqual(job.result["archived"], 1)

    def test_a_server_ignoring_skip_fails_the_sync(self):
        self.fake.page_size, self.fake.ignore_skip = 10, True
        job = self.account._enqueue_job("sync_catalog")
        self.run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertIn("DkHome /Items: page 2 repeats page 1", job.error_message)
        self.assertFalse(self.product("HAM-1"), "nothing was written")

    def test_disable_batch_update_archives_nothing(self):
        self.sync()
        self.fake.page_size = 10
        self.account.dkhome_disable_batch_update = True
        job = self.sync(full=True)
        self.assertEqual(job.result["archived"], 0)
        self.assertTrue(self.product("TS-ROOD-M").active)
        self.assertIn(
            "Batch update is disabled: only the first page of items was read.",
            job.result["warnings"],
        )

    def test_a_stock_only_change_touches_only_stock(self):
        self.sync()
        template = self.product("HAM-1").product_tmpl_id
        written = template.write_date
        hammer = self.fake.item("HAM-1")
        hammer.update(LastAvailableStock=40, StockIndicator=5, Modified=later())
        hammer["StockValues"][0]["AvailableStock"] = 25
        job = self.sync()
        self.assertEqual((job.result["updated"], job.result["unchanged"]), (0, 1))
        self.assertEqual(template.write_date, written, "the product was not rewritten")
        self.assertEqual(self.on_hand("HAM-1"), 34, "25 + 7 + 2")
        link = self.link("HAM-1")
        self.assertEqual((link.last_available_stock, link.stock_indicator), (40.0, 5))

    def test_matrix_cells_keep_their_own_sales_price(self):
        # line 77-81: SalesPrice <- SalesPriceExcl, for every item, matrix cells included
        for code, price in (("TS-ROOD-L", 14.5), ("TS-BLAUW-L", 14.5)):
            self.fake.item(code)["SalesPriceExcl"] = price
        job = self.sync()
        prices = {
            code: self.product(code).lst_price
            for code in ("TS-ROOD-M", "TS-ROOD-L", "TS-BLAUW-M", "TS-BLAUW-L", "TS-GROEN-M")
        }
        self.assertEqual(
            prices,
            {
                "TS-ROOD-M": 12.5,
                "TS-ROOD-L": 14.5,
                "TS-BLAUW-M": 12.5,
                "TS-BLAUW-L": 14.5,
                "TS-GROEN-M": 12.5,
            },
        )
        self.assertFalse([w for w in job.result.get("warnings", []) if "Matrix" in w])

        self.fake.item("TS-BLAUW-M").update(SalesPriceExcl=13.0, Modified=later())
        job = self.sync()
        self.assertIn(
            "Matrix T-shirt basic: the cells' prices follow neither axis",
            " ".join(job.result["warnings"]),
        )
        self.assertAlmostEqual(
            self.pricelist(f"C-{self.currency}")._get_product_price(self.product("TS-BLAUW-M"), 1),
            13.0,
            msg="the cell's own price is in the company currency's list",
        )
