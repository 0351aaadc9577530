"""Client of a partnumber book server (JSON over HTTP, bearer token).

GET {url}/books          -> {"books": [{"id": "2026-11", "name": "Nov 2026", "date": "2026-11-01"}]}
GET {url}/books/{id}     -> {"id": ..., "name": ..., "date": ...,
                             "items": [{"partnumber": "x1", "product": "LOT_A",
                                        "primary": true, "description": "..."}]}

Requests go through the suite's HTTP base: the token never reaches an error
or another host, answers are bounded in time and size.
"""

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.lib.http import JsonHttpClient

TIMEOUT = 30
#: A book of 200,000 items is about 20 MB of JSON.
MAX_BYTES = 100 * 1024 * 1024


class BookServerError(MarketplaceError):
    """The server's answer is not a book list or a book; the message says why."""


class BookServerClient(JsonHttpClient):
    service = "The book server"

    def __init__(self, url, token, session=None, timeout=TIMEOUT):
        super().__init__(url, session=session, timeout=timeout, max_bytes=MAX_BYTES)
        self.token = token

    def _headers(self):
        return {"Authorization": f"Bearer {self.token}"}

    def _auth_error(self, response, endpoint):
        return BookServerError(
            f"The book server refused the token (HTTP {response.status_code} on {endpoint}): "
            "check it in Settings."
        )

    def list_books(self):
        payload = self._request("GET", "books")
        books = payload.get("books") if isinstance(payload, dict) else None
        if not isinstance(books, list) or not all(
            isinstance(b, dict) and b.get("id") for b in books
        ):
            raise BookServerError("The book server's list has no 'books' with an 'id' each.")
        return books

    def get_book(self, book_id):
        payload = self._request("GET", f"books/{book_id}")
        if not isinstance(payload, dict) or not isinstance(payload.get("items"), list):
            raise BookServerError(f"Book {book_id} from the server has no 'items' list.")
        return payload

    def check_connection(self):
        return f"The book server lists {len(self.list_books())} book(s)."
