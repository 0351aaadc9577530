"""Text given by users and remote systems, checked before the database sees it.

PostgreSQL refuses NUL (U+0000) in any text ("A string literal cannot
contain NUL (0x00) characters."), so a NUL a user gives must become a clear
error on the row or the body that holds it, never a database error. Codes
(part numbers, references) hold no control character at all; free text
(descriptions, names) may hold tabs and line breaks but no NUL.

Text that must be stored before it is read (a pasted table in a wizard
field) keeps each NUL as SUB (U+001A, the ASCII "substitute" character),
which the checks below refuse as they refuse a NUL. A remote answer is
repaired instead (``without_nul``): each NUL becomes U+FFFD, the
replacement character, and the places are named, so one garbled product
name never stops a stock sync that does not even read names.
"""

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
NUL = "\x00"
SUBSTITUTE = "\x1a"
REPLACEMENT = "\ufffd"


def storable(text):
    """``text`` the database can store: each NUL kept as SUB, still refused by the checks."""
    return text.replace(NUL, SUBSTITUTE) if isinstance(text, str) else text


def holds_control_character(text):
    """Whether a code (part number, reference) holds a control character, NUL included."""
    return isinstance(text, str) and bool(_CONTROL.search(text))


def holds_nul(text):
    """Whether free text holds a NUL (or the SUB it was stored as)."""
    return isinstance(text, str) and (NUL in text or SUBSTITUTE in text)


def shown(text):
    """``text`` fit for a message or a preview: each NUL (or SUB) written as ``\\0``."""
    return str(text).replace(NUL, "\\0").replace(SUBSTITUTE, "\\0")


def without_nul(value, path="$", repaired=None):
    """``(value, paths)``: a decoded JSON value with each NUL of its texts and
    keys as U+FFFD, and where they were (``$.list[3].name``)."""
    repaired = [] if repaired is None else repaired
    if isinstance(value, str):
        if NUL in value:
            repaired.append(path)
            return value.replace(NUL, REPLACEMENT), repaired
        return value, repaired
    if isinstance(value, dict):
        clean = {}
        for index, (raw_key, item) in enumerate(value.items()):
            key = raw_key.replace(NUL, REPLACEMENT)
            if key != raw_key:
                repaired.append(f"{path} (key {index + 1})")
            clean[key] = without_nul(item, f"{path}.{key}", repaired)[0]
        return clean, repaired
    if isinstance(value, list):
        clean = [without_nul(item, f"{path}[{i}]", repaired)[0] for i, item in enumerate(value)]
        return clean, repaired
    return value, repaired
