"""The test channel, as a channel addon declares itself."""

from odoo import fields, models


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    channel = fields.Selection(
        selection_add=[("test_channel", "Test Channel")], ondelete={"test_channel": "cascade"}
    )
