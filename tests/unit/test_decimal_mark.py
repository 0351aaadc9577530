"""One decimal-mark rule for every reader of locale-printed numbers."""

from decimal import Decimal

import pytest

from odoo.addons.marketplace_base.lib.decimal_mark import with_decimal_point
from odoo.addons.supplier_mouser.lib.price import parse_price
from odoo.addons.vendor_spec_bom.lib.numbers import parse_number


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("1234", "1234"),
        ("1.234,50", "1234.50"),
        ("1,234.50", "1234.50"),
        ("1,234,567", "1234567"),
        ("1.234.567", "1234567"),
        ("1,234", "1234"),
        ("0,141", "0.141"),
        ("32.8", "32.8"),
        ("1,5", "1.5"),
        ("-0,500", "-0.500"),
        (",5", ".5"),
    ],
)
def test_the_decimal_mark_is_found(number, expected):
    assert with_decimal_point(number) == expected


def test_a_known_site_decides_a_lone_separator():
    assert with_decimal_point("1,234", decimal_mark=",") == "1.234"
    assert with_decimal_point("1.234", decimal_mark=",") == "1234"


@pytest.mark.parametrize("text", ["1.234,50", "1,234.50", "1,234", "0,141", "6.817,20", "1,5"])
def test_mouser_prices_and_bom_prices_read_alike(text):
    assert parse_price(text)[0] == parse_number(text) == Decimal(with_decimal_point(text))
