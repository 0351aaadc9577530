"""Mouser's locale-formatted price strings read as Decimal and currency."""

from decimal import Decimal

import pytest

from odoo.addons.supplier_mouser.lib.price import PriceError, parse_price


# Every currency found in recorded Mouser answers, as Mouser writes it:
# USD/EUR/JPY from supplier_mouser/tests/mouser_answers.py (sources named there),
# SEK ("kr" after the amount, "." thousands) as Mouser's Swedish site writes it,
# CAD ("$" with Currency CAD, Canadian site) and ILS ("₪" before the amount,
# Israeli site) as they appear in public Mouser client fixtures.
@pytest.mark.parametrize(
    ("text", "currency", "amount"),
    [
        ("$0.51", "USD", "0.51"),
        ("$0.218", "USD", "0.218"),
        ("$1,234.56", "USD", "1234.56"),
        ("$1,234,567.89", "USD", "1234567.89"),
        ("0,218 €", "EUR", "0.218"),
        ("0,018 €", "EUR", "0.018"),
        ("6,85 €", "EUR", "6.85"),
        ("€ 0,141", "EUR", "0.141"),
        ("1.234.567,89 €", "EUR", "1234567.89"),
        ("¥48", "JPY", "48"),
        ("¥32.8", "JPY", "32.8"),
        ("¥1,234", "JPY", "1234"),
        ("¥1,234.5", "JPY", "1234.5"),
        ("6.817,20 kr", "SEK", "6817.20"),
        ("12 345,67 kr", "SEK", "12345.67"),
        ("12\u00a0345,67\u00a0kr", "DKK", "12345.67"),
        ("$0.414", "CAD", "0.414"),
        ("₪1.85", "ILS", "1.85"),
        ("£3.50", "GBP", "3.50"),
        ("17", "USD", "17"),
    ],
)
def test_price_strings_of_every_recorded_currency(text, currency, amount):
    assert parse_price(text, currency) == (Decimal(amount), currency)


def test_yen_keeps_its_decimals_whatever_the_currency_table_says():
    assert parse_price("¥32.8", "JPY")[0] == Decimal("32.8"), "not 328"
    assert parse_price("¥20.2", "JPY", ".")[0] == Decimal("20.2")


@pytest.mark.parametrize(
    ("text", "mark", "amount"),
    [
        ("1,234 €", ",", "1.234"),  # EU site: a lone comma is the decimal mark
        ("1.234 €", ",", "1234"),  # EU site: a lone dot is a thousands separator
        ("$1,234", ".", "1234"),
        ("$1.234", ".", "1.234"),
        ("1,234", None, "1234"),  # no site: three digits after a non-zero integer
        ("0,141", None, "0.141"),
    ],
)
def test_the_sites_decimal_mark_decides_a_lone_separator(text, mark, amount):
    assert parse_price(text, "EUR", mark)[0] == Decimal(amount)


def test_symbol_is_only_a_fallback_for_the_currency_field():
    assert parse_price("$1.50", "EUR") == (Decimal("1.50"), "EUR")
    assert parse_price("6,85 €", None) == (Decimal("6.85"), "EUR")
    assert parse_price("£3.50", None) == (Decimal("3.50"), "GBP")


@pytest.mark.parametrize("text", ["", "N/A", "Quote", "1.2.3 - 4", None])
def test_garbage_is_a_price_error(text):
    with pytest.raises(PriceError, match="Cannot read a price"):
        parse_price(text, "USD")
