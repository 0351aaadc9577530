"""The Mouser channel on marketplace accounts: key, vendor, quota, jobs."""

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.errors import MarketplaceError

from ..clients.mouser import DEFAULT_URL, MouserClient

ADMIN = "marketplace_base.group_marketplace_manager"
SYNC_KEY = "mouser-sync"


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    channel = fields.Selection(selection_add=[("mouser", "Mouser")], ondelete={"mouser": "cascade"})
    mouser_api_key = fields.Char(string="Search API key", groups=ADMIN)
    mouser_api_url = fields.Char(string="Mouser API URL", default=DEFAULT_URL, groups=ADMIN)
    mouser_proxy = fields.Char(
        string="HTTPS proxy", groups=ADMIN, help="e.g. http://user:password@proxy:3128"
    )
    mouser_partner_id = fields.Many2one(
        "res.partner", string="Mouser vendor", help="The vendor that stands for Mouser."
    )
    mouser_daily_limit = fields.Integer(string="Daily call budget", default=1000)
    mouser_minute_limit = fields.Integer(string="Calls per minute", default=30)
    mouser_use_default_code = fields.Boolean(
        string="Internal reference is the manufacturer part number",
        help="Search products without a manufacturer part number by their internal reference.",
    )
    mouser_cursor_tmpl_id = fields.Integer(
        string="Last product visited", readonly=True, help="The sync resumes after this product."
    )
    mouser_calls_today = fields.Integer(compute="_compute_mouser_calls_today")

    def _compute_mouser_calls_today(self):
        quotas = self.env["supplier.mouser.quota"].sudo().search([("account_id", "in", self.ids)])
        today = fields.Date.context_today(self)
        calls = {q.account_id.id: q.calls_today for q in quotas if q.day == today}
        for account in self:
            account.mouser_calls_today = calls.get(account.id, 0)

    def _mouser_client(self):
        self.ensure_one()
        account = self.sudo()
        if not account.mouser_api_key:
            raise MarketplaceError(
                self.env._("Account %s: set the Mouser Search API key first.", self.name)
            )
        if not self.mouser_partner_id:
            raise MarketplaceError(
                self.env._("Account %s: choose the vendor that stands for Mouser first.", self.name)
            )
        return MouserClient(
            account.mouser_api_key,
            base_url=account.mouser_api_url or DEFAULT_URL,
            proxy=account.mouser_proxy or None,
        )

    def _test_connection(self):
        if self.channel != "mouser":
            return super()._test_connection()
        return self._mouser_client().check_connection()

    def action_mouser_sync(self):
        self.ensure_one()
        self._enqueue_job("mouser_sync", identity_key=SYNC_KEY)
        return True

    @api.model
    def _cron_mouser_enqueue_sync(self):
        for account in self._accounts_to_sync("mouser"):
            account._enqueue_job(
                "mouser_sync",
                name=self.env._("Sync with Mouser - %s (Auto)", account.name),
                identity_key=SYNC_KEY,
            )

    def _run_job_mouser_sync(self, job):
        params = job.params or {}
        return self.env["supplier.mouser.sync"]._sync(
            self, job, product_tmpl_ids=params.get("product_tmpl_ids")
        )
