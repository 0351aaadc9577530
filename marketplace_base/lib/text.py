"""Text given by users and remote systems, checked before the database sees it.

PostgreSQL refuses NUL (U+0000) in any text ("A string literal cannot
contain NUL (0x00) characters."), so a NUL must become a clear error on the
row, the body or the answer that holds it, never a database error. Codes
(part numbers, references) hold no control character at all; free text
(descriptions, names) may hold tabs and line breaks but no NUL.

Text that must be stored before it is read (a pasted table in a wizard
field) keeps each NUL as SUB (U+001A, the ASCII "substitute" character),
which the checks below refuse as they refuse a NUL.
"""

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
NUL = "\x00"
SUBSTITUTE = "\x1a"


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


def nul_path(value, path="$"):
    """Where the first NUL of a decoded JSON value is (``$.items[3].name``), or None.

    Keys are looked at too; a key holding a NUL is named by its position.
    """
    if isinstance(value, str):
        return path if NUL in value else None
    if isinstance(value, dict):
        for index, (key, item) in enumerate(value.items()):
            if NUL in key:
                return f"{path} (key {index + 1})"
            found = nul_path(item, f"{path}.{key}")
            if found:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = nul_path(item, f"{path}[{index}]")
            if found:
                return found
    return None
