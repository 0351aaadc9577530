"""Catalogue settings on marketplace accounts, the sync job and its schedule.

Channels that read an item catalogue add their channel to
``_catalog_channels`` and implement ``_catalog_fetch(since)``, returning a
``CatalogFetch`` of neutral items; everything else is done here once.
"""

import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.tools import job_logger

from ..lib.pictures import host_of

_logger = logging.getLogger(__name__)

AUTO_CATALOG_KEY = "catalog-sync"
WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]
#: An incremental sync asks for items modified a little before the last
#: successful sync started, so an item saved during that sync is not missed.
OVERLAP = timedelta(minutes=5)


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    catalog_enabled = fields.Boolean(compute="_compute_catalog_enabled")
    catalog_only_webshop = fields.Boolean(
        string="Only webshop items", help="Skip items the source does not show in its webshop."
    )
    catalog_disallow_duplicates = fields.Boolean(
        string="Disallow duplicate data",
        help="Stop the sync when the source sends an item code twice; otherwise the last one "
        "wins and the job result warns.",
    )
    catalog_class_mode = fields.Selection(
        [("tags", "Product tags"), ("attributes", "Product attributes (no variants)")],
        string="Item classes as",
        default="tags",
        required=True,
    )
    catalog_warehouse_codes = fields.Char(
        string="Stock warehouses",
        help="Source warehouse codes whose stock is summed (comma or semicolon separated). "
        "Empty: the source's default stock warehouses.",
    )
    catalog_stock_source = fields.Selection(
        [("available", "Available stock"), ("on_shelf", "On-shelf stock")],
        string="Stock figure",
        default="available",
        required=True,
    )
    catalog_sync_stock = fields.Boolean(string="Sync stock", default=True)
    catalog_full_sync_weekday = fields.Selection(
        WEEKDAYS,
        string="Weekly full sync on",
        default="6",
        help="A full sync reads every item and archives the products the source no longer "
        "returns; the other runs read only items modified since the last sync.",
    )
    catalog_force_full_sync = fields.Boolean(
        string="Force full sync", help="The next sync is a full one; cleared when it succeeds."
    )
    catalog_last_sync_at = fields.Datetime(string="Last catalogue sync", readonly=True)
    catalog_last_full_sync_at = fields.Datetime(string="Last full sync", readonly=True)
    catalog_language_ids = fields.One2many(
        "marketplace.catalog.language", "account_id", string="Languages"
    )
    catalog_matrix_x_name = fields.Char(
        string="Matrix X attribute",
        default="Colour",
        help="The product attribute of a matrix item's X axis.",
    )
    catalog_matrix_y_name = fields.Char(
        string="Matrix Y attribute", default="Size", help="The product attribute of the Y axis."
    )
    catalog_picture_max_kb = fields.Integer(string="Largest picture (KB)", default=5120)
    catalog_picture_retry_days = fields.Integer(
        string="Retry failed pictures after (days)", default=7
    )
    catalog_product_count = fields.Integer(compute="_compute_catalog_product_count")
    catalog_pricelist_ids = fields.One2many(
        "product.pricelist", "marketplace_account_id", string="Price lists"
    )

    def _catalog_picture_hosts(self):
        """The account's own hosts (its channel's URL settings): pictures there
        are fetched even on a private network, all others only when public.
        Other channels' URLs, and Odoo's own (a webhook URL), are not its hosts."""
        self.ensure_one()
        account = self.sudo()
        prefix = f"{account.channel}_"
        return {
            host_of(account[name])
            for name, field in self._fields.items()
            if name.startswith(prefix)
            and name.endswith("_url")
            and field.type == "char"
            and not field.compute
            and account[name]
        } - {""}

    @api.model
    def _catalog_channels(self):
        """Channels whose accounts sync an item catalogue (extended by channel addons)."""
        return []

    @api.model
    def _stock_channels(self):
        """A catalogue brings stock too."""
        return super()._stock_channels() + self._catalog_channels()

    @api.depends("channel")
    def _compute_catalog_enabled(self):
        channels = self._catalog_channels()
        for account in self:
            account.catalog_enabled = account.channel in channels

    def _compute_catalog_product_count(self):
        counts = dict(
            self.env["marketplace.catalog.product"]._read_group(
                [("account_id", "in", self.ids)], ["account_id"], ["__count"]
            )
        )
        for account in self:
            account.catalog_product_count = counts.get(account, 0)

    def _catalog_fetch(self, since=None):
        """A ``CatalogFetch`` of the items modified since ``since`` (all when None)."""
        raise MarketplaceError(
            self.env._("Channel %s does not provide an item catalogue.", self.channel)
        )

    # ----------------------------------------------------------------- buttons
    def action_catalog_sync(self):
        self.ensure_one()
        return self._notify_job_queued(self._enqueue_catalog_sync())

    def action_catalog_full_sync(self):
        self.ensure_one()
        return self._notify_job_queued(self._enqueue_catalog_sync(full=True))

    def action_view_catalog_products(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Catalogue items"),
            "res_model": "marketplace.catalog.product",
            "view_mode": "list,form",
            "domain": [("account_id", "=", self.id)],
        }

    def _enqueue_catalog_sync(self, full=False, auto=False):
        name = (
            self.env._("Sync Catalogue - %s (Auto)", self.name)
            if auto
            else self.env._("Sync Catalogue - %s", self.name)
        )
        return self._enqueue_job(
            "sync_catalog",
            params={"full": bool(full)},
            name=name,
            identity_key="catalog-full-sync" if full else AUTO_CATALOG_KEY,
        )

    # -------------------------------------------------------------------- cron
    @api.model
    def _cron_catalog_enqueue_sync(self):
        """Queue one catalogue sync per active account with sync enabled."""
        Job = self.env["marketplace.job"]
        for channel in self._catalog_channels():
            for account in self._accounts_to_sync(channel):
                running = Job.search_count(
                    [
                        ("account_id", "=", account.id),
                        ("job_type", "=", "sync_catalog"),
                        ("state", "in", ("pending", "started")),
                    ]
                )
                if not running:  # a sync still at work (in parts) is not doubled
                    account._enqueue_catalog_sync(auto=True)

    def _catalog_full_sync_due(self, now=None):
        """Forced, never done, or the weekly day has come and not been served yet."""
        self.ensure_one()
        if self.catalog_force_full_sync or not self.catalog_last_full_sync_at:
            return True
        now = now or fields.Datetime.now()
        if self.catalog_full_sync_weekday in (False, None):
            return False
        return (
            now.weekday() == int(self.catalog_full_sync_weekday)
            and self.catalog_last_full_sync_at.date() < now.date()
        )

    # --------------------------------------------------------------------- job
    def _run_job_sync_catalog(self, job):
        """One part of a sync; a sync that needs more time continues in a next
        part, whose result counts what every part wrote."""
        log = job_logger(_logger, self, job)
        params = job.params or {}
        resume_after = params.get("resume_after")
        if resume_after:  # a continuation keeps the mode and window of its first part
            full = bool(params.get("full"))
            started = fields.Datetime.to_datetime(params["started"])
            since = fields.Datetime.to_datetime(params.get("since"))
        else:
            started = fields.Datetime.now()
            full = bool(params.get("full")) or self._catalog_full_sync_due(started)
            last = self.catalog_last_sync_at
            since = None if full else last and last - OVERLAP
        log.info("%s catalogue sync, modified since %s", "full" if full else "incremental", since)
        fetch = self._catalog_fetch(since=since)
        run = job._run()
        result = self.env["marketplace.catalog.sync"]._sync(
            self, fetch, job, full=full, resume_after=resume_after, run=run
        )
        if result.get("resume_after"):
            run.continue_with(
                {
                    "full": full,
                    "since": fields.Datetime.to_string(since) if since else None,
                    "started": fields.Datetime.to_string(started),
                    "resume_after": result["resume_after"],
                }
            )
            result["summary"] = self.env._(
                "%(summary)s; %(left)s items left",
                summary=result["summary"],
                left=result["items_left"],
            )
        else:
            values = {"catalog_last_sync_at": started}
            if full and fetch.complete:
                values.update(catalog_last_full_sync_at=started, catalog_force_full_sync=False)
            self.write(values)
        return job._end_part(run, result)

    def _catalog_language_map(self):
        """``{source language code: Odoo language code}`` for the active languages."""
        self.ensure_one()
        return {
            line.erp_code.strip(): line.lang_id.code
            for line in self.catalog_language_ids
            if line.lang_id.active and line.erp_code and line.erp_code.strip()
        }
