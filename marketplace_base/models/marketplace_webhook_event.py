"""The webhook inbox: events as received, stored in milliseconds, processed by a job.

Every channel keeps its own route, token check and the meaning of its
events; it stores them here with ``account._webhook_receive(event_type,
payload)`` and reads them back in its ``_webhook_process`` hook (see
``marketplace_account_webhook.py``).
"""

import json
from datetime import timedelta

from odoo import api, fields, models

EVENT_STATES = [("pending", "Pending"), ("done", "Done"), ("skipped", "Skipped")]
#: Ended events are kept this long (days), for who wants to see what came.
EVENT_RETENTION_DAYS = 7
VACUUM_BATCH = 1000


class MarketplaceWebhookEvent(models.Model):
    _name = "marketplace.webhook.event"
    _description = "Marketplace Webhook Event"
    _order = "id desc"

    account_id = fields.Many2one(
        "marketplace.account", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    channel = fields.Selection(related="account_id.channel")
    event_type = fields.Selection(
        selection=[], required=True, help="Each channel adds the events it receives."
    )
    payload = fields.Json(string="Payload (JSON)", readonly=True)
    payload_text = fields.Text(string="Payload", compute="_compute_payload_text")
    received_at = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    state = fields.Selection(EVENT_STATES, default="pending", required=True, index=True)
    note = fields.Char(help="What processing did with the event.")
    job_id = fields.Many2one("marketplace.job", string="Processed by", ondelete="set null")

    @api.depends("payload")
    def _compute_payload_text(self):
        for event in self:
            event.payload_text = json.dumps(event.payload, indent=2, ensure_ascii=False)

    def _vacuum(self, accounts, days=EVENT_RETENTION_DAYS):
        """Delete ended events of ``accounts`` older than ``days``, a batch at a time."""
        cutoff = fields.Datetime.now() - timedelta(days=days)
        old = self.search(
            [
                ("account_id", "in", accounts.ids),
                ("state", "!=", "pending"),
                ("received_at", "<", cutoff),
            ],
            limit=VACUUM_BATCH,
        )
        old.unlink()
        return len(old)
