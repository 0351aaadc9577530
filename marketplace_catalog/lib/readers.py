"""Readers shared by the channels' item mappers: matrix, pictures, stock values, translations.

Each takes the raw rows of one item (plain dicts) and the names the
source uses, and returns the neutral pieces of ``lib.item``; a value of
the wrong type raises ``ValueError`` naming the field, so the item is
rejected with that reason.

"A list of key-value pairs" (the DkHome document's ``StockValues`` and
``FreeFields``) comes as ``[{"Key": k, "Value": v}]`` or as rows with
named fields (``[{"Warehouse": "01", "AvailableStock": 5}]``), or as one
object; ``records`` reads each into rows with named fields.
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


#: The spellings of a key-value pair's key and value.
PAIR_KEYS = ("Key", "Name", "Code")
PAIR_VALUES = ("Value", "Text")


def _pair(row):
    """``(key, value)`` when ``row`` is one key-value pair, else None."""
    if not 2 <= len(row) <= 3:
        return None
    key = next((k for k in PAIR_KEYS if k in row), None)
    value = next((k for k in PAIR_VALUES if k in row), None)
    return (v.plain(row[key], key), row[value]) if key and value else None


def records(source, key, group_key=None):
    """``source[key]`` as rows with named fields, whichever of the forms it takes.

    Key-value pairs become one row (per ``group_key`` value when pairs
    carry one, e.g. a warehouse: ``{"Warehouse": "01", "Key":
    "AvailableStock", "Value": 5}``); an object is one row; anything else
    is a ``ValueError`` naming the key.
    """
    value = source.get(key)
    if value in (None, ""):
        return []
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        raise ValueError(f"{key} should be a list of objects, got {type(value).__name__}")
    rows, grouped = [], {}
    for row in value:
        rest = {k: val for k, val in row.items() if k != group_key}
        pair = _pair(rest)
        if pair is None:
            rows.append(row)
            continue
        group = v.text(row.get(group_key)) if group_key else ""
        record = grouped.setdefault(group, {group_key: group} if group_key else {})
        record[pair[0]] = pair[1]
    return rows + list(grouped.values())


def free_fields(source, key):
    """``{key: text}`` of a free-field list: key-value pairs, named fields or one object."""
    fields = {}
    for row in records(source, key):
        for name, value in row.items():
            if v.text(name):
                fields[v.text(name)] = v.plain(value, f"{key}.{name}")
    return fields


def available_by_formula(on_shelf, to_receive, to_deliver):
    """Available stock when the source sends none: on shelf + to receive - to deliver."""
    return (on_shelf or Decimal(0)) + (to_receive or Decimal(0)) - (to_deliver or Decimal(0))


def stock_values(row, warehouse_key, available, on_shelf, to_receive, to_deliver):
    """One warehouse's stock values; available stock by the formula when it is absent.

    None when the row holds none of the stock figures (nothing to read).
    """
    if all(row.get(key) is None for key in (available, on_shelf, to_receive, to_deliver)):
        return None
    shelf = v.field(row, on_shelf, v.number)
    receive = v.field(row, to_receive, v.number)
    deliver = v.field(row, to_deliver, v.number)
    free = v.field(row, available, v.number)
    return WarehouseStock(
        warehouse=v.plain(v.first(row, _keys(warehouse_key)), "Warehouse"),
        available=available_by_formula(shelf, receive, deliver) if free is None else free,
        on_shelf=shelf or Decimal(0),
        to_receive=receive or Decimal(0),
        to_deliver=deliver or Decimal(0),
    )


def translations(rows, keys, lang_keys=v.LANGUAGE_KEYS, text_keys=("Text",)):
    """``{(key values): {lang: text}}`` from translation rows (see ``values.language``).

    ``keys`` (and ``lang_keys``, ``text_keys``) name each part; a part
    may be a tuple of spellings, the first present is read.
    """
    table = {}
    for row in rows:
        if not isinstance(row, dict):
            continue
        lang = v.language(row, _keys(lang_keys))
        text = v.text(v.first(row, _keys(text_keys)))
        if lang and text:
            key = tuple(v.text(v.first(row, _keys(k))) for k in keys)
            table.setdefault(key, {})[lang] = text
    return table


def _keys(spelling):
    return (spelling,) if isinstance(spelling, str) else tuple(spelling)
