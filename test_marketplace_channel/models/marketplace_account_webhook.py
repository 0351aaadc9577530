"""The test channel's webhooks: its token and what its events mean."""

from odoo import fields, models
from odoo.addons.marketplace_base.tools import MANAGER_GROUP


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    test_channel_webhook_token = fields.Char(groups=MANAGER_GROUP, copy=False)

    def _webhook_process(self, events, run):
        """An ``item_changed`` event names a SKU: count it, list it once."""
        if self.channel != "test_channel":
            return super()._webhook_process(events, run)
        skipped = {}
        skus = []
        for event in events:
            sku = str((event.payload or {}).get("sku") or "").strip()
            if sku:
                skus.append(sku)
            else:
                skipped[event.id] = "names no SKU"
                run.listed("events_not_understood_list", f"#{event.id}")
        for sku in dict.fromkeys(skus):
            run.listed("skus", sku)
        run.add("events_not_understood", len(skipped))
        return skipped

    def _webhook_summary(self, run):
        if self.channel != "test_channel":
            return super()._webhook_summary(run)
        return self.env._(
            "%(events)s events, %(skus)s SKUs",
            events=run.counters["events"],
            skus=run.list_totals["skus"],
        )
