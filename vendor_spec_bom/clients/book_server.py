"""Client of a partnumber book server (JSON over HTTP, bearer token).

GET {url}/books          -> {"books": [{"id": "2026-11", "name": "Nov 2026", "date": "2026-11-01"}]}
GET {url}/books/{id}     -> {"id": ..., "name": ..., "date": ...,
                             "items": [{"partnumber": "x1", "product": "LOT_A",
                                        "primary": true, "description": "..."}]}
"""

import requests

TIMEOUT = 30


class BookServerError(Exception):
    """The server could not be read; the message says why."""


class BookServerClient:
    def __init__(self, url, token, session=None, timeout=TIMEOUT):
        self.url = url.rstrip("/")
        self.token = token
        self.session = session or requests.Session()
        self.timeout = timeout

    def _get(self, path):
        try:
            response = self.session.get(
                f"{self.url}/{path}",
                headers={"Authorization": f"Bearer {self.token}", "Accept": "application/json"},
                timeout=self.timeout,
            )
        except requests.RequestException as exc:
            raise BookServerError(f"The book server could not be reached: {exc}") from exc
        if response.status_code in (401, 403):
            raise BookServerError("The book server refused the token (check it in Settings).")
        if response.status_code >= 400:
            raise BookServerError(
                f"The book server answered HTTP {response.status_code} on {path}."
            )
        try:
            return response.json()
        except ValueError as exc:
            raise BookServerError(
                f"The book server sent an answer that is not JSON on {path}."
            ) from exc

    def list_books(self):
        payload = self._get("books")
        books = payload.get("books") if isinstance(payload, dict) else None
        if not isinstance(books, list) or not all(
            isinstance(b, dict) and b.get("id") for b in books
        ):
            raise BookServerError("The book server's list has no 'books' with an 'id' each.")
        return books

    def get_book(self, book_id):
        payload = self._get(f"books/{book_id}")
        if not isinstance(payload, dict) or not isinstance(payload.get("items"), list):
            raise BookServerError(f"Book {book_id} from the server has no 'items' list.")
        return payload
