"""The neutral order classes of marketplace_sale: customers, fingerprints, totals."""

from decimal import Decimal

from odoo.addons.marketplace_sale.lib.customers import group_customers
from odoo.addons.marketplace_sale.lib.order import (
    Customer,
    OrderLine,
    RemoteOrder,
    total_mismatch,
)


def contacts(*rows):
    return [
        Customer(code=code, phone=phone, email=email, name=name)
        for code, phone, email, name in rows
    ]


def test_one_customer_code_is_one_customer_whatever_its_phone_and_email():
    groups = group_customers(
        contacts(
            ("C1", "081", "a@x.th", "Somchai"),
            ("C1", "089", "b@x.th", "Somchai"),
            ("C1", "", "", "Somchai J."),
            ("C2", "081", "", "Other"),
        )
    )
    assert groups == [0, 0, 0, 1], "same code: one partner; another code: another, phone shared"


def test_without_code_phone_then_email_then_name_find_the_customer():
    groups = group_customers(
        contacts(
            ("", "081", "", "A"),
            ("", "", "a@x.th", "A"),
            ("", "081", "a@x.th", "A"),
            ("C9", "081", "", "A"),
            ("", "", "", "Walk-in"),
            ("", "", "", "Walk-in"),
            ("", "", "", "Other"),
        )
    )
    assert groups == [0, 1, 0, 0, 2, 2, 3]


def order(**changes):
    values = {
        "ref": "7",
        "number": "N-7",
        "status": "confirmed",
        "remote_status": "paid",
        "amount": Decimal(20),
        "lines": [OrderLine("A", "A", Decimal(2), Decimal(10))],
        **changes,
    }
    return RemoteOrder(**values)


def test_the_fingerprint_covers_every_field_unless_the_channel_gives_its_own():
    assert order().fingerprint == order().fingerprint
    assert order(remote_status="shipped").fingerprint != order().fingerprint
    changed_line = [OrderLine("A", "A", Decimal(3), Decimal(10))]
    assert order(lines=changed_line).fingerprint != order().fingerprint
    assert order(digest="abc").fingerprint == "abc"


def test_totals_agree_to_the_cent():
    assert total_mismatch(100.004, Decimal("100.00")) is None
    assert total_mismatch(0.74, Decimal("0.75")) == (Decimal("0.74"), Decimal("-0.01"))
