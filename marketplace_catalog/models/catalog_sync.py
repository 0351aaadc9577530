"""One catalogue sync: select, write products in batches, prices, pictures, stock, archive.

Everything runs in the job's transaction: a sync that fails (a duplicate
code with "Disallow duplicate data", a failed page) leaves nothing
half-written. A single item that cannot be read or written is reported
and the rest land; when most items of a sync cannot be read, the source's
format has changed and the whole sync fails instead.
"""

import json
import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.lib.run import Run
from odoo.addons.marketplace_base.lib.summary import MAX_LISTED, merge_counters
from odoo.addons.marketplace_base.tools import job_logger
from odoo.tools import split_every

from ..lib.selection import select_items
from ..lib.stock import parse_code_list, stock_pairs
from ..tools import SyncContext

_logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
MAX_REASONS = 5  # reasons quoted in a failed sync's message
LINK_COLUMNS = (
    "account_id",
    "company_id",
    "code",
    "parent_code",
    "product_id",
    "product_tmpl_id",
    "fingerprint",
    "free_fields",
    "info",
    "internal_code",
    "free_sort_field",
    "accepts_default_discount",
    "stock_indicator",
    "last_available_stock",
    "source_unit",
    "matrix_id",
    "matrix_cell",
    "next_delivery",
    "package_size",
    "vat_percent",
    "source_created_at",
    "source_modified_at",
    "synced_at",
    "archived_by_sync",
    "create_uid",
    "create_date",
    "write_uid",
    "write_date",
)
JSON_COLUMNS = ("free_fields", "info")
#: Columns an update leaves alone (the stock indicator keeps its stored value
#: when the source sends none, as the document asks).
KEEP_COLUMNS = ("create_uid", "create_date", "stock_indicator")
LINK_ROW = "(" + ", ".join("%s::jsonb" if c in JSON_COLUMNS else "%s" for c in LINK_COLUMNS) + ")"


class CatalogSync(models.AbstractModel):
    _name = "marketplace.catalog.sync"
    _description = "Catalogue Sync"

    @api.model
    def _sync(
        self, account, fetch, job=None, full=False, with_stock=None, resume_after=None, run=None
    ):
        """Write ``fetch`` into Odoo; the job result.

        Items are written in code order, batch by batch, until the part's
        time (``run``'s deadline) is spent: then the result holds
        ``resume_after`` (the last code written) and the caller continues
        with the rest in a next part (``run.continue_with``), so no single
        job outlives a cron worker's time limit. Stock follows each batch;
        archiving waits for the last part.

        What is written is counted in ``run`` (the job part's, by default),
        so the last part's result covers the whole sync; what describes this
        part's read of the source (items fetched, skipped, rejected, fields
        not understood) is this part's own.
        """
        log = job_logger(_logger, account, job)
        if run is None:
            run = job._run() if job else Run()
        sync = SyncContext(account, job, run)
        for key in ("created", "updated", "unchanged", "restored", "archived"):
            run.add(key, 0)
        read = {"items_fetched": len(fetch.items) + len(fetch.rejected)}
        self._check_readable(account, fetch)
        selection = select_items(
            fetch.items, account.catalog_only_webshop, account.catalog_disallow_duplicates
        )
        skipped = dict(selection.skipped)
        if fetch.rejected:
            skipped["malformed"] = len(fetch.rejected)
            read["rejected"] = [f"{r.code}: {r.reason}" for r in fetch.rejected[:MAX_LISTED]]
        for text in [*fetch.warnings, *selection.warnings, *self._field_warnings(fetch)]:
            sync.warn(text)

        items = sorted(selection.items, key=lambda item: item.code)
        if resume_after:
            items = [item for item in items if item.code > resume_after]
        if with_stock is None:
            with_stock = account.catalog_sync_stock
        stock = []
        links = self._links(account)
        Products = self.env["marketplace.catalog.product.writer"]
        Prices = self.env["marketplace.catalog.pricelist.writer"]
        Pictures = self.env["marketplace.catalog.picture.writer"]
        if account.catalog_enabled:
            Prices._default_pricelist(account, sync)
        batches = list(split_every(self._batch_size(), items, list))
        for number, batch in enumerate(batches, start=1):
            targets = Products._write_items(account, batch, links, sync)
            Prices._write_prices(account, targets, sync)
            pictures_left_from = Pictures._write_pictures(account, targets, sync, run.deadline)
            self._store_links(account, targets, sync, job)
            self._store_stock_figures(account, targets)
            if job:
                changed = {target.tmpl_id for target in targets if target.changed}
                job._link_records(self.env["product.template"].browse(sorted(changed)))
            for target in targets:
                if target.changed:
                    links[target.item.code] = {
                        "product_id": target.product_id,
                        "tmpl_id": target.tmpl_id,
                        "fingerprint": sync.fingerprints.get(target.item.code),
                        "parent_code": _parent_code(target.item),
                    }
            if with_stock:
                stock.append(self._apply_stock(account, batch, job))
            log.info("batch %s of %s: %s items written", number, len(batches), len(targets))
            # the part spent: the next part takes up the next batch, or the items whose
            # pictures were left (written already, they only get their pictures)
            first_left = pictures_left_from or (
                number < len(batches) and run.out_of_time() and batches[number][0].code
            )
            if first_left:
                read.update(self._resume(items, first_left, resume_after))
                break
        read.update(self._count_stock(run, merge_counters(r for r in stock if r)))
        if "resume_after" in read:
            gone = set()  # the last part archives, when every item has been written
        else:
            gone = self._gone(account, fetch, selection, links, full, sync)
        run.add("archived", self._archive(account, gone, links))
        return {**self._result(sync, read, skipped, full), **fetch.fields.as_result()}

    @api.model
    def _resume(self, items, first_left, resume_after):
        """Where the next part starts: after the item before ``first_left`` (the
        items are in code order), with how many items are left."""
        codes = [item.code for item in items]
        index = codes.index(first_left)
        return {
            "resume_after": codes[index - 1] if index else resume_after,
            "items_left": len(codes) - index,
        }

    @api.model
    def _count_stock(self, run, stock):
        """The stock applier's counters under ``stock_*`` names: numbers and
        lists counted in ``run``, anything else returned as it is."""
        others = {}
        for name, value in stock.items():
            key = name if name.startswith("stock") else f"stock_{name}"
            if isinstance(value, list):
                run.extend(key, value)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                run.add(key, value)
            else:
                others[key] = value
        return others

    @api.model
    def _field_warnings(self, fetch):
        """A warning naming the fields the source sent and the channel read by nothing."""
        not_understood = fetch.fields.summary()
        if not not_understood:
            return []
        return [
            self.env._(
                "Fields sent by the source and read by nothing (see Fields not understood): %s",
                not_understood[:500],
            )
        ]

    @api.model
    def _check_readable(self, account, fetch):
        """Fail the sync when most items could not be read: the source changed its format.

        Nothing is written then, so *Force full sync* stays on and the
        incremental window does not move.
        """
        fetched = len(fetch.items) + len(fetch.rejected)
        if not fetch.rejected or len(fetch.rejected) * 2 <= fetched:
            return
        reasons = "; ".join(f"{r.code}: {r.reason}" for r in fetch.rejected[:MAX_REASONS])
        message = self.env._(
            "%(rejected)s of %(fetched)s items from %(account)s could not be read, so "
            "nothing was written. First reasons: %(reasons)s",
            rejected=len(fetch.rejected),
            fetched=fetched,
            account=account.name,
            reasons=reasons,
        )
        raise MarketplaceError(" ".join([message, *self._field_warnings(fetch)]))

    @api.model
    def _result(self, sync, read, skipped, full):
        """The job result: counters (stock's too), skipped per reason, warnings, a summary."""
        run = sync.run
        result = {**run.result(), **read}
        if sync.pictures_left:
            result["pictures_left_for_next_part"] = sync.pictures_left
        if skipped:
            result["skipped"] = skipped
        result["sync_mode"] = "full" if full else "incremental"
        result["summary"] = self.env._(
            "%(mode)s sync: %(fetched)s items, %(created)s created, %(updated)s updated, "
            "%(unchanged)s unchanged, %(archived)s archived, %(skipped)s skipped, "
            "%(errors)s errors",
            mode=self.env._("Full") if full else self.env._("Incremental"),
            fetched=read["items_fetched"],
            created=run.counters["created"],
            updated=run.counters["updated"],
            unchanged=run.counters["unchanged"],
            archived=run.counters["archived"],
            skipped=sum(skipped.values()),
            errors=run.list_totals["errors"],
        )
        result.setdefault("errors", [])
        return result

    @api.model
    def _gone(self, account, fetch, selection, links, full, sync):
        """Codes whose products are archived: deleted, hidden, or (full sync) not returned."""
        gone = set(selection.deleted)
        if account.catalog_only_webshop:
            gone |= set(selection.skipped_codes.get("not_in_webshop", []))
        if full and fetch.complete:
            kept = {item.code for item in selection.items}
            gone |= set(links) - kept - {r.code for r in fetch.rejected}
        elif full:
            sync.warn(self.env._("The source answer was partial: nothing was archived"))
        return gone

    @api.model
    def _batch_size(self):
        return max(1, int(self._param("batch_size", BATCH_SIZE)))

    @api.model
    def _param(self, name, default):
        return (
            self.env["ir.config_parameter"].sudo().get_param(f"marketplace_catalog.{name}", default)
        )

    # ----------------------------------------------------------------- links
    @api.model
    def _links(self, account):
        """``{code: {...}}`` of the account's item links, read in one query."""
        self.env["marketplace.catalog.product"].flush_model()
        self.env.cr.execute(
            """
            SELECT l.code, l.id, l.product_id, l.product_tmpl_id AS tmpl_id, l.fingerprint,
                   l.parent_code, l.archived_by_sync
              FROM marketplace_catalog_product l WHERE l.account_id = %s
            """,
            (account.id,),
        )
        return {row["code"]: row for row in self.env.cr.dictfetchall()}

    @api.model
    def _store_links(self, account, targets, sync, job):
        rows = [t for t in targets if t.changed]
        if not rows:
            return
        now = fields.Datetime.now()
        uid = self.env.uid
        columns = ", ".join(LINK_COLUMNS)
        updates = ",\n                   ".join(
            f"{name} = EXCLUDED.{name}" for name in LINK_COLUMNS[3:] if name not in KEEP_COLUMNS
        )
        self.env.cr.execute_values(
            f"""
            INSERT INTO marketplace_catalog_product ({columns}) VALUES %s
            ON CONFLICT (account_id, code) DO UPDATE
               SET {updates},
                   stock_indicator = COALESCE(EXCLUDED.stock_indicator,
                                              marketplace_catalog_product.stock_indicator)
            """,  # noqa: S608 - the column names are constants
            [
                (
                    account.id,
                    account.company_id.id,
                    t.item.code,
                    _parent_code(t.item),
                    t.product_id,
                    t.tmpl_id,
                    sync.fingerprints.get(t.item.code),
                    _json(t.item.free_fields),
                    _json({**t.item.info, **sync.unmapped_names(t.item)}),
                    t.item.internal_code or None,
                    t.item.free_sort_field or None,
                    t.item.accepts_default_discount,
                    t.item.stock_indicator,
                    _float(t.item.last_available_stock),
                    t.item.unit or None,
                    t.item.matrix.parent_id or None if t.item.matrix else None,
                    _matrix_cell(t.item.matrix),
                    t.item.next_delivery,
                    _float(t.item.package_size),
                    _float(t.item.vat_percent),
                    t.item.created_at,
                    t.item.modified_at,
                    now,
                    False,
                    uid,
                    now,
                    uid,
                    now,
                )
                for t in rows
            ],
            template=LINK_ROW,
            page_size=1000,
        )
        # no indicator from the source nor stored earlier: -1, as the source's default
        self.env.cr.execute(
            "UPDATE marketplace_catalog_product SET stock_indicator = -1"
            " WHERE account_id = %s AND code = ANY(%s) AND stock_indicator IS NULL",
            (account.id, [t.item.code for t in rows]),
        )
        self.env["marketplace.catalog.product"].invalidate_model()

    # ----------------------------------------------------------------- stock
    @api.model
    def _store_stock_figures(self, account, targets):
        """The stock figures of unchanged items on their links, without touching the product.

        They are not part of the product fingerprint (a stock change is no
        product change), so an unchanged item may still bring new ones.
        """
        rows = [
            (account.id, t.item.code, _float(t.item.last_available_stock), t.item.stock_indicator)
            for t in targets
            if not t.changed
        ]
        if not rows:
            return
        self.env["marketplace.catalog.product"].flush_model()
        self.env.cr.execute_values(
            """
            UPDATE marketplace_catalog_product l
               SET last_available_stock = v.last_stock,
                   stock_indicator = COALESCE(v.indicator, l.stock_indicator)
              FROM (VALUES %s) AS v(account_id, code, last_stock, indicator)
             WHERE l.account_id = v.account_id AND l.code = v.code
               AND (l.last_available_stock IS DISTINCT FROM v.last_stock
                    OR l.stock_indicator IS DISTINCT FROM COALESCE(v.indicator, l.stock_indicator))
            """,
            rows,
            template="(%s, %s, %s::float8, %s::int)",
            page_size=1000,
        )
        self.env["marketplace.catalog.product"].invalidate_model(
            ["last_available_stock", "stock_indicator"]
        )

    @api.model
    def _apply_stock(self, account, items, job):
        """Stock through marketplace_stock: per mapped location, or summed in one.

        Summed, the account's catalogue warehouses count (default: the
        source's default warehouses).
        """
        applier = self.env["marketplace.stock.applier"]
        use_shelf = account.catalog_stock_source == "on_shelf"
        results = []
        for code, location in account._stock_targets():
            warehouses = [code] if code else parse_code_list(account.catalog_warehouse_codes)
            pairs = stock_pairs(items, warehouses, use_shelf)
            if pairs:
                results.append(applier._apply_remote_stock(account, location, pairs, job))
        return merge_counters(results)

    # --------------------------------------------------------------- archive
    @api.model
    def _archive(self, account, codes, links):
        """Archive (never delete) the products of these codes; the count archived."""
        product_ids = [
            links[c]["product_id"] for c in codes if c in links and links[c]["product_id"]
        ]
        if not product_ids:
            return 0
        Product = self.env["product.product"].with_context(tracking_disable=True)
        products = Product.browse(product_ids).exists().filtered("active")
        by_template = defaultdict(lambda: Product)
        for product in products:
            by_template[product.product_tmpl_id] |= product
        for template, variants in by_template.items():
            if variants == template.product_variant_ids:
                template.with_context(tracking_disable=True).active = False
            else:
                variants.active = False
        self.env["marketplace.catalog.product"].search(
            [("account_id", "=", account.id), ("product_id", "in", products.ids)]
        ).write({"archived_by_sync": True})
        return len(products)


def _json(value):
    return json.dumps(value or {}, ensure_ascii=False)


def _float(value):
    return float(value) if value is not None else None


def _matrix_cell(matrix):
    """``X: RED (Colour) / Y: 42 (Size)``: the cell as the source names it."""
    if not matrix:
        return None
    parts = []
    for axis, value, description in (
        ("X", matrix.x_value, matrix.x_description),
        ("Y", matrix.y_value, matrix.y_description),
    ):
        if value:
            parts.append(f"{axis}: {value}" + (f" ({description})" if description else ""))
    return " / ".join(parts) or None


def _parent_code(item):
    """The matrix an item is a cell of (its own code when the parent is blank)."""
    return (item.matrix.parent_code.strip() or item.code) if item.matrix else None
