"""A job result's one-line summary and its readable counters."""

MAX_LISTED = 50


ACRONYMS = {"sku": "SKU", "skus": "SKUs", "api": "API", "url": "URL", "id": "ID"}


def label(key):
    """``unknown_skus`` -> ``Unknown SKUs``."""
    words = key.replace("_", " ").strip().split()
    words = [ACRONYMS.get(word.lower(), word) for word in words]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def summarize(result):
    """The non-zero counters of a result, on one line (``Stocks updated: 3, …``)."""
    if not result:
        return ""
    if result.get("summary"):
        return str(result["summary"])
    parts = [
        f"{label(key)}: {value}"
        for key, value in result.items()
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value
    ]
    return ", ".join(parts) or "Nothing to do"


def counter_rows(result):
    """(label, text) pairs for display, in a stable order whatever the storage kept.

    Non-zero counters come first, largest first; then lists (first 50 items)
    and other values; the counters that are zero are named on one last row.
    """
    numbers, others, zeros = [], [], []
    for key, value in sorted((result or {}).items()):
        if key == "summary" or value in ([], {}, None, ""):
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            (numbers if value else zeros).append((key, value))
        elif isinstance(value, (list, tuple)):
            shown = ", ".join(str(v) for v in value[:MAX_LISTED])
            more = len(value) - MAX_LISTED
            others.append((label(key), shown + (f" … (+{more} more)" if more > 0 else "")))
        elif isinstance(value, dict):
            others.append((label(key), "; ".join(f"{k}: {_text(v)}" for k, v in value.items())))
        else:
            others.append((label(key), str(value)))
    rows = [(label(key), str(value)) for key, value in sorted(numbers, key=lambda kv: -kv[1])]
    rows += others
    if zeros:
        rows.append(("Zero", ", ".join(label(key) for key, _v in zeros)))
    return rows


def _text(value):
    """A value of a result's mapping as a person reads it: lists joined, not repr'd."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value[:MAX_LISTED])
    return str(value)


#: Parameters a continuation carries for itself, not for a person to read.
INTERNAL_PARAMS = {"remote", "carry", "carry_run", "first_name", "resume_after", "started"}


def param_rows(params):
    """(label, text) pairs of a job's parameters; empty and internal ones left out."""
    rows = []
    for key, value in (params or {}).items():
        if key in INTERNAL_PARAMS or value in (None, "", [], {}):
            continue
        if isinstance(value, bool):
            text = "Yes" if value else "No"
        elif isinstance(value, (list, tuple)):
            text = ", ".join(str(v) for v in value[:MAX_LISTED])
        else:
            text = str(value)
        rows.append((label(key), text))
    return rows


def merge_counters(results):
    """Add up several results: numbers summed, lists joined (at most 50 items)."""
    merged = {}
    for result in results:
        for key, value in result.items():
            if isinstance(value, list):
                merged[key] = (merged.get(key, []) + value)[:MAX_LISTED]
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                merged[key] = merged.get(key, 0) + value
            else:
                merged[key] = value
    return merged
