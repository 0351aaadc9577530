"""The Zortout channel on marketplace accounts: credentials, buttons, jobs."""

import logging

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.lib.field_report import FieldReport
from odoo.addons.marketplace_base.lib.summary import MAX_LISTED
from odoo.addons.marketplace_base.tools import MANAGER_GROUP, job_logger

from ..clients.zortout import (
    DEFAULT_URL,
    PAGE_SIZE,
    PRODUCT_FIELDS,
    ZortoutClient,
    ZortoutProduct,
)
from ..lib.catalog_items import catalog_fetch

_logger = logging.getLogger(__name__)

AUTO_STOCK_KEY = "zortout-stock"
#: Products a product import part reads before writing: about one part's work.
PRODUCTS_PER_PART = 2500
PRODUCT_PAGE_SIZE = PAGE_SIZE


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    channel = fields.Selection(
        selection_add=[("zortout", "Zortout")], ondelete={"zortout": "cascade"}
    )
    zortout_storename = fields.Char(string="Store name", groups=MANAGER_GROUP)
    zortout_apikey = fields.Char(string="API key", groups=MANAGER_GROUP)
    zortout_apisecret = fields.Char(string="API secret", groups=MANAGER_GROUP)
    zortout_api_url = fields.Char(string="API base URL", default=DEFAULT_URL, groups=MANAGER_GROUP)
    zortout_warehouse_code = fields.Char(
        string="Zortout warehouse code",
        help="Only this Zortout warehouse's stock; empty means all warehouses.",
    )

    @api.model
    def _stock_channels(self):
        return [*super()._stock_channels(), "zortout"]

    # ------------------------------------------------------------------ client
    def _zortout_client(self):
        self.ensure_one()
        account = self.sudo()
        missing = [
            label
            for field, label in (
                ("zortout_storename", self.env._("store name")),
                ("zortout_apikey", self.env._("API key")),
                ("zortout_apisecret", self.env._("API secret")),
            )
            if not account[field]
        ]
        if missing:
            raise MarketplaceError(
                self.env._(
                    "Account %(name)s: set the Zortout %(fields)s first.",
                    name=self.name,
                    fields=", ".join(missing),
                )
            )
        return ZortoutClient(
            account.zortout_storename,
            account.zortout_apikey,
            account.zortout_apisecret,
            base_url=account.zortout_api_url or DEFAULT_URL,
            secrets=[account.zortout_webhook_token],
        )

    def _test_connection(self):
        if self.channel != "zortout":
            return super()._test_connection()
        return self._zortout_client().check_connection()

    # ----------------------------------------------------------------- buttons
    def action_zortout_sync_stock(self):
        self.ensure_one()
        self._check_stock_master("remote")
        job = self._enqueue_job(
            "sync_stock_from_zortout",
            params=self._zortout_stock_params(),
            name=self.env._("Sync Stock from Zortout - %s", self.name),
            identity_key=AUTO_STOCK_KEY,
        )
        return self._notify_job_queued(job)

    def action_zortout_import_products(self):
        self.ensure_one()
        job = self._enqueue_job(
            "sync_products_from_zortout",
            name=self.env._("Import Products from Zortout - %s", self.name),
            identity_key="zortout-products",
        )
        return self._notify_job_queued(job)

    def _zortout_stock_params(self):
        return {"warehouse_code": self.zortout_warehouse_code or None, "sku_list": []}

    # ------------------------------------------------------------------- crons
    @api.model
    def _cron_zortout_enqueue_stock_sync(self):
        """Queue a full stock scan for each active Zortout account with sync enabled
        whose stock master is Zortout (an Odoo-master account pushes instead),
        once its scan interval has passed (webhooks bring changes between scans)."""
        accounts = self._accounts_to_sync("zortout")._with_stock_master("remote")
        for account in accounts.filtered(lambda a: a._zortout_scan_due()):
            account._enqueue_job(
                "sync_stock_from_zortout",
                params=account._zortout_stock_params(),
                name=self.env._("Sync Stock from Zortout - %s (Auto)", account.name),
                identity_key=AUTO_STOCK_KEY,
            )

    # -------------------------------------------------------------------- jobs
    def _run_job_sync_stock_from_zortout(self, job):
        """Fetch every page first, then apply: a failed page applies nothing.

        A large sync applies in parts (see ``_apply_in_parts``): a
        continuation job carries the rows left and fetches nothing.
        """
        log = job_logger(_logger, self, job)
        skipped = self._stock_master_skipped("remote")
        if skipped:
            return skipped
        params = job.params or {}
        client = None
        if params.get("remote"):
            Location = self.env["stock.location"]
            fetched = {Location.browse(loc_id): rows for loc_id, rows in params["remote"]}
        else:
            client = self._zortout_client()
            fetched = self._zortout_fetch_stock(client, params, log)
            if not params.get("sku_list"):
                self._zortout_record_scan(fetched)
        result = self.env["marketplace.stock.applier"]._apply_in_parts(self, fetched, job)
        result["summary"] = self._zortout_stock_summary(result)
        unreadable = result.get("invalid_quantities", 0) + result.get("repeated_skus", 0)
        if unreadable:
            result["summary"] += self.env._(
                ", %s SKUs not applied (unreadable quantity or listed twice)", unreadable
            )
        if result.get("continued_in_job"):
            result["summary"] += self.env._(
                "; %(left)s left, continued in job %(job)s",
                left=result["stocks_left"],
                job=result["continued_in_job"],
            )
        if client:
            result.update(self._zortout_client_notes(client))
        log.info("%s", result["summary"])
        return result

    def _zortout_stock_summary(self, result):
        """What a stock sync did ("30 products seen, 4 stocks updated, 2 unknown SKUs")."""
        seen = result["products_seen"]
        updated = result["stocks_updated"]
        unknown = result["unknown_skus"]
        return ", ".join(
            [
                self.env._("%(count)s product seen", count=seen)
                if seen == 1
                else self.env._("%(count)s products seen", count=seen),
                self.env._("%(count)s stock updated", count=updated)
                if updated == 1
                else self.env._("%(count)s stocks updated", count=updated),
                self.env._("%(count)s unknown SKU", count=unknown)
                if unknown == 1
                else self.env._("%(count)s unknown SKUs", count=unknown),
            ]
        )

    def _zortout_fetch_stock(self, client, params, log):
        """``{location: [(sku, quantity, remote warehouse), ...]}``, every page read."""
        sku_list = [sku for sku in (params.get("sku_list") or []) if sku and sku.strip()]
        fetched = {}
        for code, location in self._stock_targets(params.get("warehouse_code")):
            stock = client.iter_stock(warehouse_code=code, sku_list=sku_list or None)
            rows = [(sku, quantity, code) for sku, quantity in stock]
            log.info("fetched %s products from warehouse %s", len(rows), code or "(all)")
            fetched.setdefault(location, []).extend(rows)
        return fetched

    def _run_job_sync_products_from_zortout(self, job):
        """Zortout's product list through the catalogue pipeline; stock has its own job.

        Each GetProducts page is read once over the whole import: a part
        reads pages until it holds about a part's work (``PRODUCTS_PER_PART``),
        hands them to the pipeline, and the next part carries on from the
        next page. When the pipeline stops within its part time, the products
        it did not reach travel in the next part's parameters instead of
        being read again (a large catalogue would otherwise cost its whole
        page count again in every part, against the daily quota). The result
        names the fields Zortout sent that the import does not map
        (``fields_not_understood``) and the ones it expected and never saw.
        """
        params = job.params or {}
        client = self._zortout_client()
        products = [
            ZortoutProduct.from_payload(item, "carried product") for item in params.get("carry", [])
        ]
        report = FieldReport()
        report.expect("Product", ["sku", "name"], optional=PRODUCT_FIELDS)
        next_page = params.get("page", 1)
        if next_page and len(products) < PRODUCTS_PER_PART:
            pages = client.iter_numbered_product_pages(
                limit=PRODUCT_PAGE_SIZE, first_page=next_page
            )
            next_page = None  # an empty page ends the read
            for number, items in pages:
                for product in items:
                    report.observe("Product", product.raw, code=product.sku)
                products += items
                next_page = None if client.last_page_read else number + 1
                if len(products) >= PRODUCTS_PER_PART:
                    break
        run = job._run()
        result = self.env["marketplace.catalog.sync"]._sync(
            self, catalog_fetch(products, report), job, full=False, with_stock=False, run=run
        )
        carry, stopped_after = [], result.pop("resume_after", None)
        if stopped_after:
            carry = [product.carried() for product in products if product.sku > stopped_after]
        result["pages_read"] = len(client.page_counts)
        if carry or next_page:
            run.continue_with({"page": next_page, "carry": carry})
        result.update(self._zortout_client_notes(client))
        return job._end_part(run, result)

    def _zortout_client_notes(self, client):
        """What a job result says of Zortout's answers beyond their data: the
        daily quota notice, and text repaired because the database cannot store it."""
        notes = {}
        if client.notices:
            notes["zortout_notices"] = client.notices
        if client.text_repairs:
            notes["text_repaired"] = client.text_repairs[:MAX_LISTED]
        return notes
