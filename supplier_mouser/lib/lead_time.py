"""Mouser lead times ("84 Days", "42 日", "42 Tage", "6 Semaines") to days.

Mouser writes ``LeadTime`` in the language of the account's site: a number
followed by a unit of days or weeks ("84 Days" on the US site, "42 日" on
the Japanese one, "42 Tage" on the German one, as recorded). The units below
are the words and abbreviations for days and weeks in English, German,
French, Spanish, Italian, Swedish, Dutch, Portuguese, Polish, Czech, Danish,
Finnish, Japanese, Chinese and Korean; anything else is an error the caller
lists, never a guess.
"""

import re
import unicodedata

DAY_UNITS = (
    "days", "day", "d",  # English
    "tage", "tagen", "tag",  # German
    "jours", "jour", "j",  # French
    "días", "dias", "día", "dia",  # Spanish, Portuguese
    "giorni", "giorno", "gg",  # Italian
    "dagar", "dagen", "dage", "dag",  # Swedish, Dutch, Danish
    "dni", "dzień", "dny", "dnů", "dní", "den",  # Polish, Czech
    "päivää", "päivä", "pv",  # Finnish
    "日間", "日", "天", "일",  # Japanese, Chinese, Korean
)  # fmt: skip
WEEK_UNITS = (
    "weeks", "week", "wks", "wk", "w",  # English
    "wochen", "woche", "wo",  # German
    "semaines", "semaine", "sem",  # French
    "semanas", "semana",  # Spanish, Portuguese
    "settimane", "settimana", "sett",  # Italian
    "veckor", "vecka", "v",  # Swedish
    "weken", "wk",  # Dutch
    "uger", "uge",  # Danish
    "tygodnie", "tygodni", "tydzień", "tyg",  # Polish
    "týdnů", "týdny", "týden",  # Czech
    "viikkoa", "viikko", "vk",  # Finnish
    "週間", "週", "周", "星期", "주",  # Japanese, Chinese, Korean
)  # fmt: skip
_UNITS = {**dict.fromkeys(DAY_UNITS, 1), **dict.fromkeys(WEEK_UNITS, 7)}
_PATTERN = re.compile(
    r"(\d+)\s*("
    + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
    + r")(?![^\W\d_])",
    re.IGNORECASE,
)


class LeadTimeError(ValueError):
    """A lead time that says something, but not in a form read here."""


def lead_time_days(value):
    """Days from a Mouser lead time; ``None`` when Mouser gave none.

    Raises ``LeadTimeError`` for a non-empty text that is not a number of
    days or weeks, so the caller can list it instead of guessing.
    """
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    if not text:
        return None
    match = _PATTERN.search(text)
    if not match:
        raise LeadTimeError(f"unreadable lead time {text!r}")
    return int(match.group(1)) * _UNITS[match.group(2).lower()]
