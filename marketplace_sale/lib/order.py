"""Remote orders as neutral data, and how they become Odoo sale order lines.

A channel maps what its remote system sends onto these classes; the order
writer (``marketplace.order.writer``) turns them into sale orders. Amounts
read this way (a line's total is ``quantity x unit price - its discount``):

* a line's discount is a percentage of the line or an amount off the whole
  line, not per unit;
* the order's ``discount_amount`` applies to the sum of the lines' totals;
* ``shipping_amount`` is stated on the same tax basis as the prices and
  bears the same tax, so ``amount`` is ``lines - discount + shipping``,
  plus the tax when the prices exclude it (``tax_mode``).

No Odoo import: the unit tier tests it alone.
"""

import hashlib
from dataclasses import astuple, dataclass, field
from datetime import date, datetime
from decimal import Decimal

CENT = Decimal("0.01")

# Neutral statuses: what the order is, whatever the remote system calls it.
PENDING = "pending"
CONFIRMED = "confirmed"
SHIPPING = "shipping"
DELIVERED = "delivered"
CANCELLED = "cancelled"
RETURNED = "returned"
FAILED_DELIVERY = "failed_delivery"
STATUSES = [
    (PENDING, "Pending"),
    (CONFIRMED, "Confirmed"),
    (SHIPPING, "Shipping"),
    (DELIVERED, "Delivered"),
    (CANCELLED, "Cancelled"),
    (RETURNED, "Returned"),
    (FAILED_DELIVERY, "Failed delivery"),
]
#: What each status makes of the Odoo order.
CONFIRMED_STATUSES = {CONFIRMED, SHIPPING, DELIVERED, FAILED_DELIVERY}
CANCELLED_STATUSES = {CANCELLED, RETURNED}
#: Goods have left the warehouse: delivered for Odoo.
SHIPPED_STATUSES = {SHIPPING, DELIVERED}

# Neutral payment states: what the remote system says of the customer's payment.
UNPAID = "unpaid"
PAID = "paid"
PARTIAL = "partial"
OVERPAID = "overpaid"
PAYMENT_VOIDED = "voided"
PAYMENT_STATES = [
    (UNPAID, "Not paid"),
    (PAID, "Paid"),
    (PARTIAL, "Partially paid"),
    (OVERPAID, "Overpaid"),
    (PAYMENT_VOIDED, "Payment voided"),
]
#: Payment states in which the customer has paid something.
PAYING_STATES = {PAID, PARTIAL, OVERPAID}

# Whether the prices of an order include its tax.
TAX_NONE = "none"
TAX_EXCLUDED = "excluded"
TAX_INCLUDED = "included"
TAX_MODES = (TAX_NONE, TAX_EXCLUDED, TAX_INCLUDED)


@dataclass
class OrderLine:
    sku: str
    name: str
    quantity: Decimal
    unit_price: Decimal
    discount_percent: Decimal | None = None
    discount_amount: Decimal = Decimal(0)
    #: The remote line total, when it states one.
    total: Decimal | None = None


@dataclass(frozen=True)
class Customer:
    code: str = ""
    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""

    @property
    def anonymous(self):
        """No code, phone nor e-mail: only the name can find it again."""
        return not (self.code or self.phone or self.email)


@dataclass(frozen=True)
class Payment:
    """One payment the remote system reports on an order."""

    amount: Decimal
    paid_on: date | None = None
    #: The payment method as the remote system names it ("Bank transfer", "COD").
    method: str = ""
    #: The remote payment's id, when it has one.
    ref: str = ""


@dataclass(frozen=True)
class Tracking:
    """One parcel of an order: its tracking number and carrier."""

    number: str
    carrier: str = ""
    shipped_on: date | None = None


@dataclass
class RemoteOrder:
    """One order as a remote system states it."""

    #: The remote order's id, as text: unique per account.
    ref: str
    number: str
    status: str  # one of STATUSES
    #: The status as the remote system names it ("Packed", "Waiting").
    remote_status: str
    amount: Decimal
    tax_mode: str = TAX_NONE
    tax_percent: Decimal | None = None
    discount_amount: Decimal = Decimal(0)
    shipping_amount: Decimal = Decimal(0)
    customer: Customer = field(default_factory=Customer)
    #: The customer's reference (a marketplace's order number), else ``number``.
    reference: str = ""
    sales_channel: str = ""
    warehouse_code: str = ""
    order_date: date | None = None
    updated_at: datetime | None = None
    #: The remote update time as sent, shown on the sale order.
    updated_text: str = ""
    #: The payment status as the remote system names it ("Paid", "Partial").
    payment_status: str = ""
    #: What the remote system says was paid in all.
    payment_amount: Decimal | None = None
    lines: list = field(default_factory=list)
    #: One of PAYMENT_STATES; empty when the remote system says nothing of payment.
    payment_state: str = ""
    #: ``Payment`` items, as the remote system lists them.
    payments: list = field(default_factory=list)
    #: Cash on delivery: paid when the remote system says so, never at import.
    cod: bool = False
    #: ``Tracking`` items, one per parcel.
    tracking: list = field(default_factory=list)
    #: What the remote order carried that could not be read (one text each):
    #: the import lists them instead of dropping them silently.
    notes: list = field(default_factory=list)
    #: A channel's own digest of everything it read (``fingerprint(...)``); empty: of these fields.
    digest: str = ""
    #: The order's currency (ISO code, e.g. "THB"); empty: the company's.
    currency: str = ""

    @property
    def fingerprint(self):
        """What an import compares to skip an unchanged order.

        Remote update times often have minute resolution and two changes in
        one minute are normal (packed, then cancelled): an import compares
        this, never the update time alone.
        """
        return self.digest or fingerprint(astuple(self))

    @property
    def paid_amount(self):
        """What the customer paid: the listed payments' sum, else the stated amount."""
        if self.payments:
            return sum((p.amount for p in self.payments), Decimal(0))
        return self.payment_amount or Decimal(0)


def fingerprint(values):
    """A digest of ``values`` (a tuple of plain values)."""
    return hashlib.sha1(repr(tuple(values)).encode()).hexdigest()  # noqa: S324 - not security


def total_mismatch(odoo_total, amount):
    """``(Odoo's total to the cent, its difference to amount)`` when the two
    differ to the cent, else ``None``."""
    odoo = Decimal(str(odoo_total)).quantize(CENT)
    if odoo == amount.quantize(CENT):
        return None
    return odoo, odoo - amount


@dataclass
class LinePlan:
    """One Odoo sale order line to write: a product line, shipping or discount."""

    kind: str  # "product", "shipping", "discount"
    name: str
    quantity: Decimal
    price_unit: Decimal
    discount: Decimal = Decimal(0)
    sku: str = ""


def _percent_kept(line):
    """Whether Odoo's percentage gives the line's remote total exactly.

    Only a discounted total that falls on a cent is kept as a percentage:
    a fraction of a cent is rounded by Odoo per line or per order depending
    on the company's tax rounding, and by the remote system its own way.
    """
    if line.discount_percent is None:
        return False
    exact = line.quantity * line.unit_price * (100 - line.discount_percent) / 100
    if exact != exact.quantize(CENT):
        return False
    return line.total is None or exact == line.total


def _amount_off(line):
    """What the remote system took off a line whose discount is not kept as a
    percentage: from its line total, else its discount amount, else its percentage."""
    gross = line.quantity * line.unit_price
    if line.discount_percent is None:
        return line.discount_amount
    if line.total is not None:
        return gross - line.total
    if line.discount_amount:
        return line.discount_amount
    return (gross * line.discount_percent / 100).quantize(CENT)


def plan_lines(order, shipping_name="Shipping", discount_name="Discount"):
    """The Odoo lines of an order, whose total equals the remote one by construction.

    A percentage line discount stays on its line (Odoo's discount is a
    percentage) when it gives the remote line total to the cent; amount
    discounts, of lines and of the order, and the other percentages (as the
    amount the remote system took off) add up on one negative discount
    line, so every line's total is exact and nothing is rounded into a
    percentage.
    """
    plans, discount = [], order.discount_amount
    for line in order.lines:
        percent = line.discount_percent if _percent_kept(line) else None
        if percent is None:
            discount += _amount_off(line)
        plans.append(
            LinePlan(
                "product",
                line.name or line.sku,
                line.quantity,
                line.unit_price,
                percent or Decimal(0),
                line.sku,
            )
        )
    if discount:
        plans.append(LinePlan("discount", discount_name, Decimal(1), -discount))
    if order.shipping_amount:
        plans.append(LinePlan("shipping", shipping_name, Decimal(1), order.shipping_amount))
    return plans
