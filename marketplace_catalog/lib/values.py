"""Read the loose values ERP payloads send: numbers as strings, flags, dates.

Each reader raises ``ValueError`` with a short reason; channel parsers turn
that into a rejected item naming the field.
"""

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
