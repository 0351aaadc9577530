"""Apply remote stock to a location as real inventory adjustments.

Channels hand plain ``(sku, quantity[, source])`` rows to ``_apply_remote_stock``;
this service matches them to products (one query), diffs them against the
on-hand quantities (one query), and applies the differences through the
quants' inventory mode in one ``_apply_inventory()`` call, so every change
is a done stock move named after the job, in the product's history.
"""

import logging
import time
from collections import defaultdict

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.run import CARRY_KEY
from odoo.tools import split_every

from ..lib.stock_plan import index_products, normalize_sku, plan_stock

_logger = logging.getLogger(__name__)

#: Products applied per ``_apply_inventory()`` call; a part stops between slices.
APPLY_SLICE = 500


class MarketplaceStockApplier(models.AbstractModel):
    _name = "marketplace.stock.applier"
    _description = "Apply Remote Stock as Inventory Adjustments"

    @api.model
    def _apply_remote_stock(self, account, location, remote, job=None):
        """Make ``location`` hold the remote quantities; return the counters."""
        return self._apply_remote_stock_part(account, location, remote, job)[0]

    @api.model
    def _apply_in_parts(self, account, fetched, job):
        """Apply ``{location: rows}`` within the job's part; the rest continues
        in a new job. Return the job result.

        The first part plans everything (its counters are the sync's); a
        continuation gets the rows left and, through its ``Run``, the first
        part's counters, and adds only what it applies, so the last part's
        result is the total.
        """
        params = dict(job.params or {})
        legacy_carry = params.pop("carry", None)
        params.pop("remote", None)
        params.pop(CARRY_KEY, None)
        run = job._run()
        if legacy_carry:  # a continuation queued before the Run carried counters
            run.absorb(_as_carried(legacy_carry))
        continuing = bool(legacy_carry or (job.params or {}).get(CARRY_KEY))
        left = []
        for index, (location, rows) in enumerate(fetched.items()):
            counters, rest = self._apply_remote_stock_part(
                account, location, rows, job, run.deadline, force_progress=index == 0
            )
            if continuing:
                run.add("stocks_updated", counters["stocks_updated"])
            else:
                run.absorb(_as_carried(counters))
            if rest:
                left.append([location.id, [[row[0], str(row[1]), *row[2:3]] for row in rest]])
        result = run.result()
        if left:
            run.continue_with({**params, "remote": left})
            result["stocks_left"] = sum(len(rows) for _location, rows in left)
        return job._end_part(run, result)

    @api.model
    def _apply_remote_stock_part(
        self, account, location, remote, job=None, deadline=None, force_progress=True
    ):
        """Apply as much as ``deadline`` (``time.monotonic()``) allows, a slice at a time.

        Returns ``(counters, rows left)``: the remote rows of the products not
        applied yet, for the next part of the job. With ``force_progress``
        one slice is applied even past the deadline. Each slice is complete, so
        a part cut short, or retried, leaves every product either applied or
        left; the next part diffs against on-hand again and applies only
        what still differs, never twice.
        """
        remote = list(remote)
        skus = {normalize_sku(row[0]) for row in remote} - {""}
        products = self.env["marketplace.sku.lookup"]._products(account.company_id, skus)
        current = self._on_hand(location, [p.id for p in products])
        plan = plan_stock(remote, index_products(products), current, account.stock_allow_negative)
        name = f"{job.name} [job {job.id}]" if job else account.name
        applied = 0
        for chunk in split_every(APPLY_SLICE, list(plan.to_apply.items())):
            if (
                deadline is not None
                and (applied or not force_progress)
                and time.monotonic() >= deadline
            ):
                break
            moves = self._set_quantities(location, dict(chunk), name)
            if job:
                job._link_records(moves)
            applied += len(chunk)
        left_ids = set(list(plan.to_apply)[applied:])
        plan.counters["stocks_updated"] = applied
        left_skus = {normalize_sku(p.code) for p in products if p.id in left_ids}
        left = [row for row in remote if normalize_sku(row[0]) in left_skus]
        self._store_remote_quantities(account, location, plan.remote_quantities, job)
        _logger.info(
            "Account %s, job %s: %s products seen, %s stocks updated in %s",
            account.name,
            job.id if job else "-",
            plan.counters["products_seen"],
            plan.counters["stocks_updated"],
            location.complete_name,
        )
        return plan.counters, left

    @api.model
    def _adjustable_quants(self, location, product_ids):
        """The quants an adjustment writes on: no lot, package or owner."""
        return (
            self.env["stock.quant"]
            .sudo()
            .search(
                [
                    ("location_id", "=", location.id),
                    ("product_id", "in", list(product_ids)),
                    ("lot_id", "=", False),
                    ("package_id", "=", False),
                    ("owner_id", "=", False),
                ]
            )
        )

    @api.model
    def _on_hand(self, location, product_ids):
        on_hand = defaultdict(float)
        for quant in self._adjustable_quants(location, product_ids):
            on_hand[quant.product_id.id] += quant.quantity
        return on_hand

    @api.model
    def _set_quantities(self, location, quantities, inventory_name):
        """Set ``{product id: quantity}`` in inventory mode and apply it at once;
        return the inventory moves made."""
        if not quantities:
            return self.env["stock.move"]
        Quant = self.env["stock.quant"].sudo()
        quants = self._adjustable_quants(location, quantities)
        by_product = {}
        for quant in quants:
            by_product.setdefault(quant.product_id.id, quant)
        missing = [pid for pid in quantities if pid not in by_product]
        if missing:
            by_product.update(self._create_empty_quants(location, missing))
        self._prepare_counterpart_quants(location, quantities)
        by_quantity = defaultdict(list)
        for product_id, quantity in quantities.items():
            by_quantity[quantity].append(by_product[product_id].id)
        for quantity, quant_ids in by_quantity.items():
            Quant.browse(quant_ids).write({"inventory_quantity": float(quantity)})
        self.env["stock.move"].flush_model()
        self.env.cr.execute("SELECT COALESCE(max(id), 0) FROM stock_move")
        last_move_id = self.env.cr.fetchone()[0]
        Quant.browse([by_product[pid].id for pid in quantities]).with_context(
            inventory_name=inventory_name
        )._apply_inventory()
        return self.env["stock.move"].search(
            [
                ("id", ">", last_move_id),
                ("is_inventory", "=", True),
                ("product_id", "in", list(quantities)),
            ]
        )

    @api.model
    def _prepare_counterpart_quants(self, location, product_ids):
        """Create the empty quants the moves will fill in the inventory-loss location.

        Each inventory move also books the opposite quantity there; for a
        product without a quant in that location the move creates one, one
        at a time. Creating them beforehand in one statement saves a quarter
        of a first sync.
        """
        products = (
            self.env["product.product"].browse(list(product_ids)).with_company(location.company_id)
        )
        by_location = defaultdict(list)
        for product in products:
            by_location[product.property_stock_inventory].append(product.id)
        for loss_location, ids in by_location.items():
            existing = self._adjustable_quants(loss_location, ids).product_id.ids
            todo = set(ids) - set(existing)
            if todo:
                self._create_empty_quants(loss_location, todo)

    @api.model
    def _create_empty_quants(self, location, product_ids):
        """Insert empty quants (quantity 0) in one statement; ``{product id: quant}``.

        ``stock.quant.create()`` creates quants one at a time even for a batch,
        which was half the time of a 20,000-SKU first sync; an empty quant has
        no logic to run (its moves will). Its stored related fields are filled
        from the location, as the ORM would.
        """
        self.env["stock.location"].flush_model(["company_id", "storage_category_id"])
        self.env.cr.execute(
            """
            INSERT INTO stock_quant (product_id, location_id, company_id, storage_category_id,
                                     quantity, reserved_quantity, in_date, inventory_quantity_set,
                                     create_uid, create_date, write_uid, write_date)
            SELECT product_id, loc.id, loc.company_id, loc.storage_category_id, 0, 0,
                   now() AT TIME ZONE 'UTC', false,
                   %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s, now() AT TIME ZONE 'UTC'
              FROM unnest(%(product_ids)s) AS product_id, stock_location loc
             WHERE loc.id = %(location_id)s
         RETURNING product_id, id
            """,
            {"uid": self.env.uid, "product_ids": list(product_ids), "location_id": location.id},
        )
        Quant = self.env["stock.quant"].sudo()
        return {
            product_id: Quant.browse(quant_id) for product_id, quant_id in self.env.cr.fetchall()
        }

    @api.model
    def _store_remote_quantities(self, account, location, quantities, job):
        """Remember the last remote quantity per product, for the product form."""
        if not quantities:
            return
        now = fields.Datetime.now()
        uid = self.env.uid
        self.env["product.product"].flush_model(["product_tmpl_id"])
        for chunk in split_every(1000, quantities.items()):
            self.env.cr.execute_values(
                """
                INSERT INTO marketplace_product_stock
                       (account_id, company_id, product_id, product_tmpl_id, location_id,
                        remote_quantity, synced_at, job_id,
                        create_uid, create_date, write_uid, write_date)
                SELECT v.account_id, v.company_id, v.product_id, pp.product_tmpl_id, v.location_id,
                       v.remote_quantity, v.synced_at, v.job_id,
                       v.uid, v.synced_at, v.uid, v.synced_at
                  FROM (VALUES %s) AS v(account_id, company_id, product_id, location_id,
                                         remote_quantity, synced_at, job_id, uid)
                  JOIN product_product pp ON pp.id = v.product_id
                ON CONFLICT (account_id, product_id, location_id) DO UPDATE
                   SET remote_quantity = EXCLUDED.remote_quantity,
                       synced_at = EXCLUDED.synced_at,
                       job_id = EXCLUDED.job_id,
                       write_uid = EXCLUDED.write_uid,
                       write_date = EXCLUDED.write_date
                """,
                [
                    (
                        account.id,
                        account.company_id.id,
                        product_id,
                        location.id,
                        float(qty),
                        now,
                        job.id if job else None,
                        uid,
                    )
                    for product_id, qty in chunk
                ],
                template="(%s, %s, %s, %s, %s, %s::timestamp, %s::int, %s)",
                page_size=1000,
            )
        self.env["marketplace.product.stock"].invalidate_model()


def _as_carried(counters):
    """A plan's counters (numbers, and ``*_list`` lists) as ``Run.absorb`` takes them."""
    return {
        "counters": {k: v for k, v in counters.items() if not isinstance(v, list)},
        "lists": {k: v for k, v in counters.items() if isinstance(v, list)},
    }
