"""From a remote order to cash: when to invoice, what payment to register.

The order to cash steps of ``marketplace.order.writer`` ask these questions
of a neutral ``RemoteOrder``; the answers depend on nothing in Odoo but the
amounts it already registered.

* Invoice policy ``confirmed``: the order is invoiced once confirmed.
  ``paid``: once the remote system says it is paid in full (paid or
  overpaid); a partially paid order waits for the rest, so its invoice is
  paid in full when it is made. ``never``: no invoice (the default).
* A payment is registered for what the customer paid (``paid_amount``) minus
  what Odoo already registered for the order, never a negative amount: a
  lower amount later (a refund) is for a person to handle.
* Cash on delivery is paid only when the remote system says paid (or
  overpaid), never at import and never on a partial state.

No Odoo import: the unit tier tests it alone.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .order import CENT, OVERPAID, PAID, PAYING_STATES, PAYMENT_VOIDED

INVOICE_CONFIRMED = "confirmed"
INVOICE_PAID = "paid"
INVOICE_NEVER = "never"
INVOICE_POLICIES = [
    (INVOICE_NEVER, "Never"),
    (INVOICE_CONFIRMED, "When the order is confirmed"),
    (INVOICE_PAID, "When the order is paid"),
]
#: Payment states in which the whole order is paid.
PAID_IN_FULL = {PAID, OVERPAID}


def invoice_due(policy, order):
    """Whether a confirmed order is to be invoiced under ``policy``."""
    if policy == INVOICE_CONFIRMED:
        return True
    if policy == INVOICE_PAID:
        return order.payment_state in PAID_IN_FULL
    return False


@dataclass(frozen=True)
class PaymentDue:
    """A payment to register: its amount, date and the remote method's name."""

    amount: Decimal
    paid_on: date | None
    method: str


def payment_due(order, registered):
    """The ``PaymentDue`` of an order of which Odoo registered ``registered``
    already (a Decimal), or None when nothing is to be registered."""
    states = PAID_IN_FULL if order.cod else PAYING_STATES
    if order.payment_state not in states:
        return None
    amount = (order.paid_amount - registered).quantize(CENT)
    if amount <= 0:
        return None
    latest = _latest(order.payments)
    return PaymentDue(
        amount,
        latest.paid_on if latest else None,
        (latest.method if latest else "") or ("COD" if order.cod else ""),
    )


def payment_excess(order, registered):
    """What Odoo registered beyond what the remote system now says was paid
    (its payment voided, or a lower amount), or None: a refund or a
    cancelled payment is for a person to decide, never undone silently."""
    if registered <= 0 or order.payment_state not in PAYING_STATES | {PAYMENT_VOIDED}:
        return None
    paid = Decimal(0) if order.payment_state == PAYMENT_VOIDED else order.paid_amount
    excess = (registered - paid).quantize(CENT)
    return excess if excess > 0 else None


def _latest(payments):
    """The last payment by date (undated ones count as the oldest)."""
    if not payments:
        return None
    return max(enumerate(payments), key=lambda item: (item[1].paid_on or date.min, item[0]))[1]
