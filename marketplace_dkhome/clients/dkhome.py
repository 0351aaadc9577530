"""DkHome ERP client (REST, OData-style). It only fetches; items are read by lib.item_mapper.

The DkHome item-update document names the endpoints and their fields but
not the JSON envelope nor the authentication. Read literally, as this
client does:

* every call sends ``ApiKey: <key>``;
* a collection's envelope is read in every plausible form
  (``marketplace_catalog.lib.paged``): OData ``{"value": [...]}`` with or
  without ``@odata.*`` keys, a bare array, ``{"Items": [...],
  "TotalCount": n}``; ``/Items`` and ``/ItemPrices`` are paged with
  ``$skip`` (``/Items?$orderby=ItemCode&$skip=N``, an incremental read adds
  ``$filter=Modified gt <ISO UTC>``); the server decides the page size, so
  paging stops on a page shorter than the first one (or empty);
* ``GET /Warehouses`` lists warehouses ``{Code, Name}`` (the connection test);
* ``GET /ItemGroupNameTranslations`` rows are ``{Name, Language, Text}``
  (a group name's translation), ``GET /ItemGroupValueTranslations`` rows
  ``{Name, Value, Language, Text}``;
* ``GET /PriceLists`` lists the price lists item prices refer to (the
  document's RestJsonPriceList): ``{Id (GUID), ExternalId, Code,
  Description, Currency}``.

A page identical to an earlier one (a server ignoring ``$skip``) fails
the read instead of counting its items twice, and so does a read that
never ends.
"""

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.lib.http import JsonHttpClient
from odoo.addons.marketplace_catalog.lib import paged
from odoo.addons.marketplace_catalog.lib import values as v

#: Pages read at most (DkHome sends no count; small page sizes are common).
MAX_PAGES = 20000


class DkHomeClient(JsonHttpClient):
    service = "DkHome"

    def __init__(self, base_url, api_key, session=None, timeout=30):
        super().__init__(base_url, session=session, timeout=timeout)
        self.api_key = api_key

    def _headers(self):
        return {"ApiKey": self.api_key}

    def _auth_error(self, response, endpoint):
        return MarketplaceError(
            f"DkHome refused the API key (HTTP {response.status_code}) on {endpoint}: "
            "check the account's DkHome API key."
        )

    def _collection(self, endpoint, params=None):
        payload = self._request("GET", endpoint, params=params)
        return paged.rows_of(payload, self.service, f"/{endpoint}")[0]

    def _pages(self, endpoint, params=None, first_page_only=False):
        # no count in the answer: the cap only stops a read that never ends
        return paged.pages(
            lambda skip: self._request("GET", endpoint, params={**(params or {}), "$skip": skip}),
            self.service,
            f"/{endpoint}",
            max_pages=MAX_PAGES,
            first_page_only=first_page_only,
        )

    def iter_item_pages(self, modified_since=None, first_page_only=False):
        params = {"$orderby": "ItemCode"}
        if modified_since:
            params["$filter"] = f"Modified gt {v.iso_utc(modified_since)}"
        return self._pages("Items", params, first_page_only)

    def iter_item_prices(self):
        for page in self._pages("ItemPrices", {"$orderby": "ItemCode"}):
            yield from page

    def get_warehouses(self):
        return self._collection("Warehouses")

    def get_price_lists(self):
        return self._collection("PriceLists")

    def get_group_name_translations(self):
        return self._collection("ItemGroupNameTranslations")

    def get_group_value_translations(self):
        return self._collection("ItemGroupValueTranslations")

    def check_connection(self):
        warehouses = self.get_warehouses()
        codes = ", ".join(v.text(w.get("Code")) for w in warehouses if isinstance(w, dict))
        return f"Connected to DkHome: {len(warehouses)} warehouses ({codes or 'none'})."
