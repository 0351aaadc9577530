"""Zortout accounts import orders: the schedule, the windows and pages read
from Zortout, handed as neutral orders to ``marketplace.order.writer``."""

import logging
import time
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.addons.marketplace_base.tools import job_logger

from ..clients.zortout import PAGE_SIZE
from ..lib.orders import order_windows

_logger = logging.getLogger(__name__)

AUTO_ORDERS_KEY = "zortout-orders"
#: Zortout's times are Thai local times.
ZORTOUT_TZ = pytz.timezone("Asia/Bangkok")
#: Each run reads again this much before where the last one ended.
OVERLAP = timedelta(minutes=5)
#: A first run, with no window start yet, reads this far back.
FIRST_RUN = timedelta(days=1)
#: Orders per GetOrders page (Zortout allows 500 at most).
ORDER_PAGE_SIZE = PAGE_SIZE
#: Held quotations read again by each scheduled run, the longest waiting first.
HELD_PER_RUN = 100
#: Parameters a part hands on that the next part sets itself.
PART_KEYS = ("part", "first_name", "carry_run")


def to_zortout(moment):
    """A naive UTC datetime (Odoo's) as Zortout's naive Bangkok time."""
    return pytz.utc.localize(moment).astimezone(ZORTOUT_TZ).replace(tzinfo=None)


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    @api.model
    def _order_channels(self):
        return [*super()._order_channels(), "zortout"]

    def _order_stock_remote(self):
        if self.channel != "zortout":
            return super()._order_stock_remote()
        return self.stock_master == "remote"

    def _order_default_tax(self, included):
        """Zortout's VAT is Thailand's 7%: the Thai chart's (``l10n_th``) when
        the company has it, else the suite's own."""
        if self.channel != "zortout":
            return super()._order_default_tax(included)
        return self._order_chart_tax("tax_output_vat", included) or self._zortout_vat(included)

    # ----------------------------------------------------------------- buttons
    def action_zortout_import_orders_range(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "marketplace_zortout.marketplace_zortout_order_import_action"
        )
        action["context"] = {"default_account_id": self.id}
        return action

    def _zortout_enqueue_orders(self, params=None, name=None, identity_key=AUTO_ORDERS_KEY):
        """The one way order imports are queued (schedule, date range, webhooks)."""
        self.ensure_one()
        return self._enqueue_job(
            "import_orders_from_zortout",
            params=params or {},
            name=name or self.env._("Import Orders from Zortout - %s", self.name),
            identity_key=identity_key,
        )

    # ------------------------------------------------------------------- crons
    @api.model
    def _cron_zortout_enqueue_order_import(self):
        """Queue one incremental order import per active Zortout account."""
        for account in self._accounts_to_sync("zortout"):
            account._zortout_enqueue_orders(
                name=self.env._("Import Orders from Zortout - %s (Auto)", account.name)
            )

    # ---------------------------------------------------------------- taxes
    def _zortout_vat(self, included):
        Tax = self.env["account.tax"].sudo()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("type_tax_use", "=", "sale"),
            ("amount_type", "=", "percent"),
            ("amount", "=", 7.0),
            ("price_include", "=", included),
        ]
        tax = Tax.search(domain, limit=1)
        return tax or Tax.create(
            {
                "name": "VAT 7% (included)" if included else "VAT 7%",
                "amount": 7.0,
                "amount_type": "percent",
                "type_tax_use": "sale",
                "company_id": self.company_id.id,
                "price_include_override": "tax_included" if included else "tax_excluded",
                "tax_group_id": self._zortout_vat_group().id,
            }
        )

    def _zortout_vat_group(self):
        """The "VAT 7%" tax group: the order totals then say VAT 7%, not the
        company's default group (e.g. "Tax 15%")."""
        Group = self.env["account.tax.group"].sudo()
        values = {"name": "VAT 7%", "company_id": self.company_id.id}
        domain = [(key, "=", value) for key, value in values.items()]
        return Group.search(domain, limit=1) or Group.create(values)  # country: the company's

    # --------------------------------------------------------------------- job
    def _run_job_import_orders_from_zortout(self, job):
        """Import Zortout orders: by id (``order_ids``) or number
        (``order_numbers``), or by update time.

        By update time the job reads from the account's window start (minus
        an overlap) up to the job's start, one day per window, fixed for the
        whole job so paging is stable; the window start moves to the end of
        each window imported whole. A date-range run (``manual``) reads
        ``after``..``before`` and leaves the window start alone. Each page is
        read whole, then handed to the order writer; past the part deadline
        the rest continues as "... (part N)".
        """
        log = job_logger(_logger, self, job)
        params = {k: v for k, v in (job.params or {}).items() if k not in PART_KEYS}
        client = self._zortout_client()
        run = job._run()
        run.add("windows_read_again", 0)
        orders = self.env["sale.order"]
        # ref -> fingerprint of the orders this part read (and those of its
        # first page an earlier part wrote), each counted once
        seen = dict(params.pop("page_done", None) or {})
        if params.get("order_ids") or params.get("order_numbers"):
            pages = client.iter_order_pages(
                order_ids=params.get("order_ids"),
                order_numbers=params.get("order_numbers"),
                limit=ORDER_PAGE_SIZE,
                first_page=params.get("page", 1),
            )
            orders = self._zortout_read_pages(
                client, pages, run, orders, params, params.get("count"), seen=seen
            )
        else:
            orders = self._zortout_read_windows(client, params, run, orders, log, seen)
            if not run.continues and not params.get("manual"):
                orders = self._zortout_retry_held(client, run, orders, seen)
        job._link_records(orders)
        result = self._zortout_orders_result(run, params, client)
        log.info("%s", result["summary"])
        return job._end_part(run, result)

    def _zortout_read_windows(self, client, params, run, orders, log, seen):
        if params.get("before"):
            before = fields.Datetime.to_datetime(params["before"])
        else:
            before = fields.Datetime.now().replace(second=0, microsecond=0)
        if params.get("after"):
            after = fields.Datetime.to_datetime(params["after"])
        elif self.order_window_start:
            after = self.order_window_start - OVERLAP
        else:
            after = before - FIRST_RUN
        page, carried = params.get("page", 1), params.get("count")
        base = {k: v for k, v in params.items() if k not in ("page", "count")}
        for start, end in order_windows(after, before):
            window_params = {
                **base,
                "after": fields.Datetime.to_string(start),
                "before": fields.Datetime.to_string(before),
            }
            for _attempt in range(2):
                log.info("orders updated %s .. %s (UTC), from page %s", start, end, page)
                pages = client.iter_order_pages(
                    to_zortout(start), to_zortout(end), limit=ORDER_PAGE_SIZE, first_page=page
                )
                orders = self._zortout_read_pages(
                    client, pages, run, orders, window_params, carried, seen=seen
                )
                if run.continues:
                    return orders
                counts = {c for c in [carried, *client.page_counts] if c is not None}
                page, carried = 1, None
                if len(counts) <= 1:
                    break
                # an order updated meanwhile left the window and shifted the
                # pages after it: one may have been skipped
                log.info("the window's order count moved (%s): reading it again", counts)
                run.add("windows_read_again")
            else:
                # a window read unstably keeps later parts from moving the start
                params["unstable"] = base["unstable"] = True
            if not params.get("manual") and not base.get("unstable"):
                self.order_window_start = end
            if time.monotonic() > run.deadline and end < before:
                run.continue_with(
                    {
                        **base,
                        "after": fields.Datetime.to_string(end),
                        "before": window_params["before"],
                    }
                )
                return orders
        return orders

    def _zortout_retry_held(self, client, run, orders, seen):
        """Read again the quotations held for attention that this run did not
        see: Zortout does not touch an order when its product is created in
        Odoo, yet the order can now complete. So are the orders whose invoice,
        payment or credit note could not be made (a journal set since)."""
        held = self.env["sale.order"].search(
            [
                ("marketplace_account_id", "=", self.id),
                ("marketplace_attention", "=", True),
                "|",
                ("state", "=", "draft"),
                ("marketplace_cash_retry", "=", True),
                ("id", "not in", orders.ids),
                ("marketplace_order_ref", "not in", list(seen)),
            ],
            limit=HELD_PER_RUN,
            order="write_date",
        )
        if not held:
            return orders
        pages = client.iter_order_pages(
            order_ids=[int(ref) for ref in held.mapped("marketplace_order_ref")],
            limit=ORDER_PAGE_SIZE,
        )
        return self._zortout_read_pages(
            client, pages, run, orders, {}, deadline=float("inf"), seen=seen
        )

    def _zortout_read_pages(
        self, client, pages, run, orders, params, carried=None, deadline=None, seen=None
    ):
        """Import page by page; when one more page (read and written) would end
        past the deadline, ask for the next page as a new part (with the order
        count the read started with), so a part keeps within its time. A page
        whose own writing runs out of time (the writer's chunks) is asked for
        again, with the refs already written carried as ``page_done``.
        Return ``orders`` and the sale orders written. An order read again in
        the same part, unchanged (a window read twice because its count moved,
        a held order the window already brought), is counted once.

        ``seen``: ``{ref: fingerprint}`` of the orders this part read, added to."""
        writer = self.env["marketplace.order.writer"]
        deadline = run.deadline if deadline is None else deadline
        mark = time.monotonic()
        seen = {} if seen is None else seen

        def hand_on(page, **extra):
            pages.close()
            count = carried if carried is not None else client.page_counts[0]
            run.continue_with({**params, "page": page, "count": count, **extra})

        for page, read, problems in pages:
            remote_orders = [o for o in read if seen.get(o.ref) != o.fingerprint]
            written, done = writer._write_in_time(
                self, remote_orders, run, deadline, retry_held=bool(params.get("manual"))
            )
            orders |= written
            seen.update((order.ref, order.fingerprint) for order in remote_orders[:done])
            if done < len(remote_orders):
                page_done = {o.ref: o.fingerprint for o in read if seen.get(o.ref) == o.fingerprint}
                hand_on(page, page_done=page_done)
                break
            run.extend(
                "unreadable_orders_list",
                [f"{order_id or '?'}: {message}" for order_id, message in problems],
            )
            count = client.page_counts[-1] if client.page_counts else None
            last = len(read) + len(problems) < ORDER_PAGE_SIZE or (
                count is not None and page * ORDER_PAGE_SIZE >= count
            )
            now = time.monotonic()
            page_seconds, mark = now - mark, now
            if now + page_seconds > deadline and not last:
                hand_on(page + 1)
                break
        return orders

    def _zortout_orders_result(self, run, params, client):
        result = self.env["marketplace.order.writer"]._result(run)
        if params.get("unstable"):
            result["window_not_moved"] = self.env._(
                "Zortout's order count kept moving while the window was read: the next run "
                "reads it again."
            )
        result.update(self._zortout_client_notes(client))
        return result
