"""Webhook events as received: stored in milliseconds, processed by a job."""

import json

from odoo import api, fields, models

from ..lib.webhook import EVENTS

EVENT_STATES = [("pending", "Pending"), ("done", "Done"), ("skipped", "Skipped")]


class MarketplaceWebhookEvent(models.Model):
    _name = "marketplace.webhook.event"
    _description = "Marketplace Webhook Event"
    _order = "id desc"

    account_id = fields.Many2one(
        "marketplace.account", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    event_type = fields.Selection([(name, name.upper()) for name in EVENTS], required=True)
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
