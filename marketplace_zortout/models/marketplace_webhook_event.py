"""The webhook events Zortout sends, in the inbox of ``marketplace_base``."""

from odoo import fields, models

from ..lib.webhook import EVENTS


class MarketplaceWebhookEvent(models.Model):
    _inherit = "marketplace.webhook.event"

    event_type = fields.Selection(
        selection_add=[(name, name.upper()) for name in EVENTS],
        ondelete=dict.fromkeys(EVENTS, "cascade"),
    )
