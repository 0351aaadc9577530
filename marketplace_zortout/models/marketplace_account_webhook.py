"""Zortout webhooks on the account: token, URLs, registration, event processing."""

import logging
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.lib.summary import MAX_LISTED
from odoo.addons.marketplace_base.tools import MANAGER_GROUP, job_logger, notification
from odoo.exceptions import UserError
from odoo.tools import split_every

from ..lib.webhook import EVENTS, event_order_refs, event_skus, payload_keys

_logger = logging.getLogger(__name__)

WEBHOOK_JOB = "process_zortout_webhooks"
WEBHOOK_KEY = "zortout-webhooks"
#: SKUs per stock sync, order ids per import queued from events.
CHUNK = 200
#: Events one processing job reads; more continue in a next part.
EVENTS_PER_JOB = 5000
EVENT_RETENTION_DAYS = 7
#: key2 and key3 are required by UpdateWebhook; they carry no secret.
KEY2 = "odoo-marketplace"


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    zortout_webhook_token = fields.Char(
        string="Webhook token",
        groups=MANAGER_GROUP,
        copy=False,
        help="Zortout sends it with every webhook (key1); set when the webhooks are registered.",
    )
    zortout_webhook_url = fields.Char(
        string="Webhook URL",
        compute="_compute_zortout_webhook_url",
        help="Zortout calls this URL followed by the event name "
        "(updateproductquantity, addorder, updateorder).",
    )
    zortout_webhook_registered_url = fields.Char(readonly=True, copy=False)
    zortout_webhook_registered_at = fields.Datetime(
        string="Webhooks registered", readonly=True, copy=False
    )
    zortout_webhook_state = fields.Selection(
        [("none", "Not registered"), ("registered", "Registered"), ("stale", "URL changed")],
        string="Webhooks",
        compute="_compute_zortout_webhook_url",
    )
    zortout_webhook_pending = fields.Integer(
        string="Events waiting", compute="_compute_zortout_webhook_events"
    )
    zortout_webhook_last_event_at = fields.Datetime(
        string="Last event", compute="_compute_zortout_webhook_events"
    )

    @api.depends("zortout_webhook_registered_url")
    def _compute_zortout_webhook_url(self):
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        for account in self:
            account_id = account._origin.id  # a new record has no URL yet
            url = (
                f"{base.rstrip('/')}/marketplace/zortout/{account_id}/webhook/"
                if account_id
                else ""
            )
            account.zortout_webhook_url = url
            if not account.zortout_webhook_registered_url:
                account.zortout_webhook_state = "none"
            elif account.zortout_webhook_registered_url != url:
                account.zortout_webhook_state = "stale"
            else:
                account.zortout_webhook_state = "registered"

    def _compute_zortout_webhook_events(self):
        Event = self.env["marketplace.webhook.event"].sudo()
        pending = dict(
            Event._read_group(
                [("account_id", "in", self.ids), ("state", "=", "pending")],
                ["account_id"],
                ["__count"],
            )
        )
        last = dict(
            Event._read_group([("account_id", "in", self.ids)], ["account_id"], ["received_at:max"])
        )
        for account in self:
            account.zortout_webhook_pending = pending.get(account._origin, 0)
            account.zortout_webhook_last_event_at = last.get(account._origin, False)

    # ----------------------------------------------------------------- buttons
    def action_zortout_register_webhooks(self):
        """Set this account's URLs and token as the store's webhook in Zortout."""
        self.ensure_one()
        self.check_access("write")
        account = self.sudo()
        if not account.zortout_webhook_token:
            account.zortout_webhook_token = secrets.token_urlsafe(32)
        urls = self._zortout_webhook_urls()
        client = self._zortout_client()
        try:
            client.update_webhook(account.zortout_webhook_token, KEY2, str(self.id), urls)
            registered = client.get_webhook()
        except MarketplaceError as exc:
            raise UserError(str(exc)) from None
        wrong = [key for key, url in urls.items() if registered.get(key) != url]
        if wrong:
            raise UserError(
                self.env._(
                    "Zortout did not keep the webhook URLs (%s): check the API key's rights.",
                    ", ".join(wrong),
                )
            )
        self.write(
            {
                "zortout_webhook_registered_url": self.zortout_webhook_url,
                "zortout_webhook_registered_at": fields.Datetime.now(),
            }
        )
        return notification(
            self.env._(
                "Zortout now calls %s… on quantity changes and new or updated orders.",
                self.zortout_webhook_url,
            ),
            "success",
            title=self.env._("Webhooks registered"),
        )

    def _zortout_webhook_urls(self):
        """``{UpdateWebhook field: URL}`` of the events this suite receives."""
        return {
            field: f"{self.zortout_webhook_url}{event}" for event, (_k, field) in EVENTS.items()
        }

    # ----------------------------------------------------------------- receive
    def _zortout_receive_webhook(self, event, payload):
        """Store one event and make sure a processing job is pending (no sync here)."""
        self.ensure_one()
        self.env["marketplace.webhook.event"].sudo().create(
            {"account_id": self.id, "event_type": event, "payload": payload}
        )
        self._zortout_queue_webhook_job()

    def _zortout_queue_webhook_job(self):
        """One pending processing job per account, however many events arrive.

        Like the schedule, it queues nothing for an account archived, paused
        or with its sync off: its events wait (see the cron below).
        """
        if not self.active or not self.sync_enabled or self.paused:
            return None
        return self.sudo()._enqueue_job(
            WEBHOOK_JOB,
            name=self.env._("Process Zortout Webhooks - %s", self.name),
            identity_key=WEBHOOK_KEY,
            reuse_states=("pending",),  # a started job may have read before this event
        )

    # -------------------------------------------------------------------- jobs
    def _run_job_process_zortout_webhooks(self, job):
        """Turn pending events into small jobs: a stock sync of exactly the SKUs
        named, an order import of exactly the orders named."""
        log = job_logger(_logger, self, job)
        Event = self.env["marketplace.webhook.event"]
        events = Event.search(
            [("account_id", "=", self.id), ("state", "=", "pending")],
            order="id",
            limit=EVENTS_PER_JOB,
        )
        quantity = events.filtered(lambda e: EVENTS[e.event_type][0] == "quantity")
        orders = events - quantity
        refs = {event: event_order_refs(event.payload) for event in orders}
        blank = quantity.filtered(lambda e: not event_skus(e.payload)) | orders.filtered(
            lambda e: not any(refs[e])
        )
        for event in blank:
            what = "SKU" if event in quantity else "order id or number"
            event.write(
                {
                    "state": "skipped",
                    "job_id": job.id,
                    "note": f"names no {what} (keys: {payload_keys(event.payload)})",
                }
            )
        quantity, orders = quantity - blank, orders - blank
        skus = list(dict.fromkeys(sku for e in quantity for sku in event_skus(e.payload)))
        order_ids = list(dict.fromkeys(i for e in orders for i in refs[e][0]))
        numbers = list(dict.fromkeys(n for e in orders for n in refs[e][1]))
        result = {
            "events": len(events),
            "skus": len(skus),
            "orders": len(order_ids) + len(numbers),
            "events_not_understood": len(blank),
        }
        queued = []
        if quantity:
            queued += self._zortout_queue_sku_syncs(quantity, skus, job)
        if orders:
            queued += self._zortout_queue_order_imports(orders, order_ids, numbers, job)
        result["jobs_queued"] = len(queued)
        result["summary"] = self.env._(
            "%(events)s events: %(skus)s SKUs, %(orders)s orders; %(jobs)s jobs queued",
            events=len(events),
            skus=len(skus),
            orders=result["orders"],
            jobs=len(queued),
        )
        if blank:
            result["events_not_understood_list"] = [
                f"{event.event_type} #{event.id}: {event.note}" for event in blank[:MAX_LISTED]
            ]
            result["summary"] += self.env._("; %s not understood", len(blank))
        if len(events) == EVENTS_PER_JOB:
            result["continued_in_job"] = job._continue({}).id
        self._zortout_vacuum_webhook_events()
        log.info("%s", result["summary"])
        return result

    def _zortout_queue_sku_syncs(self, events, skus, job):
        if self.stock_master != "remote":
            events.write({"state": "skipped", "job_id": job.id, "note": "Odoo is the stock master"})
            return []
        jobs = [
            self._enqueue_job(
                "sync_stock_from_zortout",
                params={**self._zortout_stock_params(), "sku_list": chunk},
                name=self.env._("Sync Stock from Zortout - %s (webhook)", self.name),
            )
            for chunk in split_every(CHUNK, skus, list)
        ]
        events.write({"state": "done", "job_id": job.id, "note": False})
        return jobs

    def _zortout_queue_order_imports(self, events, order_ids, numbers, job):
        name = self.env._("Import Orders from Zortout - %s (webhook)", self.name)
        chunks = [("order_ids", chunk) for chunk in split_every(CHUNK, order_ids, list)]
        chunks += [("order_numbers", chunk) for chunk in split_every(CHUNK, numbers, list)]
        jobs = [
            self._zortout_enqueue_orders(params={key: chunk}, name=name, identity_key=None)
            for key, chunk in chunks
        ]
        events.write({"state": "done", "job_id": job.id, "note": False})
        return jobs

    def _zortout_vacuum_webhook_events(self):
        cutoff = fields.Datetime.now() - timedelta(days=EVENT_RETENTION_DAYS)
        self.env["marketplace.webhook.event"].search(
            [
                ("account_id", "=", self.id),
                ("state", "!=", "pending"),
                ("received_at", "<", cutoff),
            ],
            limit=1000,
        ).unlink()

    @api.model
    def _cron_zortout_queue_forgotten_webhooks(self):
        """Events left pending with no job: one that came as a job ended, or
        events of an account paused then resumed."""
        Event = self.env["marketplace.webhook.event"].sudo()
        stale = fields.Datetime.now() - timedelta(minutes=1)
        groups = Event._read_group(
            [("state", "=", "pending"), ("received_at", "<", stale)], ["account_id"]
        )
        for (account,) in groups:
            account._zortout_queue_webhook_job()
