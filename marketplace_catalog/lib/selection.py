"""Which fetched items a sync writes: filters and duplicate codes."""

from dataclasses import dataclass, field

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_base.lib.summary import MAX_LISTED


@dataclass
class Selection:
    items: list = field(default_factory=list)  # kept, one per code, source order
    deleted: list = field(default_factory=list)  # codes flagged deleted by the source
    skipped: dict = field(default_factory=dict)  # reason -> count
    skipped_codes: dict = field(default_factory=dict)  # reason -> first codes
    warnings: list = field(default_factory=list)

    def skip(self, reason, code):
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
        listed = self.skipped_codes.setdefault(reason, [])
        if len(listed) < MAX_LISTED:
            listed.append(code)


def select_items(items, only_webshop=False, disallow_duplicates=False):
    """Drop deleted, blank and (optionally) non-webshop items; settle duplicate codes.

    A code seen twice stops the sync with the codes named when
    ``disallow_duplicates``; otherwise the last one wins and a warning says so.
    """
    selection = Selection()
    by_code = {}
    duplicates = []
    for item in items:
        code = (item.code or "").strip()
        item.code = code
        if not code:
            selection.skip("no_code", "?")
            continue
        if item.deleted:
            selection.deleted.append(code)
            selection.skip("deleted", code)
            continue
        if only_webshop and not item.webshop:
            selection.skip("not_in_webshop", code)
            continue
        if code in by_code:
            duplicates.append(code)
        by_code[code] = item
    if duplicates:
        listed = ", ".join(sorted(set(duplicates))[:MAX_LISTED])
        if disallow_duplicates:
            raise MarketplaceError(
                f"The source sent {len(duplicates)} duplicate item code(s): {listed}. "
                "Nothing was written (the account disallows duplicate data)."
            )
        selection.warnings.append(
            f"{len(duplicates)} duplicate item code(s), the last one was kept: {listed}"
        )
        selection.skipped["duplicates"] = len(duplicates)
        selection.skipped_codes["duplicates"] = sorted(set(duplicates))[:MAX_LISTED]
    selection.items = list(by_code.values())
    return selection
