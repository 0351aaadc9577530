"""Match an ERP's language code to the account's language mapping, in any spelling.

ERPs write one language as ``en``, ``EN``, ``en-US``, ``en_us``; the
mapping an administrator enters holds one of them. A code matches a
mapping line written the same way (case and ``-``/``_`` aside), else one
with the same primary language (``en-US`` -> ``en``, ``en`` -> ``en-GB``).
"""


def normalise(code):
    return (code or "").strip().lower().replace("_", "-")


def _primary(code):
    return code.split("-", 1)[0]


class LanguageMap:
    """``{ERP code: Odoo language}`` read in any spelling."""

    def __init__(self, mapping):
        self.exact = {}
        self.primary = {}
        for code, lang in sorted(mapping.items()):
            key = normalise(code)
            if key:
                self.exact.setdefault(key, lang)
                self.primary.setdefault(_primary(key), lang)

    def get(self, code):
        """The Odoo language of an ERP code, or None."""
        key = normalise(code)
        if not key:
            return None
        return self.exact.get(key) or self.primary.get(_primary(key))

    def values(self):
        return set(self.exact.values())

    def items(self):
        return sorted(self.exact.items())

    def __bool__(self):
        return bool(self.exact)
