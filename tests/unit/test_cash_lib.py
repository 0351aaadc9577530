"""Order to cash decisions of marketplace_sale: when to invoice, what to pay."""

from datetime import date
from decimal import Decimal

from odoo.addons.marketplace_sale.lib.cash import (
    INVOICE_CONFIRMED,
    INVOICE_NEVER,
    INVOICE_PAID,
    invoice_due,
    payment_due,
    payment_excess,
)
from odoo.addons.marketplace_sale.lib.order import Payment, RemoteOrder


def order(state="paid", paid="100", cod=False, payments=()):
    return RemoteOrder(
        ref="1",
        number="SO-1",
        status="confirmed",
        remote_status="Waiting",
        amount=Decimal("100"),
        payment_state=state,
        payment_amount=Decimal(paid),
        payments=list(payments),
        cod=cod,
    )


def test_invoice_policies():
    assert invoice_due(INVOICE_CONFIRMED, order("unpaid"))
    assert invoice_due(INVOICE_PAID, order("paid"))
    assert invoice_due(INVOICE_PAID, order("overpaid"))
    assert not invoice_due(INVOICE_PAID, order("partial")), "partial waits for the rest"
    assert not invoice_due(INVOICE_PAID, order("unpaid"))
    assert not invoice_due(INVOICE_NEVER, order("paid"))


def test_payment_is_what_was_paid_minus_what_odoo_registered():
    due = payment_due(order("partial", "40"), Decimal(0))
    assert due.amount == Decimal("40.00")
    due = payment_due(order("paid", "100"), Decimal("40"))
    assert due.amount == Decimal("60.00")
    assert payment_due(order("paid", "100"), Decimal("100")) is None
    assert payment_due(order("partial", "30"), Decimal("40")) is None, "never negative"
    assert payment_due(order("unpaid", "0"), Decimal(0)) is None


def test_payment_takes_the_latest_payment_date_and_method():
    payments = [
        Payment(Decimal("30"), date(2026, 1, 2), "PromptPay"),
        Payment(Decimal("20"), date(2026, 1, 5), "Bank transfer"),
        Payment(Decimal("10"), None, "Cash"),
    ]
    due = payment_due(order("partial", "0", payments=payments), Decimal(0))
    assert due.amount == Decimal("60.00"), "the listed payments' sum"
    assert (due.paid_on, due.method) == (date(2026, 1, 5), "Bank transfer")


def test_cash_on_delivery_is_paid_only_when_the_remote_says_paid():
    assert payment_due(order("unpaid", "0", cod=True), Decimal(0)) is None
    assert payment_due(order("partial", "50", cod=True), Decimal(0)) is None
    due = payment_due(order("paid", "100", cod=True), Decimal(0))
    assert (due.amount, due.method) == (Decimal("100.00"), "COD")


def test_what_odoo_registered_beyond_the_remote_payment_is_reported():
    assert payment_excess(order("voided", "100"), Decimal("100")) == Decimal("100.00")
    assert payment_excess(order("partial", "30"), Decimal("40")) == Decimal("10.00")
    assert payment_excess(order("paid", "100"), Decimal("100")) is None
    assert payment_excess(order("voided", "100"), Decimal(0)) is None, "nothing registered"
