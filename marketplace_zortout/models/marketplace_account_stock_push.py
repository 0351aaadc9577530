"""Odoo as the stock master: Zortout's part of a stock push.

The push service (``marketplace.stock.pusher``) decides what to send and
records what was accepted; Zortout sends a batch and reads its answer, and
says which of its fields is written.
"""

from odoo import api, fields, models

from ..clients.zortout import PUSH_BATCH

PUSH_ENDPOINTS = [
    ("stock", "Stock (UpdateProductStockList)"),
    ("available", "Available stock (UpdateProductAvailableStockList)"),
]


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    zortout_push_endpoint = fields.Selection(
        PUSH_ENDPOINTS,
        string="Zortout field written",
        default="stock",
        required=True,
        help="Stock: Zortout's stock count. Available stock: the quantity Zortout may sell.",
    )

    @api.model
    def _stock_push_channels(self):
        return [*super()._stock_push_channels(), "zortout"]

    @api.model
    def _stock_push_reset_fields(self):
        return [*super()._stock_push_reset_fields(), "zortout_push_endpoint"]

    # ----------------------------------------------------------------- buttons
    def action_zortout_push_stock(self):
        return self._stock_push_queue(
            "push_stock_to_zortout", self.env._("Push Stock to Zortout - %s", self.name)
        )

    def action_zortout_push_all_stock(self):
        return self._stock_push_queue(
            "push_stock_to_zortout",
            self.env._("Push All Stock to Zortout - %s", self.name),
            push_all=True,
        )

    # ------------------------------------------------------------------- crons
    @api.model
    def _cron_zortout_enqueue_stock_push(self):
        """Queue one push per Zortout account whose stock master is Odoo."""
        for account in self._accounts_to_sync("zortout")._with_stock_master("odoo"):
            account._enqueue_job(
                "push_stock_to_zortout",
                name=self.env._("Push Stock to Zortout - %s (Auto)", account.name),
                identity_key="zortout-push",
            )

    # -------------------------------------------------------------------- jobs
    def _run_job_push_stock_to_zortout(self, job):
        """The push service, sending each batch to Zortout; the result adds
        Zortout's answer notes, quota notices and repaired text."""
        skipped = self._stock_master_skipped("odoo")
        if skipped:
            return skipped  # before the client: an account without credentials may skip
        client = self._zortout_client()
        available = self.zortout_push_endpoint == "available"

        def send_batch(warehouse_code, quantities):
            return client.update_stock_list(
                list(quantities.items()), warehouse_code, available=available
            )

        result = self.env["marketplace.stock.pusher"]._push(
            self,
            job,
            send_batch,
            batch_size=PUSH_BATCH,
            targets=self._stock_targets(self.zortout_warehouse_code or None),
        )
        for key in ("answer_notes", "answer_notes_more"):
            if key in result:
                result[f"zortout_{key}"] = result.pop(key)
        result.update(self._zortout_client_notes(client))
        return result
