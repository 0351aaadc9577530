"""The events the test channel receives."""

from odoo import fields, models

EVENTS = [("item_changed", "Item changed")]


class MarketplaceWebhookEvent(models.Model):
    _inherit = "marketplace.webhook.event"

    event_type = fields.Selection(
        selection_add=EVENTS, ondelete=dict.fromkeys(dict(EVENTS), "cascade")
    )
