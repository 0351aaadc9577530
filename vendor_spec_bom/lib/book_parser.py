"""Validate a partnumber book's rows before anything is created.

Headers are recognised by name, in any order. Every row is checked; the
caller creates nothing unless the result has no errors (or the user chose
to skip the bad rows).
"""

from dataclasses import dataclass

from odoo.addons.marketplace_base.lib.text import holds_control_character, holds_nul

from .partnumbers import normalize_partnumber

HEADERS = {
    "partnumber": {"partnumber", "part number", "pn", "vendor pn", "vendor partnumber", "part no"},
    "product": {
        "product",
        "internal reference",
        "default_code",
        "reference",
        "lot",
        "product ref",
        "lot name",
        "lot_name",
    },
    "primary": {"primary", "is_primary", "primary pn", "is primary", "is_primary_pn"},
    "description": {"description", "desc", "name"},
}
TRUE = {"1", "yes", "y", "true", "x", "primary", "ja", "oui", "si", "*"}
FALSE = {"", "0", "no", "n", "false", "nein", "non"}


@dataclass
class BookItem:
    row: int
    partnumber: str
    product_ref: str
    is_primary: bool
    description: str


def _columns(header):
    names = [" ".join(str(h).strip().lower().replace("_", " ").split()) for h in header]
    columns = {}
    for key, names_accepted in HEADERS.items():
        accepted = {a.replace("_", " ") for a in names_accepted}
        for index, name in enumerate(names):
            if name in accepted:
                columns.setdefault(key, index)
    return columns


def _cell(row, columns, key):
    index = columns.get(key)
    return str(row[index]).strip() if index is not None and index < len(row) else ""


HEADER_NAMES = frozenset(
    " ".join(name.replace("_", " ").split()) for names in HEADERS.values() for name in names
)
MAX_PARTNUMBER_LENGTH = 255


def parse_book(table, known_refs, header_index=0):
    """``(items, errors)``; errors are ``(row number, message)``.

    ``header_index`` is the index of the header row in ``table`` (rows
    before it are a preamble); row numbers count from the table's first row.
    """
    if not table:
        return [], [(1, "the file is empty")]
    header_index = header_index or 0
    header = table[header_index]
    columns = _columns(header)
    missing = [k for k in ("partnumber", "product") if k not in columns]
    if missing:
        return [], [
            (header_index + 1, f"missing column(s): {', '.join(missing)} (header row: {header})")
        ]
    items, errors, seen = [], [], {}
    for number, row in enumerate(table[header_index + 1 :], header_index + 2):
        if not any(str(c).strip() for c in row):
            continue
        partnumber, ref = _cell(row, columns, "partnumber"), _cell(row, columns, "product")
        primary = _cell(row, columns, "primary").lower()
        problems = []
        if not partnumber:
            problems.append("empty partnumber")
        elif holds_control_character(partnumber):
            problems.append("the partnumber holds a control character (such as NUL)")
        elif len(partnumber) > MAX_PARTNUMBER_LENGTH:
            problems.append(f"the partnumber is longer than {MAX_PARTNUMBER_LENGTH} characters")
        if not ref:
            problems.append("empty product reference")
        elif ref not in known_refs:
            problems.append(f"unknown product reference {ref!r}")
        key = normalize_partnumber(partnumber)
        if partnumber and key in seen:
            problems.append(f"duplicate partnumber {partnumber!r} (row {seen[key]})")
        if primary not in TRUE | FALSE:
            problems.append(f"primary flag {primary!r} is not yes/no")
        description = _cell(row, columns, "description")
        if holds_nul(description):
            problems.append("the description holds a control character (NUL)")
        if partnumber:
            seen.setdefault(key, number)
        if problems:
            errors.extend((number, p) for p in problems)
            continue
        items.append(BookItem(number, partnumber, ref, primary in TRUE, description))
    return items, errors
