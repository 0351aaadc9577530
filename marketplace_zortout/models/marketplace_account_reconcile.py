"""The scheduled full stock scan as reconciliation, as often as the quota allows."""

from datetime import timedelta

from odoo import api, fields, models

from ..clients.zortout import PAGE_SIZE
from ..lib.reconcile import SCHEDULE_MINUTES, scan_plan

DEFAULT_DAILY_QUOTA = 50_000
DEFAULT_RESERVED_PERCENT = 20


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    zortout_daily_quota = fields.Integer(
        string="Daily call quota",
        default=DEFAULT_DAILY_QUOTA,
        help="API calls Zortout allows the store per day.",
    )
    zortout_quota_reserved = fields.Integer(
        string="Quota kept for other calls (%)",
        default=DEFAULT_RESERVED_PERCENT,
        help="Share of the daily quota full stock scans leave to webhook-driven syncs, "
        "pushes, orders and product imports.",
    )
    zortout_catalog_size = fields.Integer(
        string="Products in Zortout",
        readonly=True,
        copy=False,
        help="Products seen by the last full stock scan.",
    )
    zortout_last_scan_at = fields.Datetime(string="Last full scan", readonly=True, copy=False)
    zortout_scan_interval = fields.Integer(
        string="Full scan every (minutes)",
        compute="_compute_zortout_scan",
        help="From the catalogue size (500 products per call, per Zortout warehouse read) "
        "and the quota share left for scans; never more often than the 10-minute schedule.",
    )
    zortout_scan_warning = fields.Char(compute="_compute_zortout_scan")

    _sql_constraints = [
        (
            "zortout_quota_reserved_percent",
            "CHECK(zortout_quota_reserved >= 0 AND zortout_quota_reserved <= 100)",
            "The quota share kept for other calls is a percentage (0 to 100).",
        ),
    ]

    @api.depends(
        "zortout_catalog_size",
        "zortout_daily_quota",
        "zortout_quota_reserved",
        "zortout_warehouse_code",
        "stock_warehouse_mode",
        "stock_location_map_ids",
        "zortout_webhook_registered_url",
    )
    def _compute_zortout_scan(self):
        for account in self:
            plan = account._zortout_scan_plan()
            account.zortout_scan_interval = plan.interval_minutes
            account.zortout_scan_warning = account._zortout_scan_warning_text(plan)

    def _zortout_scan_plan(self):
        warehouses = len(self._stock_targets(self.zortout_warehouse_code or None)) if self.id else 1
        return scan_plan(
            self.zortout_catalog_size,
            PAGE_SIZE,
            self.zortout_daily_quota,
            self.zortout_quota_reserved,
            warehouses,
        )

    def _zortout_scan_warning_text(self, plan):
        if self.channel != "zortout" or self.stock_master != "remote":
            return False
        budget = int(plan.scans_per_day * plan.calls_per_scan)
        if not plan.covers_daily_scan:
            return self.env._(
                "The quota cannot cover even one full stock scan a day: a scan takes "
                "%(calls)s calls and %(budget)s calls a day are left for scans. Raise the "
                "daily quota or lower the share kept for other calls; register the webhooks "
                "so changes still arrive.",
                calls=plan.calls_per_scan,
                budget=budget,
            )
        # quantity events arrive while the URL is the registered one, even when
        # the order events of a newer version still wait for a registration
        quantity_events = self.zortout_webhook_registered_url == self.zortout_webhook_url
        if not quantity_events and plan.interval_minutes > SCHEDULE_MINUTES:
            return self.env._(
                "Webhooks are not registered: a stock change in Zortout reaches Odoo only with "
                "the next full scan, every %s minutes. Register the webhooks.",
                plan.interval_minutes,
            )
        return False

    def _zortout_scan_due(self, now=None):
        """Whether the scheduled full scan should run now.

        Half a schedule run of slack: the last scan is stamped when it ran,
        a little after the schedule queued it.
        """
        if not self.zortout_last_scan_at:
            return True
        now = now or fields.Datetime.now()
        slack = timedelta(minutes=SCHEDULE_MINUTES / 2)
        due = self.zortout_last_scan_at + timedelta(minutes=self.zortout_scan_interval) - slack
        return now >= due

    def _zortout_record_scan(self, fetched):
        """A full scan (every product, every warehouse) read ``fetched``: note its size."""
        skus = {row[0] for rows in fetched.values() for row in rows}
        self.write(
            {"zortout_catalog_size": len(skus), "zortout_last_scan_at": fields.Datetime.now()}
        )
