"""Odoo as the stock master: push Odoo's quantities to Zortout, changes only."""

import logging
import time
from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.errors import RetryableJobError
from odoo.addons.marketplace_base.lib.summary import MAX_LISTED, count_phrase
from odoo.addons.marketplace_base.tools import classify, job_logger
from odoo.exceptions import UserError
from odoo.tools import split_every

from ..clients.zortout import PUSH_BATCH
from ..lib.stock_push import plan_push

_logger = logging.getLogger(__name__)

PUSH_KEY = "zortout-push"
PUSH_QUANTITIES = [("on_hand", "On hand"), ("forecast", "Forecast")]
PUSH_ENDPOINTS = [
    ("stock", "Stock (UpdateProductStockList)"),
    ("available", "Available stock (UpdateProductAvailableStockList)"),
]


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    zortout_push_quantity = fields.Selection(
        PUSH_QUANTITIES,
        string="Quantity pushed",
        default="on_hand",
        required=True,
        help="On hand: what is in the location now. Forecast: on hand plus incoming "
        "minus outgoing (confirmed receipts and deliveries).",
    )
    zortout_push_endpoint = fields.Selection(
        PUSH_ENDPOINTS,
        string="Zortout field written",
        default="stock",
        required=True,
        help="Stock: Zortout's stock count. Available stock: the quantity Zortout may sell.",
    )
    zortout_stock_buffer = fields.Integer(
        string="Safety buffer",
        default=0,
        help="Units kept back: Zortout gets max(0, quantity - buffer), in whole units.",
    )
    zortout_last_push_at = fields.Datetime(string="Last push", readonly=True, copy=False)

    _sql_constraints = [
        (
            "zortout_stock_buffer_positive",
            "CHECK(zortout_stock_buffer >= 0)",
            "The safety buffer cannot be negative.",
        ),
    ]

    def write(self, vals):
        """What was pushed no longer says what Zortout holds once the master or
        the field written changes: the next push sends every SKU."""
        changed = self.browse()
        for key in ("zortout_stock_master", "zortout_push_endpoint"):
            if key in vals:
                changed |= self.filtered(lambda a, key=key: a[key] != vals[key])
        result = super().write(vals)
        if changed:
            self.env["marketplace.zortout.pushed.stock"].sudo().search(
                [("account_id", "in", changed.ids)]
            ).unlink()
        return result

    # ----------------------------------------------------------------- buttons
    def action_zortout_push_stock(self):
        self.ensure_one()
        self._zortout_check_odoo_master()
        job = self._enqueue_job(
            "push_stock_to_zortout",
            name=self.env._("Push Stock to Zortout - %s", self.name),
            identity_key=PUSH_KEY,
        )
        return self._notify_job_queued(job)

    def action_zortout_push_all_stock(self):
        """Forget what was pushed, then push: every SKU is sent again.

        For a Zortout whose quantities were changed by hand: a normal push
        sends only what changed in Odoo. A SKU the push does not reach
        (outage, refusal) is sent by the next push, as it is not recorded.
        """
        self.ensure_one()
        self._zortout_check_odoo_master()
        self.check_access("write")
        self.env["marketplace.zortout.pushed.stock"].sudo().search(
            [("account_id", "=", self.id)]
        ).unlink()
        job = self._enqueue_job(
            "push_stock_to_zortout",
            name=self.env._("Push All Stock to Zortout - %s", self.name),
            identity_key=PUSH_KEY,
        )
        return self._notify_job_queued(job)

    def _zortout_check_odoo_master(self):
        if self.zortout_stock_master != "odoo":
            raise UserError(
                self.env._(
                    "Account %s: Zortout is the stock master, so Odoo's stock is not pushed "
                    "to it. Set the stock master to Odoo to push.",
                    self.name,
                )
            )

    # ------------------------------------------------------------------- crons
    @api.model
    def _cron_zortout_enqueue_stock_push(self):
        """Queue one push per Zortout account whose stock master is Odoo."""
        for account in self._accounts_to_sync("zortout").filtered(
            lambda a: a.zortout_stock_master == "odoo"
        ):
            account._enqueue_job(
                "push_stock_to_zortout",
                name=self.env._("Push Stock to Zortout - %s (Auto)", account.name),
                identity_key=PUSH_KEY,
            )

    # -------------------------------------------------------------------- jobs
    def _run_job_push_stock_to_zortout(self, job):
        """Send the quantities that changed since the last push, a batch at a time.

        Each batch Zortout accepted is recorded at once, in its own
        transaction (see ``_record``), so neither a later failure nor a worker
        that dies makes a retry send it again. Past the job's part time, or
        when Zortout is unreachable after some batches went through, the
        part ends and a new part (later, for an outage) plans again from
        the records. A refused request fails the job; what it sent is not
        recorded.
        """
        log = job_logger(_logger, self, job)
        if self.zortout_stock_master != "odoo":
            return {"summary": self.env._("Skipped: Zortout is this account's stock master.")}
        client = self._zortout_client()
        push = _Push(self, client, job._part_deadline(), log)
        for code, location in self._stock_targets(self.zortout_warehouse_code or None):
            if not push.warehouse(code, location):
                break
        job._link_records(self.env["product.product"].browse(sorted(push.product_ids)))
        result = push.result()
        result["summary"] = self._zortout_push_summary(result)
        if push.stopped_by or push.out_of_time:
            failure = classify(push.stopped_by, 1) if push.stopped_by else None
            delay = failure.delay if failure else 0
            later = fields.Datetime.now() + timedelta(seconds=delay) if delay else None
            follow_up = job._continue({}, later)
            if failure:
                result["stopped_by"] = failure.text
                result["summary"] += self.env._(
                    "; stopped: %(error)s; the rest in job %(job)s, in %(delay)s s",
                    error=failure.text,
                    job=follow_up.id,
                    delay=int(delay),
                )
            else:
                result["summary"] += self.env._("; continued in job %s", follow_up.id)
            result["continued_in_job"] = follow_up.id
        result.update(self._zortout_client_notes(client))
        self.zortout_last_push_at = fields.Datetime.now()
        log.info("%s", result["summary"])
        return result

    def _zortout_push_summary(self, result):
        parts = [
            count_phrase(result["stocks_pushed"], "stock pushed", "stocks pushed"),
            count_phrase(result["unchanged"], "unchanged", "unchanged"),
        ]
        if result["rejected"]:
            parts.append(
                self.env._(
                    "%s refused by Zortout (sent again next push)",
                    count_phrase(result["rejected"], "SKU"),
                )
            )
        if result["unconfirmed"]:
            parts.append(
                self.env._(
                    "%s not confirmed by Zortout's answer (sent again next push)",
                    count_phrase(result["unconfirmed"], "SKU"),
                )
            )
        if result["duplicates_list"]:
            parts.append(
                self.env._(
                    "%s held by two products, not pushed",
                    count_phrase(len(result["duplicates_list"]), "SKU"),
                )
            )
        return ", ".join(parts)

    def _zortout_push_rows(self, location):
        """``([(sku, quantity)], {sku: product id})`` of the storable products with a SKU.

        The quantity is on hand or forecast in ``location`` and its children,
        read for all products at once. A SKU of two products comes twice in
        the rows, for the plan to list it.
        """
        products = self._zortout_push_products()
        Product = (
            self.env["product.product"]
            .with_company(self.company_id)
            .with_context(location=location.id)
        )
        quantities = Product.browse([pid for _sku, pid in products])._compute_quantities_dict(
            None, None, None
        )
        key = "virtual_available" if self.zortout_push_quantity == "forecast" else "qty_available"
        rows = [(sku, quantities[pid][key]) for sku, pid in products]
        return rows, dict(products)

    def _zortout_push_products(self):
        """``[(sku, product id)]`` of the company's active storable products with a SKU."""
        self.env["product.product"].flush_model()
        self.env["product.template"].flush_model()
        self.env.cr.execute(
            """
            SELECT trim(pp.default_code), pp.id
              FROM product_product pp
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE pp.active AND pt.active AND pt.type = 'consu' AND pt.is_storable
               AND trim(coalesce(pp.default_code, '')) != ''
               AND (pt.company_id IS NULL OR pt.company_id = %s)
          ORDER BY pp.id
            """,
            (self.company_id.id,),
        )
        return self.env.cr.fetchall()


class _Push:
    """One part of a push job: its batches, counters and why it stopped."""

    def __init__(self, account, client, deadline, log):
        self.account = account
        self.client = client
        self.deadline = deadline
        self.log = log
        self.Pushed = account.env["marketplace.zortout.pushed.stock"]
        self.counters = {
            "products_seen": 0,
            "stocks_pushed": 0,
            "unchanged": 0,
            "rejected": 0,
            "unconfirmed": 0,
        }
        self.rejected, self.duplicates, self.unconfirmed, self.notes = [], [], [], []
        self.sent = 0
        self.product_ids = set()  # the products Zortout accepted, for the job's button
        self.out_of_time = False
        self.stopped_by = None

    def warehouse(self, code, location):
        """Push one Zortout warehouse's changes; False when the part must stop."""
        rows, product_ids = self.account._zortout_push_rows(location)
        plan = plan_push(
            rows, self.Pushed._last_pushed(self.account, code), self.account.zortout_stock_buffer
        )
        self.counters["products_seen"] += len(rows)
        self.counters["unchanged"] += plan.unchanged
        self.duplicates += plan.duplicates
        self.log.info(
            "warehouse %s: %s to push, %s unchanged",
            code or "(default)",
            len(plan.to_push),
            plan.unchanged,
        )
        available = self.account.zortout_push_endpoint == "available"
        for batch in split_every(PUSH_BATCH, plan.to_push.items()):
            if self.sent and time.monotonic() >= self.deadline:
                self.out_of_time = True
                return False
            try:
                written = self.client.update_stock_list(batch, code, available=available)
            except RetryableJobError as exc:
                if not self.sent:
                    raise  # nothing went through: the runner retries the job
                self.stopped_by = exc
                return False
            self.sent += 1
            quantities = dict(batch)
            accepted = [(product_ids[sku], sku, quantities[sku]) for sku in written.accepted]
            self.Pushed._record(self.account, code, accepted)
            self.product_ids.update(product_id for product_id, _sku, _qty in accepted)
            self.counters["stocks_pushed"] += len(accepted)
            self.counters["rejected"] += len(written.rejected)
            self.counters["unconfirmed"] += len(written.unconfirmed)
            self.rejected += [f"{sku}: {reason}" for sku, reason in written.rejected.items()]
            self.unconfirmed += written.unconfirmed
            self.notes += [note for note in written.notes if note not in self.notes]
        return True

    def result(self):
        result = {
            **self.counters,
            "rejected_list": self.rejected[:MAX_LISTED],
            "duplicates_list": self.duplicates[:MAX_LISTED],
        }
        if self.unconfirmed:
            result["unconfirmed_list"] = self.unconfirmed[:MAX_LISTED]
        if self.notes:
            result["zortout_answer_notes"] = self.notes[:MAX_LISTED]
        return result
