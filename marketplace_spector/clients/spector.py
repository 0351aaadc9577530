"""Spector ERP client: the batch ``ItemInfo`` endpoint. It only fetches.

The Spector item-update document names the endpoint and says items come
in batches; it leaves the transport open. Read literally, as this client
does:

* every call sends ``Authorization: Bearer <token>``;
* ``POST <base>/ItemInfo`` with ``{"BatchSize": n, "Skip": k,
  "ModifiedSince": "<ISO UTC>" | null}`` answers
  ``{"Items": [<ItemInfo entity>...], "TotalCount": <int or null>}``;
* the read stops on a short batch or when ``TotalCount`` items were read.

Every batch goes through ``PageGuard``: a batch identical to an earlier
one (a server ignoring ``Skip``) or more batches than ``TotalCount``
allows fails the read instead of counting items twice. The item fields are
read by ``marketplace_spector.lib.item_mapper``.
"""

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.lib.http import JsonHttpClient
from odoo.addons.marketplace_base.lib.paging import PageGuard
from odoo.addons.marketplace_catalog.lib import values as v

ENDPOINT = "ItemInfo"


class SpectorClient(JsonHttpClient):
    service = "Spector"

    def __init__(self, base_url, token, session=None, timeout=60):
        super().__init__(base_url, session=session, timeout=timeout)
        self.token = token

    def _headers(self):
        return {"Authorization": f"Bearer {self.token}"}

    def _auth_error(self, response, endpoint):
        return MarketplaceError(
            f"Spector refused the token (HTTP {response.status_code}) on {endpoint}: "
            "check the account's Spector token."
        )

    def _batch(self, skip, batch_size, modified_since=None):
        body = {
            "BatchSize": batch_size,
            "Skip": skip,
            "ModifiedSince": v.iso_utc(modified_since) if modified_since else None,
        }
        payload = self._request("POST", ENDPOINT, json=body)
        items = self.field(payload, "Items", ENDPOINT, types=list)
        total = self.field(payload, "TotalCount", ENDPOINT, types=int, default=None)
        return items, total

    def iter_item_batches(self, modified_since=None, batch_size=500):
        """The raw ItemInfo entities, batch by batch."""
        guard = PageGuard(self.service, ENDPOINT, page_size=batch_size)
        skip = 0
        while True:
            items, total = self._batch(skip, batch_size, modified_since)
            guard.expect_total(total)
            guard.check(items)
            if items:
                yield items
            skip += len(items)
            if len(items) < batch_size or (total is not None and skip >= total):
                return

    def check_connection(self):
        _items, total = self._batch(0, 1)
        count = "an unknown number of" if total is None else total
        return f"Connected to Spector: {count} items."
