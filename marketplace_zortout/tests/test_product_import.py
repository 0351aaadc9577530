import time
from unittest.mock import patch

from odoo.addons.marketplace_base.tests.common import click
from odoo.tests import tagged

from .common import ZortoutCase


@tagged("post_install", "-at_install")
class TestProductImport(ZortoutCase):
    def setUp(self):
        super().setUp()
        self.fake.products = {
            "A-1": {"name": "A one renamed", "sellprice": 120, "purchaseprice": 70},
            "NEW-1": {
                "name": "New product",
                "barcode": "8850000000017",
                "sellprice": "1,250.50",
                "purchaseprice": 900,
                "unittext": "Units",
            },
            "NEW-2": {"name": "Second new", "barcode": "8850000000017"},
        }
        self.addCleanup(setattr, self.fake, "products", {})

    def import_products(self):
        click(self.account, "action_zortout_import_products")
        self.run_jobs()
        return self.env["marketplace.job"].search(
            [("account_id", "=", self.account.id), ("job_type", "=", "sync_products_from_zortout")],
            order="id",
        )

    def test_missing_products_are_created_and_changed_ones_updated(self):
        job = self.import_products()
        self.assertEqual(job.state, "done", job.error_message)
        new = self.env["product.product"].search([("default_code", "=", "NEW-1")])
        self.assertEqual(new.name, "New product")
        self.assertTrue(new.is_storable)
        self.assertEqual(new.list_price, 1250.5)
        self.assertEqual(new.standard_price, 900)
        self.assertEqual(new.barcode, "8850000000017")
        self.assertEqual(self.a1.name, "A one renamed")
        self.assertEqual(self.a1.list_price, 120)
        self.assertGreaterEqual(job.result["updated"], 1)

    def test_fields_zortout_sends_and_the_import_does_not_map_are_named(self):
        self.fake.products["NEW-1"]["category"] = "Gadgets"
        job = self.import_products()
        unread = {row.split(" ")[0]: row for row in job.result["fields_not_understood"]["Product"]}
        catalogue = set(self.fake.quantities()) | set(self.fake.products)
        self.assertRegex(unread["category"], rf"^category \({len(catalogue)}, e\.g\. \S+\)$")
        self.assertIn("weight", unread)
        self.assertNotIn("sellprice", unread, "a field the import maps")
        self.assertNotIn("fields_never_seen", job.result)
        self.assertIn("category", job.summary + " ".join(job.result.get("warnings", [])))

    def test_a_bad_row_is_reported_and_the_others_land(self):
        job = self.import_products()
        self.assertEqual(job.state, "done")
        self.assertFalse(self.env["product.product"].search([("default_code", "=", "NEW-2")]))
        self.assertEqual(len(job.result["errors"]), 2, job.result["errors"])
        self.assertTrue(any("NEW-2" in e for e in job.result["errors"]))
        self.assertTrue(any("DUP" in e for e in job.result["errors"]))

    def test_nothing_is_deleted_and_a_rerun_changes_nothing(self):
        self.import_products()
        products = self.env["product.product"].search_count([])
        job2 = self.account._enqueue_job("sync_products_from_zortout")
        self.run_jobs()
        self.assertEqual(self.env["product.product"].search_count([]), products)
        self.assertEqual(job2.result["created"], 0)
        self.assertEqual(job2.result["updated"], 0)

    def test_a_large_catalogue_is_read_once_across_parts(self):
        """Each part reads the next pages (or carries what the last part did
        not reach); the whole catalogue was once read again in every part."""
        self.fake.products = {
            f"P{index:03d}": {"name": f"Product {index}", "sellprice": 10} for index in range(12)
        }
        module = "odoo.addons.marketplace_zortout.models.marketplace_account"
        self.env["ir.config_parameter"].set_param("marketplace_catalog.batch_size", "2")
        Job = type(self.env["marketplace.job"])
        before = len(self.server.requests_to("/v4/Product/GetProducts"))
        with (
            patch(f"{module}.PRODUCTS_PER_PART", 4),
            patch(f"{module}.PRODUCT_PAGE_SIZE", 3),
            patch.object(Job, "_part_deadline", lambda job: time.monotonic() - 1),
        ):
            jobs = self.import_products()
        self.assertEqual(set(jobs.mapped("state")), {"done"}, jobs.mapped("error_message"))
        reads = self.server.requests_to("/v4/Product/GetProducts")[before:]
        catalogue = sorted(set(self.fake.quantities()) | set(self.fake.products))
        pages = -(-len(catalogue) // 3)
        self.assertEqual(sorted(int(r.arg("page")) for r in reads), list(range(1, pages + 1)))
        self.assertGreater(len(jobs), pages // 2, "several parts")
        created = self.env["product.product"].search([("default_code", "=like", "P0%")])
        self.assertEqual(len(created), 12, "every product of every page")
        self.assertTrue(jobs[1].params["carry"], "what a part did not reach is carried")

    def test_a_long_import_continues_in_parts(self):
        self.env["ir.config_parameter"].set_param("marketplace_catalog.batch_size", "2")
        Job = type(self.env["marketplace.job"])
        with patch.object(Job, "_part_deadline", lambda job: time.monotonic() - 1):
            first = self.import_products()[:1]
        jobs = self.env["marketplace.job"].search(
            [("account_id", "=", self.account.id), ("job_type", "=", "sync_products_from_zortout")],
            order="id",
        )
        self.assertGreater(len(jobs), 2, "one batch of two products per part")
        self.assertEqual(jobs[0], first)
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        self.assertEqual(jobs[1].name, f"{first.name} (part 2)")
        self.assertNotIn("continued_in_job", jobs[-1].result)
        self.assertEqual(
            self.env["product.product"].search([("default_code", "=", "NEW-1")]).name, "New product"
        )
