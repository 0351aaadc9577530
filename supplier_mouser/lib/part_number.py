"""Part numbers as Mouser accepts them, and finding the one Mouser refuses.

Mouser answers ``InvalidCharacters`` for a whole call when one of its part
numbers holds a character it refuses (non-ASCII, mostly), without saying
which. Numbers typed or pasted from datasheets often carry Unicode dashes
and spaces: those are normalised first. What still holds non-ASCII is a
*suspect*, sent alone so it cannot spoil the call of nine others; and when a
call is refused anyway, ``Bisection`` finds the culprits with as few calls
as possible: numbers with unusual characters (not a letter, digit or dash)
are split from the others first, since Mouser refuses characters; a group
that passes is refreshed, its twin is then known bad without a call.
"""

import re
import unicodedata

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d\u00ad"
_DASH = re.compile(f"[{DASHES}]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")
_USUAL = re.compile(r"[A-Za-z0-9-]*")


def normalise(part_number):
    """The number with Unicode dashes, spaces and full-width forms made ASCII."""
    text = unicodedata.normalize("NFKC", str(part_number or ""))
    text = _INVISIBLE.sub("", text)
    text = _DASH.sub("-", text)
    return _SPACES.sub(" ", text).strip()


def is_unusual(part_number):
    """True when the number holds more than letters, digits and dashes."""
    return not _USUAL.fullmatch(part_number)


#: Mouser's separator between the part numbers of one search.
SEPARATOR = "|"


def is_suspect(part_number):
    """True when Mouser is likely to refuse the number's characters."""
    return not part_number.isascii() or SEPARATOR in part_number or not part_number.isprintable()


class Bisection:
    """Adaptive group testing over a refused batch.

    ``next_group()`` gives the next group to send; report its outcome with
    ``passed(group)`` or ``refused(group)``. ``culprits`` are single items
    known to be refused; ``done`` when no group is left to decide. Items may
    be anything: ``number(item)`` gives the part number (the item itself by
    default).
    """

    def __init__(self, refused_batch, number=None):
        self._number = number or (lambda item: item)
        self.culprits = []
        self._known_bad = [list(refused_batch)]  # groups refused as a whole
        self._untested = []  # groups to test
        self._pending_twin = None  # (first half under test, its untested twin)

    @property
    def done(self):
        return not self._known_bad and not self._untested

    def next_group(self):
        while True:
            if self._untested:
                return self._untested[0]
            if not self._known_bad:
                return None
            group = self._known_bad.pop(0)
            if len(group) == 1:
                self.culprits.append(group[0])
                continue
            unusual = [item for item in group if is_unusual(self._number(item))]
            if unusual and len(unusual) < len(group):
                first = [item for item in group if item not in unusual]
                second = unusual
            else:
                half = len(group) // 2
                first, second = group[:half], group[half:]
            # If the first half passes, the second is known bad without a call.
            self._untested.append(first)
            self._pending_twin = (first, second)

    def passed(self, group):
        self._untested.remove(group)
        twin = self._twin_of(group)
        if twin is not None:
            self._known_bad.append(twin)

    def refused(self, group):
        self._untested.remove(group)
        twin = self._twin_of(group)
        if twin is not None:
            self._untested.append(twin)  # the twin may be clean: test it
        self._known_bad.append(group)

    def _twin_of(self, group):
        if self._pending_twin and self._pending_twin[0] is group:
            twin, self._pending_twin = self._pending_twin[1], None
            return twin
        return None
