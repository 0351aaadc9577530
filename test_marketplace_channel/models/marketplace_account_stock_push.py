"""The test channel's stock push: only the batch sender, the rest is the
neutral ``marketplace.stock.pusher``.

Its "remote system" is ``REMOTE``, in this process: the quantities it holds
per warehouse, the SKUs it refuses (``{sku: reason}``) and every batch it
received, for the tests to set and read.
"""

from odoo import api, fields, models
from odoo.addons.marketplace_stock.lib.stock_push import BatchAnswer

REMOTE = {"stock": {}, "refuse": {}, "batches": []}


def send_batch(warehouse_code, quantities):
    """Write ``{sku: quantity}``; the refused SKUs are named, not written."""
    REMOTE["batches"].append(dict(quantities))
    stock = REMOTE["stock"].setdefault(warehouse_code or "", {})
    answer = BatchAnswer()
    for sku, quantity in quantities.items():
        if sku in REMOTE["refuse"]:
            answer.rejected[sku] = REMOTE["refuse"][sku]
        else:
            stock[sku] = quantity
            answer.accepted.append(sku)
    return answer


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    @api.model
    def _stock_channels(self):
        return [*super()._stock_channels(), "test_channel"]

    @api.model
    def _stock_push_channels(self):
        return [*super()._stock_push_channels(), "test_channel"]

    def action_test_channel_push_stock(self):
        return self._stock_push_queue("push_stock_to_test_channel", f"Push Stock - {self.name}")

    def _run_job_push_stock_to_test_channel(self, job):
        return self.env["marketplace.stock.pusher"]._push(self, job, send_batch, batch_size=2)


class MarketplaceJob(models.Model):
    _inherit = "marketplace.job"

    job_type = fields.Selection(
        selection_add=[("push_stock_to_test_channel", "Push Stock to the Test Channel")],
        ondelete={"push_stock_to_test_channel": "cascade"},
    )
