"""Spector ERP client: the batch ``ItemInfo`` endpoint. It only fetches.

The Spector item-update document names the endpoint and says items come
in batches; it leaves the transport open. Read literally, as this client
does:

* every call sends ``Authorization: Bearer <token>``;
* ``POST <base>/ItemInfo`` with ``{"BatchSize": n, "Skip": k,
  "ModifiedSince": "<ISO UTC>" | null}``.

The answer's envelope is open too, so every plausible one is read
(``marketplace_catalog.lib.paged``): ``{"Items": [...], "TotalCount": n}``,
a bare array, OData ``{"value": [...]}``, or one object when one item was
asked for. The read stops on an empty or short batch or when
``TotalCount`` items were read; a batch identical to an earlier one (a
server ignoring ``Skip``) fails the read instead of counting items twice.
The item fields are read by ``marketplace_spector.lib.item_mapper``.
"""

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.lib.http import JsonHttpClient
from odoo.addons.marketplace_catalog.lib import paged
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
        return self._request("POST", ENDPOINT, json=body)

    def iter_item_batches(self, modified_since=None, batch_size=500):
        """The raw ItemInfo entities, batch by batch."""
        return paged.pages(
            lambda skip: self._batch(skip, batch_size, modified_since),
            self.service,
            ENDPOINT,
            page_size=batch_size,
        )

    def check_connection(self):
        _items, total = paged.rows_of(self._batch(0, 1), self.service, ENDPOINT)
        count = "an unknown number of" if total is None else total
        return f"Connected to Spector: {count} items."
