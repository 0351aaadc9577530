"""The book server as a channel: one account per company runs its pull jobs."""

from odoo import api, fields, models

PULL_JOB = "pull_partnumber_books"


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    channel = fields.Selection(
        selection_add=[("partnumber_books", "Partnumber book server")],
        ondelete={"partnumber_books": "cascade"},
    )

    @api.model
    def _partnumber_book_account(self, company):
        """The company's book server account, created the first time it is needed."""
        Account = self.sudo().with_context(active_test=False)
        account = Account.search(
            [("channel", "=", "partnumber_books"), ("company_id", "=", company.id)], limit=1
        )
        if not account:
            account = Account.create(
                {
                    "name": self.env._("Partnumber books (%s)", company.name),
                    "channel": "partnumber_books",
                    "company_id": company.id,
                }
            )
        return account

    def _test_connection(self):
        if self.channel != "partnumber_books":
            return super()._test_connection()
        return self.env["vendor.partnumber.book"]._book_server_client().check_connection()

    def _run_job_pull_partnumber_books(self, job):
        books = self.env["vendor.partnumber.book"]._pull_books(self.company_id, retryable=True)
        return {"books pulled": len(books), "items": sum(books.mapped("item_count"))}
