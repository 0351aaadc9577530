"""Readers shared by the channels' item mappers: matrix, pictures, stock values, translations.

Each takes the raw rows of one item (plain dicts) and the names the
source uses, and returns the neutral pieces of ``lib.item``; a value of
the wrong type raises ``ValueError`` naming the field, so the item is
rejected with that reason.
"""

from decimal import Decimal

from . import values as v
from .item import Matrix, Picture, WarehouseStock
from .pictures import absolute_url


def matrix(raw, parent, parent_description, parent_id, x, x_description, y, y_description):
    """The item's matrix cell from flat fields (``None`` when it has no parent code)."""
    code = v.plain(raw.get(parent), parent)
    if not code:
        return None
    return Matrix(
        parent_code=code,
        parent_description=v.plain(raw.get(parent_description), parent_description),
        parent_id=v.plain(raw.get(parent_id), parent_id),
        x_value=v.plain(raw.get(x), x),
        x_description=v.plain(raw.get(x_description), x_description),
        y_value=v.plain(raw.get(y), y),
        y_description=v.plain(raw.get(y_description), y_description),
    )


def pictures(rows, single="", base_url=None, url_key="Url", sequence_key="Sequence"):
    """Pictures from a list of ``{url, sequence}`` rows, else from one URL; by sequence."""
    found = []
    for position, row in enumerate(rows, start=1):
        url = v.plain(row.get(url_key), url_key)
        if url:
            sequence = v.field(row, sequence_key, v.number)
            found.append(
                Picture(
                    absolute_url(url, base_url), int(position if sequence is None else sequence)
                )
            )
    if not found and single:
        found.append(Picture(absolute_url(single, base_url), 1))
    return sorted(found, key=lambda picture: picture.sequence)


def available_by_formula(on_shelf, to_receive, to_deliver):
    """Available stock when the source sends none: on shelf + to receive - to deliver."""
    return (on_shelf or Decimal(0)) + (to_receive or Decimal(0)) - (to_deliver or Decimal(0))


def stock_values(row, warehouse_key, available, on_shelf, to_receive, to_deliver):
    """One warehouse's stock values; available stock by the formula when it is absent."""
    shelf = v.field(row, on_shelf, v.number)
    receive = v.field(row, to_receive, v.number)
    deliver = v.field(row, to_deliver, v.number)
    free = v.field(row, available, v.number)
    return WarehouseStock(
        warehouse=v.plain(row.get(warehouse_key), warehouse_key),
        available=available_by_formula(shelf, receive, deliver) if free is None else free,
        on_shelf=shelf or Decimal(0),
        to_receive=receive or Decimal(0),
        to_deliver=deliver or Decimal(0),
    )


def translations(rows, keys, lang_key, text_key):
    """``{(key values): {lang: text}}`` from translation rows (languages lower-cased)."""
    table = {}
    for row in rows:
        if not isinstance(row, dict):
            continue
        lang, text = v.text(row.get(lang_key)).lower(), v.text(row.get(text_key))
        if lang and text:
            key = tuple(v.text(row.get(k)) for k in keys)
            table.setdefault(key, {})[lang] = text
    return table
