"""How vendor part numbers are compared everywhere: trimmed, case-insensitive."""


def normalize_partnumber(partnumber):
    return str(partnumber or "").strip().casefold()
