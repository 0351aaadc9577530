"""Read the rows of an ERP answer whatever its envelope, and page through them.

The item documents name endpoints and fields but not the JSON around the
rows, and each ERP picks its own. ``rows_of`` accepts every plausible
form: a bare array, OData ``{"value": [...]}`` (with or without
``@odata.*`` keys), ``{"Items": [...], "TotalCount": n}`` (any key case),
and a single object where one row was asked for. ``pages`` is the one
paging loop of the catalogue channels: it asks for page after page,
passes each through ``PageGuard`` (a page repeated item for item fails the
read) and stops on an empty page, a short page, or when the reported total
has been read. No Odoo import.
"""

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.lib.paging import PageGuard

#: Keys that hold the rows, lower-cased (OData, the Spector batch answer, common others).
ROW_KEYS = ("value", "items", "data", "results")
#: Keys that hold the total row count, lower-cased.
TOTAL_KEYS = ("@odata.count", "totalcount", "count", "total")
#: Keys of an error answer sent with HTTP 200.
ERROR_KEYS = ("error", "errors")


def rows_of(payload, service, endpoint):
    """``(rows, total or None)`` of one answer; ``MarketplaceError`` naming the shape."""
    if isinstance(payload, list):
        return payload, None
    if not isinstance(payload, dict):
        raise MarketplaceError(
            f"{service} {endpoint}: expected a list of rows or an object, "
            f"got {type(payload).__name__}."
        )
    by_lower = {key.lower(): key for key in payload if isinstance(key, str)}
    for name in ROW_KEYS:
        if name in by_lower and isinstance(payload[by_lower[name]], list):
            return payload[by_lower[name]], _total(payload, by_lower, service, endpoint)
    if any(name in by_lower for name in ERROR_KEYS):
        raise MarketplaceError(f"{service} {endpoint}: the server answered an error: {payload}")
    if not payload:
        return [], None
    return [payload], None  # one object where one row was asked for


def _total(payload, by_lower, service, endpoint):
    for name in TOTAL_KEYS:
        if name in by_lower:
            value = payload[by_lower[name]]
            if value is None:
                return None
            try:
                return int(value)
            except (TypeError, ValueError):
                raise MarketplaceError(
                    f"{service} {endpoint}: the row count {value!r} is not a number."
                ) from None
    return None


def pages(fetch, service, endpoint, page_size=None, max_pages=None, first_page_only=False):
    """The pages of a paged read, each a list of rows.

    :param fetch: ``fetch(skip)`` -> the decoded answer for rows from ``skip``
    :param page_size: the rows asked per page; None when the server decides
        (then a page shorter than the first one is the last)
    """
    guard_args = {"page_size": page_size or 0}
    if max_pages:
        guard_args["max_pages"] = max_pages
    guard = PageGuard(service, endpoint, **guard_args)
    skip, full_page = 0, None
    while True:
        rows, total = rows_of(fetch(skip), service, endpoint)
        if not full_page and rows:
            # the server's own page size (it may cap below the size asked) sets the page cap
            guard.page_size = len(rows)
        guard.expect_total(total)
        guard.check(rows)
        if rows:
            yield rows
        skip += len(rows)
        full_page = full_page or len(rows)
        if first_page_only or not rows or (total is not None and skip >= total):
            return
        if total is None and len(rows) < (page_size or full_page):
            return
