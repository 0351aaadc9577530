"""A guard for paged reads: a faulty server must not make items count twice.

Servers that ignore the paging parameter answer the same page forever, and
some repeat a page once; summing such pages inflates stock. Every paged
client passes each page through ``PageGuard.check``, which refuses a page
identical to one already read and stops a read that goes past the number of
pages the server's own count allows (or past a configured cap when the
server sends no count).
"""

import hashlib
import json
import math

from .errors import MarketplaceError

#: Pages read at most when the server reports no count.
DEFAULT_MAX_PAGES = 2000


class PageGuard:
    """Checks the pages of one paged read, in order."""

    def __init__(self, service, endpoint, *, page_size, max_pages=DEFAULT_MAX_PAGES):
        self.service = service
        self.endpoint = endpoint
        self.page_size = page_size
        self.max_pages = max_pages
        self.pages = 0
        self._seen = {}

    def expect_total(self, total):
        """Narrow the page cap to what a reported item count needs (plus one)."""
        if total is None or total < 0:
            return
        needed = math.ceil(total / self.page_size) + 1 if self.page_size else self.max_pages
        self.max_pages = min(self.max_pages, max(needed, 1))

    def check(self, items):
        """Accept one page's items, or raise when the read cannot be trusted."""
        self.pages += 1
        if self.pages > self.max_pages:
            raise MarketplaceError(
                f"{self.service} {self.endpoint}: more than {self.max_pages} pages were "
                "answered, more than the reported count allows; the server seems to "
                "ignore paging, so nothing was applied."
            )
        if not items:
            return
        digest = hashlib.sha1(json.dumps(items, sort_keys=True, default=str).encode()).hexdigest()
        first = self._seen.setdefault(digest, self.pages)
        if first != self.pages:
            raise MarketplaceError(
                f"{self.service} {self.endpoint}: page {self.pages} repeats page {first} "
                "item for item; the server does not page correctly, so nothing was "
                "applied."
            )
