"""Zortout accounts import orders: settings, the schedule, the job."""

import logging
import time
from collections import Counter
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.summary import MAX_LISTED, count_phrase
from odoo.addons.marketplace_base.tools import job_logger

from ..clients.zortout import PAGE_SIZE
from ..lib.orders import VAT_EXCLUDED, VAT_INCLUDED, order_windows

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


def to_zortout(moment):
    """A naive UTC datetime (Odoo's) as Zortout's naive Bangkok time."""
    return pytz.utc.localize(moment).astimezone(ZORTOUT_TZ).replace(tzinfo=None)


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    zortout_order_window_start = fields.Datetime(
        string="Orders imported up to",
        copy=False,
        help="The next scheduled import reads the orders Zortout updated since this moment "
        "(minus a few minutes of overlap). It moves forward only when a whole window "
        "was imported.",
    )
    zortout_shipping_product_id = fields.Many2one(
        "product.product",
        string="Shipping product",
        domain="[('type', '=', 'service')]",
        help="The service product of the shipping line of imported orders; "
        "created on the first import when empty.",
    )
    zortout_discount_product_id = fields.Many2one(
        "product.product",
        string="Discount product",
        domain="[('type', '=', 'service')]",
        help="The service product of the order discount line (order discounts and line "
        "discounts given as an amount); created on the first import when empty.",
    )
    zortout_tax_included_id = fields.Many2one(
        "account.tax",
        string="Tax (prices include VAT)",
        domain="[('type_tax_use', '=', 'sale'), ('company_id', '=', company_id)]",
        help="For Zortout orders whose prices include VAT; a 7% tax included in the price "
        "is found or created on the first import when empty.",
    )
    zortout_tax_excluded_id = fields.Many2one(
        "account.tax",
        string="Tax (prices exclude VAT)",
        domain="[('type_tax_use', '=', 'sale'), ('company_id', '=', company_id)]",
        help="For Zortout orders whose prices exclude VAT; a 7% tax is found or created "
        "on the first import when empty.",
    )

    zortout_rounding_warning = fields.Char(
        compute="_compute_zortout_rounding_warning",
        help="Zortout computes VAT on the order total; Odoo must round the same way.",
    )

    @api.depends("company_id.tax_calculation_rounding_method")
    def _compute_zortout_rounding_warning(self):
        for account in self:
            per_line = account.company_id.tax_calculation_rounding_method == "round_per_line"
            account.zortout_rounding_warning = per_line and self.env._(
                "%s rounds taxes per line, Zortout on the order's total: orders whose prices "
                "exclude VAT may differ by a satang and are then held as Needs attention. "
                "Set Accounting > Settings > Rounding Method to Round Globally.",
                account.company_id.name,
            )

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

    # ---------------------------------------------------------------- settings
    def _zortout_order_settings(self):
        """Shipping and discount products and the two taxes, created when missing."""
        self.ensure_one()
        account = self.sudo()
        values = {}
        if not account.zortout_shipping_product_id:
            values["zortout_shipping_product_id"] = self._zortout_service("Shipping (Zortout)").id
        if not account.zortout_discount_product_id:
            values["zortout_discount_product_id"] = self._zortout_service("Discount (Zortout)").id
        if not account.zortout_tax_included_id:
            values["zortout_tax_included_id"] = self._zortout_vat(included=True).id
        if not account.zortout_tax_excluded_id:
            values["zortout_tax_excluded_id"] = self._zortout_vat(included=False).id
        if values:
            account.write(values)
        return {
            "shipping": account.zortout_shipping_product_id,
            "discount": account.zortout_discount_product_id,
            "taxes": {
                VAT_INCLUDED: account.zortout_tax_included_id,
                VAT_EXCLUDED: account.zortout_tax_excluded_id,
            },
        }

    def _zortout_service(self, name):
        Product = self.env["product.product"].sudo()
        product = Product.search(
            [
                ("name", "=", name),
                ("type", "=", "service"),
                ("company_id", "in", [False, self.company_id.id]),
            ],
            limit=1,
        )
        return product or Product.create(
            {"name": name, "type": "service", "invoice_policy": "order", "sale_ok": True}
        )

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
        read whole, then written in a savepoint; past the part deadline the
        rest continues as "... (part N)".
        """
        log = job_logger(_logger, self, job)
        params = dict(job.params or {})
        client = self._zortout_client()
        deadline = job._part_deadline()
        state = {
            "counters": Counter(),
            "problems": [],  # orders Zortout sent that cannot be read
            "failed": [],  # orders Odoo refused to create
            "orders": self.env["sale.order"],
        }
        continued = None
        if params.get("order_ids") or params.get("order_numbers"):
            pages = client.iter_order_pages(
                order_ids=params.get("order_ids"),
                order_numbers=params.get("order_numbers"),
                limit=ORDER_PAGE_SIZE,
                first_page=params.get("page", 1),
            )
            continued = self._zortout_read_pages(
                job, client, pages, state, deadline, params, params.get("count")
            )
        else:
            continued = self._zortout_read_windows(job, client, params, state, deadline, log)
            if not continued and not params.get("manual"):
                self._zortout_retry_held(job, client, state)
        job._link_records(state["orders"])
        result = self._zortout_orders_result(state, continued, client)
        log.info("%s", result["summary"])
        return result

    def _zortout_read_windows(self, job, client, params, state, deadline, log):
        if params.get("before"):
            before = fields.Datetime.to_datetime(params["before"])
        else:
            before = fields.Datetime.now().replace(second=0, microsecond=0)
        if params.get("after"):
            after = fields.Datetime.to_datetime(params["after"])
        elif self.zortout_order_window_start:
            after = self.zortout_order_window_start - OVERLAP
        else:
            after = before - FIRST_RUN
        page, carried = params.get("page", 1), params.get("count")
        base = {k: v for k, v in params.items() if k not in ("page", "count", "unstable")}
        state["unstable"] = bool(params.get("unstable"))
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
                continued = self._zortout_read_pages(
                    job, client, pages, state, deadline, window_params, carried
                )
                if continued:
                    return continued
                counts = {c for c in [carried, *client.page_counts] if c is not None}
                page, carried = 1, None
                if len(counts) <= 1:
                    break
                # an order updated meanwhile left the window and shifted the
                # pages after it: one may have been skipped
                log.info("the window's order count moved (%s): reading it again", counts)
                state["counters"]["windows_read_again"] += 1
            else:
                state["unstable"] = True
            if not params.get("manual") and not state.get("unstable"):
                self.zortout_order_window_start = end
            if time.monotonic() > deadline and end < before:
                return self._zortout_continue(
                    job, {**window_params, "after": fields.Datetime.to_string(end)}, state
                )
        return None

    def _zortout_retry_held(self, job, client, state):
        """Read again the quotations held for attention that this run did not
        see: Zortout does not touch an order when its product is created in
        Odoo, yet the order can now complete."""
        held = self.env["sale.order"].search(
            [
                ("zortout_account_id", "=", self.id),
                ("zortout_attention", "=", True),
                ("state", "=", "draft"),
                ("id", "not in", state["orders"].ids),
            ],
            limit=HELD_PER_RUN,
            order="write_date",
        )
        if held:
            pages = client.iter_order_pages(
                order_ids=held.mapped("zortout_order_id"), limit=ORDER_PAGE_SIZE
            )
            self._zortout_read_pages(job, client, pages, state, float("inf"), {})

    def _zortout_read_pages(self, job, client, pages, state, deadline, params, carried=None):
        """Import page by page; when one more page (read and written) would end
        past the deadline, queue the next page as a new part (with the order
        count the read started with), so a part keeps within its time."""
        sync = self.env["marketplace.zortout.order.sync"]
        mark = time.monotonic()
        for page, orders, problems in pages:
            counters, touched, errors = sync._import_page(
                self, orders, retry_held=bool(params.get("manual"))
            )
            state["counters"].update(counters)
            state["orders"] |= touched
            state["problems"] += [f"{order_id or '?'}: {message}" for order_id, message in problems]
            state["failed"] += errors
            count = client.page_counts[-1] if client.page_counts else None
            last = len(orders) + len(problems) < ORDER_PAGE_SIZE or (
                count is not None and page * ORDER_PAGE_SIZE >= count
            )
            now = time.monotonic()
            page_seconds, mark = now - mark, now
            if now + page_seconds > deadline and not last:
                pages.close()
                count = carried if carried is not None else client.page_counts[0]
                return self._zortout_continue(
                    job, {**params, "page": page + 1, "count": count}, state
                )
        return None

    def _zortout_continue(self, job, params, state):
        """The next part; a window read unstably keeps later parts from moving the start."""
        params = {k: v for k, v in params.items() if k not in ("part", "first_name")}
        if state.get("unstable"):
            params["unstable"] = True
        return job._continue(params)

    def _zortout_orders_result(self, state, continued, client):
        counters = state["counters"]
        problems = state["problems"]
        result = {
            "orders_created": counters["orders_created"],
            "orders_updated": counters["orders_updated"],
            "orders_unchanged": counters["orders_unchanged"],
            "orders_confirmed": counters["orders_confirmed"],
            "orders_cancelled": counters["orders_cancelled"],
            "needs_attention": counters["needs_attention"],
            "unreadable_orders": len(problems),
            "windows_read_again": counters["windows_read_again"],
        }
        if state.get("unstable"):
            result["window_not_moved"] = self.env._(
                "Zortout's order count kept moving while the window was read: the next run "
                "reads it again."
            )
        if problems:
            result["unreadable_orders_list"] = problems[:MAX_LISTED]
        if state["failed"]:
            result["orders_not_created"] = len(state["failed"])
            result["orders_not_created_list"] = state["failed"][:MAX_LISTED]
        attention = state["orders"].filtered("zortout_attention")
        if attention:
            result["needs_attention_list"] = [
                f"{so.zortout_number or so.name}: {so.zortout_attention_reason}"
                for so in attention[:MAX_LISTED]
            ]
        parts = [
            count_phrase(result["orders_created"], "order created", "orders created"),
            self.env._("%s updated", result["orders_updated"]),
            self.env._("%s need attention", result["needs_attention"])
            if result["needs_attention"] != 1
            else self.env._("1 needs attention"),
        ]
        if problems:
            parts.append(count_phrase(len(problems), "unreadable order", "unreadable orders"))
        if state["failed"]:
            parts.append(self.env._("%s not created", len(state["failed"])))
        result["summary"] = ", ".join(parts)
        if continued:
            result["continued_in_job"] = continued.id
            result["summary"] += self.env._("; continued in job %s", continued.id)
        result.update(self._zortout_client_notes(client))
        return result
