"""Which fields an import read, and which it did not: "present but not understood".

An ERP may spell a field otherwise than the channel expects (``LanguageCode``
where ``Language`` was read): nothing fails, the data is simply not used,
and someone finds empty translations weeks later. A reader declares, per
source object type (``Item``, ``Item.Stocks``, ``PriceList``...), the
fields it understands; ``observe`` is called with every object read. The
report then lists, per object type, the fields that were present and
mapped to nothing (with a count and one example code), and the fields the
mapping expected and never saw. Plain Python, no Odoo import: any import
(a catalogue channel, the Zortout product import) can use it::

    report = FieldReport()
    report.expect("Item", ["ItemCode", ("Language", "LanguageCode"), "Price"])
    for raw in answer:
        report.observe("Item", raw, code=raw.get("ItemCode"))
        for row in raw.get("Stock") or []:
            report.observe("Item.Stock", row, code=raw.get("ItemCode"))
    job_result.update(report.as_result())  # {"fields_not_understood": {...}, ...}

An expected entry may be a tuple of alternative spellings: it counts as
seen when any of them is present. Keys starting with ``@`` (``@odata.etag``)
are transport metadata and never reported.
"""

from collections import Counter

#: Entries listed per object type at most.
MAX_FIELDS = 20


class FieldReport:
    """Collects the fields seen per object type during one import."""

    def __init__(self, max_fields=MAX_FIELDS):
        self.max_fields = max_fields
        self._expected = {}  # type -> [tuple of spellings]
        self._known = {}  # type -> {spelling}
        self._seen = {}  # type -> {key}
        self._unknown = {}  # type -> Counter(key)
        self._examples = {}  # type -> {key: code}
        self._objects = Counter()

    def expect(self, object_type, fields, optional=()):
        """Declare the fields read from ``object_type``.

        ``fields`` are reported when never seen; ``optional`` ones are only
        understood. Each entry is a name or a tuple of alternative names.
        """
        groups = [_spellings(entry) for entry in fields]
        self._expected.setdefault(object_type, []).extend(groups)
        known = self._known.setdefault(object_type, set())
        for entry in [*groups, *(_spellings(entry) for entry in optional)]:
            known.update(entry)

    def observe(self, object_type, raw, code=None):
        """Note the keys of one object read as ``object_type`` (not a dict: ignored)."""
        if not isinstance(raw, dict):
            return
        self._objects[object_type] += 1
        keys = raw.keys()
        seen = self._seen.setdefault(object_type, set())
        seen.update(keys)
        known = self._known.get(object_type, ())
        unknown = [key for key in keys if key not in known and not str(key).startswith("@")]
        if unknown:
            counter = self._unknown.setdefault(object_type, Counter())
            examples = self._examples.setdefault(object_type, {})
            for key in unknown:
                counter[key] += 1
                if key not in examples and code not in (None, ""):
                    examples[key] = str(code).strip()

    def not_understood(self):
        """``{type: [{"field", "count", "example"}]}``: present, mapped to nothing."""
        result = {}
        for object_type in sorted(self._unknown):
            counter = self._unknown[object_type]
            examples = self._examples.get(object_type, {})
            rows = []
            for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
                row = {"field": str(key), "count": count}
                if key in examples:
                    row["example"] = examples[key]
                rows.append(row)
            result[object_type] = rows[: self.max_fields]
        return result

    def never_seen(self):
        """``{type: ["Language / LanguageCode", ...]}``: expected, in no object read.

        Object types never read at all are left out (the source had none).
        """
        result = {}
        for object_type in sorted(self._expected):
            if not self._objects[object_type]:
                continue
            seen = self._seen.get(object_type, set())
            missing = [
                " / ".join(group) for group in self._expected[object_type] if not seen & set(group)
            ]
            if missing:
                result[object_type] = missing[: self.max_fields]
        return result

    def as_result(self):
        """The report as job-result keys, in words (absent when there is nothing to say).

        ``{"fields_not_understood": {"Item": ["Lang (30, e.g. HAM-1)"]},
        "fields_never_seen": {"Item": ["Language / LanguageCode"]}}``
        """
        result = {}
        not_understood = {
            object_type: [_words(row) for row in rows]
            for object_type, rows in self.not_understood().items()
        }
        if not_understood:
            result["fields_not_understood"] = not_understood
        never_seen = self.never_seen()
        if never_seen:
            result["fields_never_seen"] = never_seen
        return result

    def summary(self):
        """One line for a person: ``Item: Lang (30, e.g. HAM-1); ...`` or ``""``."""
        return "; ".join(
            f"{object_type}: {', '.join(_words(row) for row in rows)}"
            for object_type, rows in self.not_understood().items()
        )


def _words(row):
    example = f", e.g. {row['example']}" if "example" in row else ""
    return f"{row['field']} ({row['count']}{example})"


def _spellings(entry):
    return tuple(entry) if isinstance(entry, (tuple, list)) else (entry,)
