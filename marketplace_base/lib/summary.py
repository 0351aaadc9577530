"""A job result's one-line summary and its readable counters."""

MAX_LISTED = 50


def label(key):
    """``stocks_updated`` -> ``Stocks updated``."""
    return key.replace("_", " ").strip().capitalize()


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
    """(label, text) pairs for display: counters first, then lists (first 50 items)."""
    rows = []
    for key, value in (result or {}).items():
        if key == "summary":
            continue
        if isinstance(value, (list, tuple)):
            shown = ", ".join(str(v) for v in value[:MAX_LISTED])
            more = len(value) - MAX_LISTED
            rows.append((label(key), shown + (f" … (+{more} more)" if more > 0 else "")))
        elif isinstance(value, dict):
            rows.append((label(key), ", ".join(f"{k}: {v}" for k, v in value.items())))
        else:
            rows.append((label(key), str(value)))
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
