import base64
from datetime import UTC, datetime, timedelta

from odoo.tests import tagged

from .common import DkHomeCase, png_bytes, raw_item


def later(minutes=1):
    moment = datetime.now(UTC) + timedelta(minutes=minutes)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@tagged("post_install", "-at_install")
class TestCatalogSync(DkHomeCase):
    def test_items_become_products_and_a_rerun_changes_nothing(self):
        self.fake.items = [
            raw_item(" HAM-1 ", Description="Hammer", EAN="5701234567892", SalesPrice=25.5),
            raw_item(
                "SAW-1", Description="Saw", FreeFields=[{"Key": "Material", "Value": "Steel"}]
            ),
        ]
        job = self.sync()
        hammer = self.product("HAM-1")
        self.assertEqual(hammer.name, "Hammer")
        self.assertEqual(hammer.barcode, "5701234567892")
        self.assertEqual(hammer.list_price, 25.5)
        self.assertTrue(hammer.is_storable)
        self.assertEqual(job.result["created"], 2)
        link = self.product("SAW-1").product_tmpl_id.marketplace_catalog_ids
        self.assertEqual(link.free_fields, {"Material": "Steel"})
        self.assertIn("Steel", link.free_fields_html)

        job2 = self.sync(full=True)
        self.assertEqual((job2.result["created"], job2.result["updated"]), (0, 0))
        self.assertEqual(job2.result["unchanged"], 2)
        self.assertEqual(
            self.env["product.product"].search_count([("default_code", "=", "HAM-1")]), 1
        )

    def test_matrix_items_become_variants_of_one_template(self):
        red = self.serve_picture("/img/red.png", png_bytes("red"))

        def cell(code, x, y):
            return raw_item(
                code,
                SalesPrice=20.0,
                Pictures=[{"Url": red, "Sequence": 1}] if x == "RED" else [],
                Matrix={
                    "ParentCode": "TSHIRT",
                    "ParentDescription": "T-shirt",
                    "XValue": x,
                    "XDescription": x.title(),
                    "YValue": y,
                    "YDescription": y,
                },
            )

        variants_setting = self.env.ref("product.group_product_variant")
        self.env.ref("base.group_user")._remove_group(variants_setting)
        self.fake.items = [
            cell("TS-RED-M", "RED", "M"),
            cell("TS-RED-L", "RED", "L"),
            cell("TS-BLUE-M", "BLUE", "M"),
        ]
        self.sync()
        variants = self.product("TS-RED-M") | self.product("TS-RED-L") | self.product("TS-BLUE-M")
        self.assertEqual(len(variants), 3)
        template = variants.product_tmpl_id.with_context(active_test=True)
        self.assertEqual(len(template), 1)
        self.assertEqual(template.name, "T-shirt")
        self.assertEqual(
            sorted(template.attribute_line_ids.attribute_id.mapped("name")), ["Colour", "Size"]
        )
        red_m = self.product("TS-RED-M")
        self.assertEqual(
            sorted(red_m.product_template_attribute_value_ids.mapped("name")), ["M", "Red"]
        )
        # Blue / L is no cell of the source's matrix: not offered
        self.assertEqual(template.product_variant_count, 3)
        self.assertEqual(self.image_of(red_m), png_bytes("red"))
        self.assertEqual(
            base64.b64decode(red_m.image_variant_1920), png_bytes("red"), "the cell's own picture"
        )
        self.assertFalse(self.product("TS-BLUE-M").image_variant_1920)
        self.assertIn(
            variants_setting,
            self.env.ref("base.group_user").implied_ids,
            "the Variants setting is on, so users see them",
        )

        self.fake.items.append(dict(cell("TS-BLUE-L", "BLUE", "L"), Modified=later()))
        self.sync()
        self.assertEqual(self.product("TS-BLUE-L").product_tmpl_id, template)
        self.assertEqual(template.product_variant_count, 4)

    def test_descriptions_land_in_the_mapped_languages(self):
        self.env["res.lang"]._activate_lang("sv_SE")
        self.env["marketplace.catalog.language"].create(
            {
                "account_id": self.account.id,
                "erp_code": "sv",
                "lang_id": self.env.ref("base.lang_sv_SE").id,
            }
        )
        self.fake.items = [
            raw_item(
                "HAM-1",
                Description="Hammer",
                Descriptions=[
                    {"Language": "sv", "Text": "Hammare"},
                    {"Language": "fi", "Text": "Vasara"},
                ],
                ItemGroups=[{"Level": 1, "Group": "Category", "Value": "Tools"}],
            )
        ]
        self.fake.group_name_translations = [
            {"Group": "Category", "Language": "sv", "Text": "Kategori"}
        ]
        self.fake.group_value_translations = [
            {"Group": "Category", "Value": "Tools", "Language": "sv", "Text": "Verktyg"}
        ]
        self.sync()
        hammer = self.product("HAM-1")
        self.assertEqual(hammer.with_context(lang="en_US").name, "Hammer")
        self.assertEqual(hammer.with_context(lang="sv_SE").name, "Hammare")
        tag = hammer.product_tag_ids
        self.assertEqual(tag.with_context(lang="en_US").name, "Category: Tools")
        self.assertEqual(tag.with_context(lang="sv_SE").name, "Kategori: Verktyg")

    def test_item_classes_as_attributes_make_no_variants(self):
        self.account.catalog_class_mode = "attributes"
        groups = [
            {"Level": 1, "Group": "Category", "Value": "Tools"},
            {"Level": 2, "Group": "Category", "Value": "Hammers"},
        ]
        self.account.dkhome_multiple_group_levels = True
        self.fake.items = [raw_item("HAM-1", ItemGroups=groups)]
        self.sync()
        template = self.product("HAM-1").product_tmpl_id
        line = template.attribute_line_ids
        self.assertEqual(line.attribute_id.name, "Category")
        self.assertEqual(line.attribute_id.create_variant, "no_variant")
        self.assertEqual(line.value_ids.name, "Tools / Hammers")
        self.assertEqual(template.product_variant_count, 1)
        self.assertFalse(template.product_tag_ids)

    def test_stock_sums_the_selected_warehouses(self):
        self.fake.warehouses = [
            {"Code": "01", "Name": "Main", "IsDefault": True},
            {"Code": "02", "Name": "Shop", "IsDefault": False},
            {"Code": "03", "Name": "Outlet", "IsDefault": True},
        ]
        stock = [
            {"Warehouse": "01", "Available": 5, "OnShelf": 6, "ToReceive": 0, "ToDeliver": 1},
            {"Warehouse": "02", "Available": 7, "OnShelf": 7, "ToReceive": 0, "ToDeliver": 0},
            {"Warehouse": "03", "Available": 2, "OnShelf": 4, "ToReceive": 0, "ToDeliver": 2},
        ]
        self.fake.items = [raw_item("HAM-1", Stock=stock)]
        self.sync()
        hammer = self.product("HAM-1")
        # the source's default warehouses (01 and 03), available stock
        self.assertEqual(hammer.with_context(location=self.location.id).qty_available, 7)

        self.account.write(
            {"catalog_warehouse_codes": "01; 02", "catalog_stock_source": "on_shelf"}
        )
        job = self.sync(full=True)
        self.assertEqual(
            hammer.with_context(location=self.location.id).qty_available, 13, job.result
        )
        self.assertEqual(job.result["stocks_updated"], 1)
        moves = self.env["stock.move"].search(
            [("product_id", "=", hammer.id), ("is_inventory", "=", True)]
        )
        self.assertEqual(len(moves), 2, "each change is an inventory adjustment in the history")

    def test_mapped_warehouses_feed_their_own_locations(self):
        shop = self.env["stock.location"].create(
            {"name": "Shop floor", "usage": "internal", "location_id": self.location.id}
        )
        self.account.write(
            {
                "stock_warehouse_mode": "map",
                "stock_location_map_ids": [
                    (0, 0, {"remote_code": "01", "location_id": self.location.id}),
                    (0, 0, {"remote_code": "02", "location_id": shop.id}),
                ],
            }
        )
        stock = [
            {"Warehouse": "01", "Available": 5, "OnShelf": 6, "ToReceive": 0, "ToDeliver": 0},
            {"Warehouse": "02", "Available": 3, "OnShelf": 3, "ToReceive": 0, "ToDeliver": 0},
        ]
        self.fake.items = [raw_item("HAM-1", Stock=stock)]
        job = self.sync()
        hammer = self.product("HAM-1")
        Quant = self.env["stock.quant"]
        self.assertEqual(Quant._get_available_quantity(hammer, shop), 3, job.result)
        self.assertEqual(
            Quant._get_available_quantity(hammer, self.location, strict=True), 5, job.result
        )
        self.assertEqual(job.result["stocks_updated"], 2)

    def test_a_missing_picture_is_remembered_and_not_retried(self):
        good = self.serve_picture("/img/ham.png")
        back = self.serve_picture("/img/ham-back.png", png_bytes("blue"))
        missing = f"{self.server.url}/img/missing.png"
        self.fake.items = [
            raw_item(
                "HAM-1",
                Pictures=[{"Url": back, "Sequence": 2}, {"Url": good, "Sequence": 1}],
            ),
            raw_item("SAW-1", Pictures=[{"Url": missing, "Sequence": 1}]),
        ]
        job = self.sync()
        hammer = self.product("HAM-1").product_tmpl_id
        self.assertEqual(self.image_of(hammer.product_variant_id), png_bytes())
        extra = self.env["ir.attachment"].search(
            [("res_model", "=", "product.template"), ("res_id", "=", hammer.id)]
        )
        self.assertEqual(extra.mapped("raw"), [png_bytes("blue")], "the other pictures")
        self.assertFalse(self.product("SAW-1").product_tmpl_id.image_1920)
        self.assertEqual(job.result["pictures_fetched"], 2)
        self.assertEqual(job.result["pictures_failed"], 1)
        self.assertIn("HTTP 404", job.result["picture_failures"][0])

        # both items change, so both pictures are wanted again
        for raw in self.fake.items:
            raw["Description"] += " v2"
        job2 = self.sync(full=True)
        self.assertEqual(job2.result["updated"], 2)
        self.assertEqual(len(self.server.requests_to("/img/missing.png")), 1)
        self.assertEqual(len(self.server.requests_to("/img/ham.png")), 1, "cached by URL")
        self.assertEqual(job2.result["pictures_not_retried"], 1)

    def test_incremental_sync_reads_and_writes_only_modified_items(self):
        self.fake.items = [raw_item(f"IT-{n}", SalesPrice=10.0) for n in range(5)]
        self.sync()
        untouched = self.product("IT-0").product_tmpl_id
        written = untouched.write_date
        self.fake.items[3].update(SalesPrice=12.5, Modified=later())
        self.server.requests.clear()
        job = self.sync()
        self.assertEqual(job.result["sync_mode"], "incremental")
        request = self.server.requests_to("/api/Items")[0]
        self.assertIn("Modified gt", request.arg("$filter"))
        self.assertEqual(job.result["items_fetched"], 1)
        self.assertEqual(job.result["updated"], 1)
        self.assertEqual(self.product("IT-3").list_price, 12.5)
        self.assertEqual(untouched.write_date, written)

    def test_full_sync_archives_a_vanished_item_and_restores_it(self):
        self.fake.items = [raw_item("KEEP"), raw_item("GONE")]
        other = self.env["product.product"].create({"name": "Mine", "default_code": "MINE"})
        self.sync()
        self.fake.items = [raw_item("KEEP")]
        job = self.sync()
        self.assertTrue(self.product("GONE").active, "an incremental sync archives nothing")
        self.assertEqual(job.result["archived"], 0)

        job = self.sync(full=True)
        gone = self.product("GONE")
        self.assertFalse(gone.active)
        self.assertTrue(gone.exists(), "archived, never deleted")
        self.assertTrue(other.active, "products the account did not create are left alone")
        self.assertEqual(job.result["archived"], 1)

        self.fake.items.append(raw_item("GONE", Modified=later()))
        job = self.sync()
        self.assertTrue(self.product("GONE").active)
        self.assertEqual(job.result["restored"], 1)

    def test_a_long_sync_continues_in_parts(self):
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param("marketplace_catalog.batch_size", "2")
        Param.set_param("marketplace_catalog.chunk_seconds", "0.000001")
        stock = [{"Warehouse": "01", "Available": 3, "OnShelf": 3}]
        self.fake.items = [raw_item(f"P{n}", Stock=stock) for n in range(5)]
        first = self.sync(full=True)
        self.assertEqual((first.result["resume_after"], first.result["items_left"]), ("P1", 3))
        self.assertIn("3 items left, continued in job", first.summary)
        jobs = self.env["marketplace.job"].search(
            [("account_id", "=", self.account.id), ("job_type", "=", "sync_catalog")], order="id"
        )
        self.assertEqual(jobs.mapped("state"), ["done"] * 3)
        self.assertIn("(part 3)", jobs[-1].name)
        self.assertEqual(sum(job.result["created"] for job in jobs), 5)
        self.assertTrue(self.account.catalog_last_full_sync_at)
        on_hand = self.product("P4").with_context(location=self.location.id).qty_available
        self.assertEqual(on_hand, 3)

        self.fake.items.pop(0)
        self.sync(full=True)
        jobs = self.env["marketplace.job"].search(
            [("account_id", "=", self.account.id), ("job_type", "=", "sync_catalog")], order="id"
        )[3:]
        self.assertEqual([job.result["archived"] for job in jobs], [0, 1], "archived at the end")
        self.assertFalse(self.product("P0").active)

    def test_force_full_sync_flag_clears_itself(self):
        self.fake.items = [raw_item("A")]
        self.sync()
        self.account.catalog_force_full_sync = True
        job = self.sync()
        self.assertEqual(job.result["sync_mode"], "full")
        self.assertFalse(self.account.catalog_force_full_sync)
        self.assertEqual(self.sync().result["sync_mode"], "incremental")

    def test_partial_answer_archives_nothing(self):
        self.fake.page_size = 2
        self.fake.items = [raw_item(code) for code in ("A", "B", "C")]
        self.sync()
        self.account.dkhome_disable_batch_update = True
        job = self.sync(full=True)
        self.assertTrue(self.product("C").active)
        self.assertEqual(job.result["archived"], 0)
        self.assertTrue(job.result["warnings"])

    def test_duplicate_codes_stop_the_sync_when_disallowed(self):
        self.fake.items = [
            raw_item("A", SalesPrice=1.0),
            raw_item("A ", SalesPrice=2.0),
            raw_item("B"),
        ]
        self.account.catalog_disallow_duplicates = True
        job = self.account._enqueue_job("sync_catalog")
        self.run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertIn("duplicate item code", job.error_message)
        self.assertIn("A", job.error_message)
        self.assertFalse(self.product("B"), "nothing was written")

        self.account.catalog_disallow_duplicates = False
        job = self.sync()
        self.assertEqual(self.product("A").list_price, 2.0, "the last one wins")
        self.assertEqual(job.result["skipped"]["duplicates"], 1)
        self.assertTrue(any("duplicate" in w for w in job.result["warnings"]))

    def test_a_malformed_item_is_reported_and_the_rest_lands(self):
        self.env["product.product"].create({"name": "Taken", "barcode": "4006381333931"})
        self.fake.items = [
            raw_item("GOOD-1"),
            raw_item("BAD-PRICE", SalesPrice="ten"),
            raw_item("BAD-EAN", EAN="4006381333931"),
            raw_item("GOOD-2"),
        ]
        job = self.sync()
        self.assertTrue(self.product("GOOD-1"))
        self.assertTrue(self.product("GOOD-2"))
        self.assertFalse(self.product("BAD-PRICE"))
        self.assertFalse(self.product("BAD-EAN"))
        self.assertEqual(job.result["skipped"]["malformed"], 1)
        self.assertTrue(any("BAD-PRICE" in r for r in job.result["rejected"]))
        self.assertTrue(any("BAD-EAN" in e for e in job.result["errors"]))
        self.assertEqual(job.result["created"], 2)

    def test_deleted_and_non_webshop_items_are_skipped(self):
        self.fake.items = [
            raw_item("A"),
            raw_item("DEL", Deleted=True),
            raw_item("HIDDEN", Webshop=False),
        ]
        self.account.catalog_only_webshop = True
        job = self.sync()
        self.assertTrue(self.product("A"))
        self.assertFalse(self.product("DEL"))
        self.assertFalse(self.product("HIDDEN"))
        self.assertEqual(job.result["skipped"], {"deleted": 1, "not_in_webshop": 1})

    def test_the_schedule_enqueues_one_job_per_account(self):
        self.env["marketplace.account"]._cron_catalog_enqueue_sync()
        self.env["marketplace.account"]._cron_catalog_enqueue_sync()
        jobs = self.env["marketplace.job"].search(
            [("account_id", "=", self.account.id), ("job_type", "=", "sync_catalog")]
        )
        self.assertEqual(len(jobs), 1)
        self.assertEqual(jobs.name, "Sync Catalogue - DkHome ERP (Auto)")
