import time
from datetime import timedelta
from decimal import Decimal
from unittest.mock import patch

from odoo.addons.marketplace_base.tests.common import click
from odoo.tests import tagged

from ..lib.item import ItemClass, ListPrice, Matrix, RejectedItem, WarehouseStock
from .common import CatalogPipelineCase, item


def cell(code, x, y, **fields):
    return item(
        code,
        matrix=Matrix("SHIRT", "Shirt", "m-1", x, "Kleur", y, "Maat"),
        **fields,
    )


@tagged("post_install", "-at_install")
class TestCatalogPipeline(CatalogPipelineCase):
    def test_first_sync_is_full_then_incremental_from_the_last_start(self):
        self.serve(item("A"), item("B"))
        first = self.sync()
        self.assertEqual(first.result["sync_mode"], "full", "never done: full")
        self.assertEqual(self.calls, [None], "a full sync asks for every item")
        self.assertEqual(first.result["created"], 2)
        started = self.account.catalog_last_sync_at
        self.assertEqual(self.account.catalog_last_full_sync_at, started)

        self.serve(item("B", sales_price=Decimal(12)))
        second = self.sync()
        self.assertEqual(second.result["sync_mode"], "incremental")
        self.assertEqual(self.calls[-1], started - timedelta(minutes=5), "window with overlap")
        self.assertEqual((second.result["updated"], second.result["archived"]), (1, 0))
        self.assertTrue(self.product("A").active, "an incremental sync archives nothing")
        self.assertEqual(self.product("B").list_price, 12.0)

    def test_the_job_links_the_products_it_created_or_changed(self):
        self.serve(item("A"), item("B"))
        first = self.sync()
        action = click(first, "action_view_records")
        self.assertEqual(action["res_model"], "product.template")
        templates = self.env["product.template"].search(action["domain"])
        self.assertEqual(templates, (self.product("A") | self.product("B")).product_tmpl_id)
        self.serve(item("A"), item("B", sales_price=Decimal(11)))
        second = self.sync()
        self.assertEqual(second.record_count, 1, "only B changed")

    def test_exported_source_items_carry_no_live_formula(self):
        self.serve(item("+CMD", description="=2+3"))
        self.sync()
        link = self.env["marketplace.catalog.product"].search([("code", "=", "+CMD")])
        self.assertEqual(link.export_data(["code"])["datas"], [["'+CMD"]])

    def test_force_full_sync_is_cleared_by_a_successful_full_sync(self):
        self.serve(item("A"))
        self.sync()
        self.account.catalog_force_full_sync = True
        self.assertEqual(self.sync().result["sync_mode"], "full")
        self.assertFalse(self.account.catalog_force_full_sync)
        self.assertEqual(self.sync().result["sync_mode"], "incremental")

    def test_full_sync_archives_what_the_source_dropped_and_restores_it(self):
        mine = self.env["product.product"].create({"name": "Mine", "default_code": "MINE"})
        self.serve(item("KEEP"), item("GONE"), item("DEL"))
        self.sync()
        self.serve(item("KEEP"), item("DEL", deleted=True))
        job = self.sync(full=True)
        self.assertFalse(self.product("GONE").active)
        self.assertFalse(self.product("DEL").active, "deleted in the source")
        self.assertTrue(self.product("GONE").exists(), "archived, never deleted")
        self.assertTrue(mine.active, "products the account did not create are left alone")
        self.assertEqual(job.result["archived"], 2)
        link = self.env["marketplace.catalog.product"].search([("code", "=", "GONE")])
        self.assertTrue(link.archived_by_sync)

        self.serve(item("KEEP"), item("GONE"))
        job = self.sync()
        self.assertTrue(self.product("GONE").active)
        self.assertEqual(job.result["restored"], 1)

    def test_a_partial_answer_archives_nothing(self):
        self.serve(item("A"), item("B"))
        self.sync()
        self.account.catalog_last_full_sync_at = False
        self.serve(item("A"), complete=False, warnings=["Only the first page was read."])
        job = self.sync(full=True)
        self.assertTrue(self.product("B").active)
        self.assertEqual(job.result["archived"], 0)
        self.assertIn("Only the first page was read.", job.result["warnings"])
        self.assertFalse(self.account.catalog_last_full_sync_at, "not a complete full sync")

    def test_a_long_sync_continues_in_parts_and_archives_at_the_end(self):
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param("marketplace_catalog.batch_size", "2")
        stock = [WarehouseStock("01", available=Decimal(3))]
        self.serve(*[item(f"P{n}", stock=list(stock)) for n in range(5)])
        Job = type(self.env["marketplace.job"])
        with patch.object(Job, "_part_deadline", lambda job: time.monotonic() - 1):
            first = self.sync(full=True)
        self.assertEqual((first.result["resume_after"], first.result["items_left"]), ("P1", 3))
        self.assertIn("3 items left; continued in job", first.summary)
        jobs = self.sync_jobs()
        self.assertEqual(jobs.mapped("state"), ["done"] * 3)
        self.assertIn("(part 3)", jobs[-1].name)
        self.assertEqual([job.result["created"] for job in jobs], [2, 4, 5], "the parts add up")
        self.assertEqual(
            self.product("P4").with_context(location=self.location.id).qty_available, 3
        )

        self.serve(*[item(f"P{n}") for n in range(1, 5)])
        with patch.object(Job, "_part_deadline", lambda job: time.monotonic() - 1):
            self.sync(full=True)
        later = self.sync_jobs()[3:]
        self.assertEqual([job.result["archived"] for job in later], [0, 1], "archived at the end")
        self.assertFalse(self.product("P0").active)

    def test_a_few_unreadable_items_are_listed_and_the_rest_lands(self):
        self.serve(item("A"), item("B"), item("C"))
        type(self).fetch.rejected = [RejectedItem("BAD", "Price: 'ten' is not a number")]
        job = self.sync()
        self.assertEqual(job.result["created"], 3)
        self.assertEqual(job.result["skipped"]["malformed"], 1)
        self.assertEqual(job.result["rejected"], ["BAD: Price: 'ten' is not a number"])

    def test_mostly_unreadable_items_fail_the_sync_and_keep_the_schedule(self):
        self.serve(item("A"))
        self.sync()
        last_sync = self.account.catalog_last_sync_at
        self.account.catalog_force_full_sync = True
        self.serve(item("B"))
        type(self).fetch.rejected = [
            RejectedItem(f"BAD-{n}", "ItemGroup should be a plain value, got an object")
            for n in range(7)
        ]
        job = self.run_sync()
        self.assertEqual(job.state, "failed")
        self.assertTrue(
            job.error_message.startswith(
                "7 of 8 items from Test source could not be read, so nothing was written. "
                "First reasons: BAD-0: ItemGroup should be a plain value, got an object; "
            ),
            job.error_message,
        )
        self.assertNotIn("BAD-5", job.error_message, "the first reasons only")
        self.assertFalse(self.product("B"))
        self.assertTrue(self.account.catalog_force_full_sync, "still forced")
        self.assertEqual(self.account.catalog_last_sync_at, last_sync, "window not moved")

    def test_duplicate_codes_stop_the_sync_when_disallowed(self):
        self.account.catalog_disallow_duplicates = True
        self.serve(item("A"), item("A "), item("B"))
        job = self.run_sync()
        self.assertEqual(job.state, "failed")
        self.assertIn("1 duplicate item code(s): A.", job.error_message)
        self.assertFalse(self.product("B"), "nothing was written")

    def test_matrix_cells_are_keyed_by_value_not_by_the_axis_label(self):
        colours = ["Rood", "Blauw", "Groen", "Geel", "Zwart"]
        self.serve(*[cell(f"S-{c}", c, "M") for c in colours])
        job = self.sync()
        template = self.product("S-Rood").product_tmpl_id
        self.assertEqual(template.product_variant_count, 5, job.result["errors"])
        self.assertEqual(
            sorted(template.attribute_line_ids.value_ids.mapped("name")), sorted([*colours, "M"])
        )
        self.assertEqual(job.result["created"], 5)

        self.serve(cell("S-Rood", "Rood", "M"), cell("S-Rood-bis", "Rood", "M"))
        job = self.sync(full=True)
        self.assertEqual(
            job.result["errors"],
            ["S-Rood-bis: same matrix cell as S-Rood in SHIRT (X Rood, Y M); not written"],
        )
        self.assertFalse(self.product("S-Rood-bis"))

    def test_price_lists_are_named_after_the_source_lists(self):
        self.serve(
            item(
                "A",
                prices=[
                    ListPrice("EUR", Decimal(9)),
                    ListPrice("EUR", Decimal(8), list_code="123", list_name="Dealers"),
                    ListPrice("EUR", Decimal(0), list_code="124", list_name="Zero"),
                    ListPrice("", Decimal(7), list_code="1", list_name="Default", exact=True),
                ],
            )
        )
        job = self.sync()
        lists = self.env["product.pricelist"].search(
            [("marketplace_account_id", "=", self.account.id)]
        )
        names = {pl.marketplace_code: (pl.name, pl.currency_id.name) for pl in lists}
        self.assertEqual(
            names,
            {
                "C-EUR": ("EUR Price", "EUR"),
                "123-EUR": ("Dealers (EUR)", "EUR"),
                "1": ("Default", self.currency),
                f"C-{self.currency}": (f"{self.currency} Price", self.currency),
            },
        )
        self.assertEqual(job.result["zero_prices_skipped"], 1)

    def test_a_source_language_mapped_to_english_names_tags_in_english(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["marketplace.catalog.language"].create(
            [
                {
                    "account_id": self.account.id,
                    "erp_code": "en",
                    "lang_id": self.env.ref("base.lang_en").id,
                },
                {
                    "account_id": self.account.id,
                    "erp_code": "nl",
                    "lang_id": self.env.ref("base.lang_nl").id,
                },
            ]
        )
        colour = ItemClass(
            "Kleur",
            "Rood",
            group_translations={"en": "Colour", "nl": "Kleur"},
            value_translations={"en": "Red"},
        )
        self.serve(item("A", classes=[colour]), item("B", classes=[colour]))
        self.sync()
        tag = self.product("A").product_tag_ids
        self.assertEqual(tag.with_context(lang="en_US").name, "Colour: Red")
        self.assertEqual(tag.with_context(lang="nl_NL").name, "Kleur: Rood")
        self.assertEqual(self.product("B").product_tag_ids, tag, "one tag, found again")
        self.serve(item("C", classes=[colour]))
        self.sync()
        self.assertEqual(self.product("C").product_tag_ids, tag, "found again in a later sync")

    def test_item_texts_land_on_the_product_and_its_source_page(self):
        self.serve(
            item(
                "A",
                internal_code="INT-1",
                sales_description="Short text\n\nLong text",
                info={"Article info": "Long text", "Extra info (internal)": "<b>not HTML</b>"},
                accepts_default_discount=True,
                stock_indicator=3,
                descriptions={"fi": "Vasara"},
            )
        )
        self.sync()
        product = self.product("A")
        self.assertEqual(product.description_sale, "Short text\n\nLong text")
        link = product.product_tmpl_id.marketplace_catalog_ids
        self.assertEqual((link.internal_code, link.stock_indicator), ("INT-1", 3))
        self.assertTrue(link.accepts_default_discount)
        self.assertIn("&lt;b&gt;not HTML&lt;/b&gt;", link.info_html, "texts are escaped")
        self.assertEqual(link.info["Name (fi)"], "Vasara", "no Odoo language mapped: kept here")

    def test_the_schedule_enqueues_one_job_per_account(self):
        self.env["marketplace.account"]._cron_catalog_enqueue_sync()
        self.env["marketplace.account"]._cron_catalog_enqueue_sync()
        jobs = self.sync_jobs()
        self.assertEqual(len(jobs), 1)
        self.assertEqual(jobs.name, "Sync Catalogue - Test source (Auto)")
