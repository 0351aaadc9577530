"""Mouser's locale-formatted price strings read as Decimal and currency."""

from decimal import Decimal

import pytest

from odoo.addons.supplier_mouser.lib.price import PriceError, parse_price


@pytest.mark.parametrize(
    ("text", "currency", "amount", "expected_currency"),
    [
        ("$0.10", "USD", "0.10", "USD"),
        ("6,85 €", "EUR", "6.85", "EUR"),
        ("€ 0,141", "EUR", "0.141", "EUR"),
        ("0,018 €", "EUR", "0.018", "EUR"),
        ("6.817,20 kr", "SEK", "6817.20", "SEK"),
        ("$1,234.56", "USD", "1234.56", "USD"),
        ("12 345,67 kr", "SEK", "12345.67", "SEK"),
        ("12\u00a0345,67\u00a0kr", "DKK", "12345.67", "DKK"),
        ("1,234", "USD", "1234", "USD"),
        ("$1,234,567.89", "USD", "1234567.89", "USD"),
        ("1.234.567,89 €", "EUR", "1234567.89", "EUR"),
        ("¥1,234", "JPY", "1234", "JPY"),
        ("₩12,345", "KRW", "12345", "KRW"),
        ("$0.125", "USD", "0.125", "USD"),
        ("£3.50", None, "3.50", "GBP"),
        ("6,85 €", None, "6.85", "EUR"),
        ("17", "USD", "17", "USD"),
    ],
)
def test_price_strings(text, currency, amount, expected_currency):
    assert parse_price(text, currency) == (Decimal(amount), expected_currency)


def test_currency_field_wins_over_symbol():
    assert parse_price("$1.50", "EUR") == (Decimal("1.50"), "EUR")


@pytest.mark.parametrize("text", ["", "N/A", "Quote", "1.2.3 - 4", None])
def test_garbage_is_a_price_error(text):
    with pytest.raises(PriceError, match="Cannot read a price"):
        parse_price(text, "USD")
