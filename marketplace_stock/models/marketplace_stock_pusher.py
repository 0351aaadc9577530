"""Push Odoo's stock to a remote system: changes only, a batch at a time.

The service decides what to send (``lib/stock_push.py``), records what the
remote system accepted (``marketplace.pushed.stock``) and runs in parts. A
channel supplies only the batch sender: ``send_batch(warehouse code or None,
{sku: whole quantity})`` returning a ``BatchAnswer`` (accepted, refused by
name, unconfirmed, notes), raising a ``RetryableJobError`` when the remote
system cannot be reached and any other error when it refuses the request.
"""

import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.errors import RetryableJobError
from odoo.addons.marketplace_base.tools import classify, job_logger
from odoo.tools import split_every

from ..lib.stock_push import plan_push

_logger = logging.getLogger(__name__)

#: SKUs per batch when the channel does not say.
DEFAULT_BATCH = 100
#: Counters of one plan (the part's own view of what changed): a continuation
#: plans again and counts them afresh, while what was pushed adds up over parts.
PLAN_COUNTERS = ("products_seen", "unchanged")
PUSH_COUNTERS = ("stocks_pushed", "rejected", "unconfirmed")


class MarketplaceStockPusher(models.AbstractModel):
    _name = "marketplace.stock.pusher"
    _description = "Push Odoo Stock to a Remote System"

    @api.model
    def _push(self, account, job, send_batch, batch_size=DEFAULT_BATCH, targets=None):
        """Send the quantities that changed since the last push; return the job result.

        ``targets``: ``[(remote warehouse code or None, location)]``, by default
        the account's (``_stock_targets``).

        Each batch the remote system accepted is recorded at once, in its own
        transaction (``marketplace.pushed.stock._record``), so neither a later
        failure nor a worker that dies makes a retry send it again. Past the
        part's deadline, or when the remote system is unreachable after some
        batches went through, the part ends and the next part (later, for an
        outage) plans again from the records. An outage on the first batch is
        raised (the runner retries the job); a refused request fails the job;
        what it sent is not recorded.
        """
        skipped = account._stock_master_skipped("odoo")
        if skipped:
            return skipped
        log = job_logger(_logger, account, job)
        run = job._run()
        self._start_part(run)
        pushed = _PushPart(account, run, log, send_batch, batch_size)
        stopped_by = None
        try:
            for code, location in targets or account._stock_targets():
                if not pushed.warehouse(code, location):
                    break
        except RetryableJobError as exc:
            if not pushed.sent:
                raise  # nothing went through: the runner retries the job
            stopped_by = exc
        job._link_records(self.env["product.product"].browse(sorted(pushed.product_ids)))
        result = run.result()
        for key in ("rejected_list", "duplicates_list"):
            result.setdefault(key, [])
        result["summary"] = self._summary(account, result)
        if stopped_by:
            failure = classify(stopped_by, 1)
            result["stopped_by"] = failure.text
            result["summary"] += self.env._(
                "; stopped: %(error)s, the rest in %(delay)s s",
                error=failure.text,
                delay=int(failure.delay),
            )
            run.continue_with({}, at=fields.Datetime.now() + timedelta(seconds=failure.delay))
        result = job._end_part(run, result)
        account.stock_last_push_at = fields.Datetime.now()
        log.info("%s", result["summary"])
        return result

    @api.model
    def _start_part(self, run):
        """Counters at zero, and a continuation's plan counted afresh."""
        for key in PLAN_COUNTERS:
            run.counters.pop(key, None)
        run.lists.pop("duplicates_list", None)
        run.list_totals.pop("duplicates_list", None)
        for key in PLAN_COUNTERS + PUSH_COUNTERS:
            run.add(key, 0)

    @api.model
    def _rows(self, account, location):
        """``([(sku, quantity)], {sku: product id})`` of the storable products with a SKU.

        The quantity is on hand or forecast in ``location`` and its children,
        read for all products at once. A SKU of two products comes twice in
        the rows, for the plan to list it.
        """
        products = self.env["marketplace.sku.lookup"]._storable_with_sku(account.company_id)
        Product = (
            self.env["product.product"]
            .with_company(account.company_id)
            .with_context(location=location.id)
        )
        quantities = Product.browse([p.id for p in products])._compute_quantities_dict(
            None, None, None
        )
        key = "virtual_available" if account.stock_push_quantity == "forecast" else "qty_available"
        rows = [(p.code, quantities[p.id][key]) for p in products]
        return rows, {p.code: p.id for p in products}

    @api.model
    def _summary(self, account, result):
        """The push job's one line in the user's language, each count in its place."""
        remote = account._stock_remote_name()
        pushed = result["stocks_pushed"]
        parts = [
            self.env._("%(count)s stock pushed", count=pushed)
            if pushed == 1
            else self.env._("%(count)s stocks pushed", count=pushed),
            self.env._("%(count)s unchanged", count=result["unchanged"]),
        ]
        if result["rejected"]:
            parts.append(
                self.env._(
                    "%(skus)s refused by %(remote)s (sent again next push)",
                    skus=self._sku_phrase(result["rejected"]),
                    remote=remote,
                )
            )
        if result["unconfirmed"]:
            parts.append(
                self.env._(
                    "%(skus)s not confirmed by %(remote)s's answer (sent again next push)",
                    skus=self._sku_phrase(result["unconfirmed"]),
                    remote=remote,
                )
            )
        duplicates = len(result["duplicates_list"]) + result.get("duplicates_list_more", 0)
        if duplicates:
            parts.append(
                self.env._("%s held by two products, not pushed", self._sku_phrase(duplicates))
            )
        return ", ".join(parts)

    @api.model
    def _sku_phrase(self, count):
        """``1 SKU``, ``3 SKUs``, translated."""
        if count == 1:
            return self.env._("%(count)s SKU", count=count)
        return self.env._("%(count)s SKUs", count=count)


class _PushPart:
    """The batches of one part of a push, counted in the part's ``Run``."""

    def __init__(self, account, run, log, send_batch, batch_size):
        self.account = account
        self.run = run
        self.log = log
        self.send_batch = send_batch
        self.batch_size = batch_size
        self.Pushed = account.env["marketplace.pushed.stock"]
        self.Pusher = account.env["marketplace.stock.pusher"]
        self.sent = 0
        self.product_ids = set()  # the products the remote system accepted, for the job

    def warehouse(self, code, location):
        """Push one remote warehouse's changes; False when the part must stop."""
        account, run = self.account, self.run
        rows, product_ids = self.Pusher._rows(account, location)
        plan = plan_push(rows, self.Pushed._last_pushed(account, code), account.stock_push_buffer)
        run.add("products_seen", len(rows))
        run.add("unchanged", plan.unchanged)
        run.extend("duplicates_list", plan.duplicates)
        self.log.info(
            "warehouse %s: %s to push, %s unchanged",
            code or "(default)",
            len(plan.to_push),
            plan.unchanged,
        )
        for batch in split_every(self.batch_size, plan.to_push.items()):
            if self.sent and run.out_of_time():
                run.continue_with({})
                return False
            quantities = dict(batch)
            answer = self.send_batch(code, quantities)
            self.sent += 1
            accepted = [(product_ids[sku], sku, quantities[sku]) for sku in answer.accepted]
            self.Pushed._record(account, code, accepted)
            self.product_ids.update(product_id for product_id, _sku, _qty in accepted)
            run.add("stocks_pushed", len(accepted))
            run.add("rejected", len(answer.rejected))
            run.add("unconfirmed", len(answer.unconfirmed))
            run.extend("rejected_list", answer.refusals())
            run.extend("unconfirmed_list", answer.unconfirmed)
            for note in answer.notes:
                if note not in run.lists.get("answer_notes", ()):
                    run.listed("answer_notes", note)
        return True
