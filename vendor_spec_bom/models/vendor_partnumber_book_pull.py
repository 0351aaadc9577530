"""Pull partnumber books from the book server configured in Settings."""

import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..clients.book_server import BookServerClient, BookServerError
from ..lib.book_parser import parse_book

_logger = logging.getLogger(__name__)


class VendorPartnumberBook(models.Model):
    _inherit = "vendor.partnumber.book"

    @api.model
    def action_pull_books(self):
        books = self._pull_books()
        message = (
            self.env._("%s new partnumber book(s) pulled.", len(books))
            if books
            else self.env._("No new partnumber book on the server.")
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "success" if books else "info",
                "next": {"type": "ir.actions.client", "tag": "reload"},
            },
        }

    @api.model
    def _cron_pull_books(self):
        try:
            self._pull_books()
        except UserError as exc:
            _logger.warning("Partnumber book pull failed: %s", exc)

    @api.model
    def _pull_books(self):
        """Create the books the server has and we have not pulled yet; all or nothing."""
        params = self.env["ir.config_parameter"].sudo()
        url = params.get_param("vendor_spec_bom.book_server_url")
        if not url:
            raise UserError(self.env._("Set the partnumber book server in Sales settings first."))
        client = BookServerClient(url, params.get_param("vendor_spec_bom.book_server_token") or "")
        company = self.env.company
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
        except BookServerError as exc:
            raise UserError(str(exc)) from exc
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
