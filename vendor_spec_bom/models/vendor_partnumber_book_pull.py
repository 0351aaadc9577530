"""Pull partnumber books from the book server configured in Settings.

The button pulls at once for the user's company; the schedule and the JSON
API only queue a job (a ``marketplace.job`` on the company's book server
account) and the job runner does the HTTP work.
"""

from odoo import api, fields, models
from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.tools import notification
from odoo.exceptions import UserError

from ..clients.book_server import BookServerClient
from ..lib.book_parser import parse_book
from .marketplace_account import PULL_JOB


class VendorPartnumberBook(models.Model):
    _inherit = "vendor.partnumber.book"

    def action_pull_books(self):
        """List button: the web client passes the selected records (maybe none)."""
        books = self.browse()._pull_books(self.env.company)
        message = (
            self.env._("%s new partnumber book(s) pulled.", len(books))
            if books
            else self.env._("No new partnumber book on the server.")
        )
        reload = {"type": "ir.actions.client", "tag": "reload"}
        return notification(message, "success" if books else "info", next_action=reload)

    @api.model
    def _cron_pull_books(self):
        """Queue one pull job per company (none while no server is set)."""
        if not self.env["ir.config_parameter"].sudo().get_param("vendor_spec_bom.book_server_url"):
            return self.env["marketplace.job"]
        Account = self.env["marketplace.account"]
        jobs = self.env["marketplace.job"]
        for company in self.env["res.company"].sudo().search([]):  # pylint: disable=no-search-all
            account = Account._partnumber_book_account(company)
            if account.active:
                jobs |= account._enqueue_job(PULL_JOB, identity_key=PULL_JOB)
        return jobs

    @api.model
    def _queue_pull(self, company):
        """Queue a pull for ``company`` (the pending or running one if any).

        For whoever may create books (sales managers), who need not be
        Marketplace users: the job is queued by the system in their name.
        """
        self.check_access("create")
        self._book_server_client()  # no server set: say so now, not in the job
        account = self.env["marketplace.account"]._partnumber_book_account(company)
        if not account.active:
            raise UserError(
                self.env._("The account %s is archived: restore it to pull books.", account.name)
            )
        return account._enqueue_job(PULL_JOB, identity_key=PULL_JOB)

    @api.model
    def _pull_job(self, job_id, companies):
        """The book pull job ``job_id`` of one of ``companies``, else an empty recordset."""
        job = self.env["marketplace.job"].sudo().browse(job_id).exists()
        if job.job_type != PULL_JOB or job.company_id not in companies:
            return self.env["marketplace.job"]
        return job

    @api.model
    def _book_server_client(self):
        """The client of the book server set in Sales settings."""
        params = self.env["ir.config_parameter"].sudo()
        url = params.get_param("vendor_spec_bom.book_server_url")
        if not url:
            raise UserError(self.env._("Set the partnumber book server in Sales settings first."))
        return BookServerClient(url, params.get_param("vendor_spec_bom.book_server_token") or "")

    @api.model
    def _pull_books(self, company=None, retryable=False):
        """Create the books the server has and we have not pulled yet; all or nothing.

        A server that is down or slow is a ``UserError`` for a button, and a
        retryable failure for a job (``retryable``).
        """
        client = self._book_server_client()
        company = company or self.env.company
        known = set(
            self.with_context(active_test=False)
            .search([("company_id", "=", company.id), ("source", "=", "server")])
            .mapped("server_book_id")
        )
        refs = self._product_refs(company)
        created = self.browse()
        try:
            with self.env.cr.savepoint():  # a failure leaves no book behind, even when caught
                for summary in sorted(client.list_books(), key=lambda b: str(b.get("date") or "")):
                    book_id = str(summary["id"])
                    if book_id not in known:
                        payload = client.get_book(book_id)
                        created |= self._create_pulled_book(payload, book_id, company, refs)
        except MarketplaceError as exc:
            if retryable and isinstance(exc, RetryableJobError):
                raise  # in a job: the runner tries again later
            raise UserError(str(exc)) from None
        if created and not self._active_book(company):
            created[-1].action_activate()
        return created

    @api.model
    def _create_pulled_book(self, payload, book_id, company, refs):
        table = [["partnumber", "product", "primary", "description"]] + [
            [
                item.get("partnumber"),
                item.get("product"),
                "yes" if item.get("primary") else "no",
                item.get("description") or "",
            ]
            for item in payload["items"]
            if isinstance(item, dict)
        ]
        items, errors = parse_book(table, set(refs))
        if errors:
            listed = "; ".join(f"item {row - 1}: {message}" for row, message in errors[:10])
            raise UserError(
                self.env._(
                    "Book %(book)s from the server is not valid: %(errors)s",
                    book=book_id,
                    errors=listed,
                )
            )
        values = {
            "name": payload.get("name") or book_id,
            "date": payload.get("date") or fields.Date.context_today(self),
            "company_id": company.id,
            "source": "server",
            "server_book_id": book_id,
        }
        return self._create_from_items(values, items, refs)
