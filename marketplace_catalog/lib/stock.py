"""Stock of catalogue items, summed over the warehouses the account selects."""

from decimal import Decimal


def parse_code_list(text):
    """``"01, 02;03"`` -> ``["01", "02", "03"]``: the account's warehouse setting."""
    parts = (text or "").replace(";", ",").split(",")
    return [part.strip() for part in parts if part.strip()]


def item_quantity(item, warehouses=None, use_shelf=False):
    """The item's quantity summed over ``warehouses``.

    Warehouses match whatever their case or surrounding blanks. Without a
    warehouse list, the ERP's default stock warehouses count, or every
    warehouse when the ERP flags none as default.
    """
    rows = item.stock
    if warehouses:
        # named warehouses count whether the ERP flags them default or not
        wanted = {_key(name) for name in warehouses}
        rows = [row for row in rows if _key(row.warehouse) in wanted]
    elif any(row.is_default for row in rows):
        rows = [row for row in rows if row.is_default]
    total = Decimal(0)
    for row in rows:
        total += (row.on_shelf if use_shelf else row.available) or Decimal(0)
    return total


def stock_pairs(items, warehouses=None, use_shelf=False):
    """``[(code, quantity)]`` for the stock applier; items without stock rows are left out."""
    return [(item.code, item_quantity(item, warehouses, use_shelf)) for item in items if item.stock]


def _key(name):
    return (name or "").strip().casefold()
