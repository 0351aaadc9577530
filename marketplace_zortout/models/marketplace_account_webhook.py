"""Zortout webhooks on the account: token, URLs, registration, and what its
events mean (the inbox itself is ``marketplace_base``'s)."""

import secrets

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.tools import MANAGER_GROUP, notification
from odoo.exceptions import UserError
from odoo.tools import split_every

from ..lib.webhook import EVENTS, event_order_refs, event_skus, payload_keys, registered_events

#: SKUs per stock sync, order ids per import queued from events.
CHUNK = 200
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
        "(updateproductquantity, addorder, updateorder, updateordertracking, "
        "updateorderpayment).",
    )
    zortout_webhook_registered_url = fields.Char(readonly=True, copy=False)
    zortout_webhook_registered_events = fields.Char(
        readonly=True,
        copy=False,
        help="The UpdateWebhook fields set at the last registration: an event this "
        "version receives that Zortout was not told of asks to register again.",
    )
    zortout_webhook_registered_at = fields.Datetime(
        string="Webhooks registered", readonly=True, copy=False
    )
    zortout_webhook_state = fields.Selection(
        [("none", "Not registered"), ("registered", "Registered"), ("stale", "Register again")],
        string="Webhooks",
        compute="_compute_zortout_webhook_url",
        help="Register again: the URL changed since the registration, or this version "
        "receives events Zortout was not told of (after an upgrade).",
    )

    @api.depends("zortout_webhook_registered_url", "zortout_webhook_registered_events")
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
            elif (
                account.zortout_webhook_registered_url != url
                or account.zortout_webhook_registered_events != registered_events()
            ):
                account.zortout_webhook_state = "stale"
            else:
                account.zortout_webhook_state = "registered"

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
                "zortout_webhook_registered_events": registered_events(),
                "zortout_webhook_registered_at": fields.Datetime.now(),
            }
        )
        return notification(
            self.env._(
                "Zortout now calls %s… on quantity changes, new or updated orders, "
                "and changes of an order's tracking or payment.",
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

    # -------------------------------------------------------------- process
    def _webhook_process(self, events, run):
        """Turn pending events into small jobs: a stock sync of exactly the SKUs
        named, an order import of exactly the orders named."""
        if self.channel != "zortout":
            return super()._webhook_process(events, run)
        quantity = events.filtered(lambda e: EVENTS.get(e.event_type, ("",))[0] == "quantity")
        orders = events - quantity
        refs = {event: event_order_refs(event.payload) for event in orders}
        skipped = {}
        for event in events:
            if event in quantity and not event_skus(event.payload):
                what = "SKU"
            elif event in orders and not any(refs[event]):
                what = "order id or number"
            else:
                continue
            note = f"names no {what} (keys: {payload_keys(event.payload)})"
            skipped[event.id] = note
            run.listed("events_not_understood_list", f"{event.event_type} #{event.id}: {note}")
        run.add("events_not_understood", len(skipped))
        quantity = quantity.filtered(lambda e: e.id not in skipped)
        orders = orders.filtered(lambda e: e.id not in skipped)
        skus = list(dict.fromkeys(sku for e in quantity for sku in event_skus(e.payload)))
        order_ids = list(dict.fromkeys(i for e in orders for i in refs[e][0]))
        numbers = list(dict.fromkeys(n for e in orders for n in refs[e][1]))
        run.add("skus", len(skus))
        run.add("orders", len(order_ids) + len(numbers))
        queued = []
        if quantity:
            if self.stock_master == "remote":
                queued += self._zortout_queue_sku_syncs(skus)
            else:
                skipped.update(dict.fromkeys(quantity.ids, "Odoo is the stock master"))
        if orders:
            queued += self._zortout_queue_order_imports(order_ids, numbers)
        run.add("jobs_queued", len(queued))
        return skipped

    def _webhook_summary(self, run):
        if self.channel != "zortout":
            return super()._webhook_summary(run)
        counters = run.counters
        summary = self.env._(
            "%(events)s events: %(skus)s SKUs, %(orders)s orders; %(jobs)s jobs queued",
            events=counters["events"],
            skus=counters["skus"],
            orders=counters["orders"],
            jobs=counters["jobs_queued"],
        )
        if counters["events_not_understood"]:
            summary += self.env._("; %s not understood", counters["events_not_understood"])
        return summary

    def _zortout_queue_sku_syncs(self, skus):
        return [
            self._enqueue_job(
                "sync_stock_from_zortout",
                params={**self._zortout_stock_params(), "sku_list": chunk},
                name=self.env._("Sync Stock from Zortout - %s (webhook)", self.name),
            )
            for chunk in split_every(CHUNK, skus, list)
        ]

    def _zortout_queue_order_imports(self, order_ids, numbers):
        name = self.env._("Import Orders from Zortout - %s (webhook)", self.name)
        chunks = [("order_ids", chunk) for chunk in split_every(CHUNK, order_ids, list)]
        chunks += [("order_numbers", chunk) for chunk in split_every(CHUNK, numbers, list)]
        return [
            self._zortout_enqueue_orders(params={key: chunk}, name=name, identity_key=None)
            for key, chunk in chunks
        ]
