"""Zortout numbers: strings such as "12", "-3", "1,234.50" or "" as ``Decimal``."""

from decimal import Decimal, InvalidOperation

from odoo.addons.marketplace_base.lib.errors import MarketplaceError


def parse_number(value, where="number"):
    """A Zortout number as ``Decimal``; ``""``/``None`` give ``None``."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    text = str(value).strip().replace(",", "")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise MarketplaceError(f"Zortout {where}: {value!r} is not a number.") from exc
