"""Read the loose values ERP payloads send: numbers as strings, flags, dates.

Each reader raises ``ValueError`` with a short reason; channel parsers turn
that into a rejected item naming the field.
"""

import html
import re
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

TRUE = {"true", "1", "yes", "y"}
FALSE = {"false", "0", "no", "n", ""}


def number(value):
    """``Decimal`` or None for empty; numbers may come as strings with a dot."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    try:
        return Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a number") from None


def flag(value, default=False):
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    text = str(value).strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise ValueError(f"{value!r} is not true or false")


def text(value):
    return "" if value is None else str(value).strip()


def item_code(raw, key="ItemCode"):
    """The trimmed code of a raw item; ``ValueError`` when there is none."""
    if not isinstance(raw, dict):
        raise ValueError(f"an item is not an object: {raw!r}")
    code = text(raw.get(key))
    if not code:
        raise ValueError(f"{key} is missing")
    return code


def field(source, key, reader):
    """``reader(source[key])``, its ``ValueError`` naming the key."""
    try:
        return reader(source.get(key))
    except ValueError as exc:
        raise ValueError(f"{key}: {exc}") from None


def timestamp(value, now=None):
    """A naive UTC datetime; missing values fall back to now."""
    if value in (None, ""):
        return (now or datetime.now(UTC)).replace(tzinfo=None)
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{value!r} is not a date and time") from None
    if moment.tzinfo:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def day(value):
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValueError(f"{value!r} is not a date") from None


def iso_utc(moment):
    """``2026-11-01T00:00:00Z`` for a naive UTC datetime."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


_BREAKS = re.compile(r"<\s*(br|/p|/div|/li|/h\d)\b[^>]*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
#: Rounds of HTML decoding at most (text encoded twice or three times is common).
MAX_ENCODINGS = 4


def html_text(value):
    """HTML-encoded text (``&lt;p&gt;Strong &amp;amp; light&lt;/p&gt;``) as plain text.

    Entities are decoded, tags dropped (a paragraph or line break becomes a
    new line), blank runs squeezed; entities left after the tags are gone
    (text encoded twice or more) are decoded too, round after round.
    """
    decoded = text(value)
    for _round in range(MAX_ENCODINGS):
        # an ERP may encode its HTML more than once: decode until no entity is left
        decoded = _TAGS.sub("", _BREAKS.sub("\n", html.unescape(decoded)))
        if not _ENTITY.search(decoded):
            break
    lines = (" ".join(line.split()) for line in decoded.splitlines())
    return "\n".join(line for line in lines if line)


def plain(value, key):
    """A plain value (text or number) as text; an object or a list is a ``ValueError``."""
    if isinstance(value, (dict, list)):
        kind = "an object" if isinstance(value, dict) else "a list"
        raise ValueError(f"{key} should be a plain value, got {kind}")
    return text(value)


def rows(source, key):
    """``source[key]`` as a list of objects (empty when absent); ``ValueError`` otherwise."""
    value = source.get(key)
    if value in (None, ""):
        return []
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        raise ValueError(f"{key} should be a list of objects, got {type(value).__name__}")
    return value


def obj(source, key):
    """``source[key]`` as an object (empty when absent); ``ValueError`` otherwise."""
    value = source.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError(f"{key} should be an object, got {type(value).__name__}")
    return value


#: The spellings ERPs use for a row's language code.
LANGUAGE_KEYS = ("Language", "LanguageCode", "LanguageCodeISO1", "Culture")


def first(source, keys, default=None):
    """The value of the first of ``keys`` present (not None) in ``source``."""
    for key in keys:
        value = source.get(key)
        if value is not None:
            return value
    return default


def language(source, keys=LANGUAGE_KEYS):
    """The row's language code, lower-case with ``-`` (``EN``, ``en_US`` -> ``en``, ``en-us``)."""
    return text(first(source, keys)).lower().replace("_", "-")
