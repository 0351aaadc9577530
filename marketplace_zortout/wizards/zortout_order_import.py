"""Import the Zortout orders updated in a chosen date range (the account's button)."""

from odoo import api, fields, models
from odoo.exceptions import UserError


class ZortoutOrderImport(models.TransientModel):
    _name = "marketplace.zortout.order.import"
    _description = "Import Zortout Orders of a Date Range"

    account_id = fields.Many2one("marketplace.account", required=True, ondelete="cascade")
    date_from = fields.Datetime(
        string="Updated from", required=True, default=lambda self: self._default_from()
    )
    date_to = fields.Datetime(string="Updated to", required=True, default=fields.Datetime.now)

    @api.model
    def _default_from(self):
        return fields.Datetime.subtract(fields.Datetime.now(), days=7)

    def action_import(self):
        """Queue the import; it reads one day at a time and does not move the
        account's scheduled window."""
        self.ensure_one()
        if self.date_from >= self.date_to:
            raise UserError(self.env._("The start of the range must be before its end."))
        after = fields.Datetime.to_string(self.date_from.replace(second=0, microsecond=0))
        before = fields.Datetime.to_string(self.date_to.replace(second=0, microsecond=0))
        job = self.account_id._zortout_enqueue_orders(
            params={"after": after, "before": before, "manual": True},
            name=self.env._(
                "Import Orders from Zortout - %(account)s (%(start)s to %(end)s)",
                account=self.account_id.name,
                start=after[:16],
                end=before[:16],
            ),
            identity_key=f"zortout-orders-{after}-{before}",
        )
        return self.account_id._notify_job_queued(job)
