"""Mouser call counters per account, committed apart from the jobs.

A call counts even when the job that made it fails and rolls back, so the
counters are written in their own short transaction, under a row lock so
two jobs never both take the last call.
"""

from datetime import datetime

from odoo import api, fields, models

from ..lib.quota import Quota, QuotaState


class SupplierMouserQuota(models.Model):
    _name = "supplier.mouser.quota"
    _description = "Mouser API Call Counters"

    account_id = fields.Many2one("marketplace.account", required=True, ondelete="cascade")
    day = fields.Date()
    calls_today = fields.Integer()
    recent_calls = fields.Json(help="Times (epoch seconds) of the calls of the last minute.")

    _sql_constraints = [("account_unique", "unique(account_id)", "One counter per account.")]

    @api.model
    def _reserve_call(self, account, now=None):
        """Count one call if the quota allows it now.

        Returns ``(True, None)``, or ``(False, seconds to wait)`` with ``None``
        seconds when the daily budget is spent.
        """
        now = now or datetime.utcnow()
        quota = Quota(account.mouser_daily_limit, account.mouser_minute_limit)
        with self.env.registry.cursor() as cr:
            env = self.env(cr=cr, su=True)  # kept alive: a transaction flushes live envs only
            cr.execute(
                "INSERT INTO supplier_mouser_quota (account_id, calls_today) VALUES (%s, 0) "
                "ON CONFLICT (account_id) DO NOTHING",
                (account.id,),
            )
            cr.execute(
                "SELECT id FROM supplier_mouser_quota WHERE account_id = %s FOR UPDATE",
                (account.id,),
            )
            row = env["supplier.mouser.quota"].browse(cr.fetchone()[0])
            state = QuotaState(row.day, row.calls_today, list(row.recent_calls or []))
            wait = quota.wait_seconds(state, now)
            if wait != 0:
                return False, wait
            state = quota.record_call(state, now)
            row.write(
                {
                    "day": state.day,
                    "calls_today": state.calls_today,
                    "recent_calls": state.recent_calls,
                }
            )
            return True, None
