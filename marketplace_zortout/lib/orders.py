"""Zortout orders as plain data, and how they become Odoo sale order lines.

Source of the format: Zortout Open API v4 reference, "Get Orders",
https://developers.zortout.com/api-reference/order. Where it is silent,
this module's reading (checked against the order total on import):

* a line's ``discount`` is either a percentage ("10%") or an amount ("5")
  off the whole line, not per unit: ``totalprice = number x pricepernumber
  - discountamount``;
* the order's ``discount`` ("5%" or "20") applies to the sum of the lines'
  ``totalprice``; ``discountamount`` is its amount;
* ``shippingamount`` is stated on the same VAT basis as the prices and
  bears the same VAT; so ``amount`` is ``lines - discount + shipping``
  with ``vattype`` 1 (no VAT) and 3 (prices include VAT), and that sum
  plus ``vatpercent`` % with ``vattype`` 2 (prices exclude VAT).

No Odoo import: the unit tier tests it alone.
"""

import hashlib
from dataclasses import astuple, dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from odoo.addons.marketplace_base.lib.errors import MarketplaceError

from .numbers import parse_number

STATUS_NAMES = {
    0: "Pending",
    1: "Success",
    2: "Voided",
    3: "Waiting",
    4: "Returned",
    5: "Packed",
    6: "Shipping",
    7: "Failed Shipment",
}
STATUS_CODES = {name.lower(): code for code, name in STATUS_NAMES.items()}
#: What each Zortout status makes of the Odoo order.
CONFIRMED_STATUSES = {"Packed", "Shipping", "Success", "Failed Shipment"}
CANCELLED_STATUSES = {"Voided"}
RETURNED_STATUSES = {"Returned"}
#: Goods have left the warehouse: delivered for Odoo.
SHIPPED_STATUSES = {"Shipping", "Success"}

#: Payment status codes (the GetOrders filter) and the names orders carry.
PAYMENT_STATUS_NAMES = {0: "Pending", 1: "Paid", 2: "Voided", 3: "Partial", 4: "Overpaid"}

VAT_NONE, VAT_EXCLUDED, VAT_INCLUDED = 1, 2, 3
DATETIME_FORMAT = "%Y-%m-%d %H:%M"
CENT = Decimal("0.01")
#: Zortout order ids are 32-bit integers (a public C# client's ``int? Id``).
MAX_ORDER_ID = 2**31 - 1


def parse_status(value):
    """A status name ("Packed") or code (5, "5") as its name; unknown raises."""
    text = str(value if value is not None else "").strip()
    if text.isdigit() and int(text) in STATUS_NAMES:
        return STATUS_NAMES[int(text)]
    if text.lower() in STATUS_CODES:
        return STATUS_NAMES[STATUS_CODES[text.lower()]]
    raise MarketplaceError(f"unknown status {value!r}")


def parse_payment_status(value):
    """A payment status name or code as its name; an unknown one as sent."""
    text = str(value if value is not None else "").strip()
    if text.isdigit() and int(text) in PAYMENT_STATUS_NAMES:
        return PAYMENT_STATUS_NAMES[int(text)]
    names = {name.lower(): name for name in PAYMENT_STATUS_NAMES.values()}
    return names.get(text.lower(), text)


def parse_discount(value, where):
    """``(percent, amount)`` of a discount text: "10%" -> (10, None), "5" -> (None, 5)."""
    text = str(value if value is not None else "").strip().replace(" ", "")
    if text.endswith("%"):
        percent = parse_number(text[:-1], where)
        return (percent or None), None
    amount = parse_number(text, where)
    return None, (amount or None)


def parse_datetime(value):
    """A "2024-03-01 10:15" text (seconds or a "T" allowed) as a naive ``datetime``, or ``None``."""
    text = str(value or "").strip().replace("T", " ")[:16]
    try:
        return datetime.strptime(text, DATETIME_FORMAT)
    except ValueError:
        return None


def parse_date(value):
    text = str(value or "").strip()[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def order_windows(after, before, span=timedelta(days=1)):
    """``[(start, end), ...]`` covering ``after``..``before`` in windows of at most ``span``.

    Zortout answers long update windows with nothing, so a catch-up reads
    one day at a time.
    """
    windows, start = [], after
    while start < before:
        end = min(start + span, before)
        windows.append((start, end))
        start = end
    return windows


@dataclass
class ZortoutOrderLine:
    sku: str
    name: str
    quantity: Decimal
    unit_price: Decimal
    discount_percent: Decimal | None
    discount_amount: Decimal
    total: Decimal | None


@dataclass
class ZortoutOrder:
    id: int
    number: str
    status: str
    vat_type: int
    vat_percent: Decimal
    amount: Decimal
    discount_amount: Decimal
    shipping_amount: Decimal
    customer_code: str = ""
    customer_name: str = ""
    customer_email: str = ""
    customer_phone: str = ""
    customer_address: str = ""
    reference: str = ""
    sales_channel: str = ""
    warehouse_code: str = ""
    order_date: date | None = None
    updated_at: datetime | None = None
    updated_text: str = ""
    #: ``updatedatetime`` as sent: it may hold seconds where the text has minutes.
    updated_precise: str = ""
    payment_status: str = ""
    payment_amount: Decimal | None = None
    lines: list = field(default_factory=list)

    @property
    def fingerprint(self):
        """A digest of everything the import reads from the order.

        Zortout's update time has minute resolution and two changes in one
        minute are normal (Packed, then Voided): an import compares this,
        never the time alone.
        """
        values = astuple(self)
        return hashlib.sha1(repr(values).encode()).hexdigest()  # noqa: S324 - not security


def _text(item, key):
    return str(item.get(key) or "").strip()


def parse_order(item):
    """One GetOrders item as ``ZortoutOrder``; a bad one raises naming the field."""
    if not isinstance(item, dict):
        raise MarketplaceError(f"an order is not an object ({item!r:.80})")
    order_id = item.get("id")
    try:
        order_id = int(str(order_id).strip())
    except ValueError:
        raise MarketplaceError(f"order {item.get('number') or '?'}: no valid 'id'") from None
    if not 0 < order_id <= MAX_ORDER_ID:
        raise MarketplaceError(
            f"order {item.get('number') or '?'}: 'id' {order_id} is not a 32-bit order id"
        )
    label = f"order {order_id} ({_text(item, 'number') or 'no number'})"

    def number(source, key, default=None, where=label):
        value = parse_number(source.get(key), f"{where}, '{key}'")
        if value is None and default is None:
            raise MarketplaceError(f"{where}: '{key}' is missing")
        return value if value is not None else default

    try:
        status = parse_status(item.get("status"))
    except MarketplaceError as exc:
        raise MarketplaceError(f"{label}: {exc}") from None
    vat_type = int(number(item, "vattype", Decimal(VAT_NONE)))
    if vat_type not in (VAT_NONE, VAT_EXCLUDED, VAT_INCLUDED):
        raise MarketplaceError(f"{label}: 'vattype' {vat_type} is not 1, 2 or 3")
    _percent, order_discount = parse_discount(item.get("discount"), f"{label}, 'discount'")
    discount_amount = number(item, "discountamount", Decimal(0))
    if not discount_amount and order_discount:
        discount_amount = order_discount
    raw_lines = item.get("list")
    if not isinstance(raw_lines, list) or not raw_lines:
        raise MarketplaceError(f"{label}: no lines ('list')")
    lines = []
    for index, raw in enumerate(raw_lines, 1):
        if not isinstance(raw, dict):
            raise MarketplaceError(f"{label}, line {index}: not an object")
        where = f"{label}, line {index}"
        quantity = number(raw, "number", where=where)
        unit_price = number(raw, "pricepernumber", where=where)
        percent, amount = parse_discount(raw.get("discount"), f"{where}, 'discount'")
        amount = number(raw, "discountamount", Decimal(0), where) or amount or Decimal(0)
        lines.append(
            ZortoutOrderLine(
                sku=_text(raw, "sku"),
                name=_text(raw, "name"),
                quantity=quantity,
                unit_price=unit_price,
                discount_percent=percent,
                discount_amount=amount,
                total=parse_number(raw.get("totalprice"), f"{where}, 'totalprice'"),
            )
        )
    updated_text = _text(item, "updatedatetimeString") or _text(item, "updatedatetime")
    payment_amount = parse_number(item.get("paymentamount"), f"{label}, 'paymentamount'")
    return ZortoutOrder(
        id=order_id,
        number=_text(item, "number"),
        status=status,
        vat_type=vat_type,
        vat_percent=number(item, "vatpercent", Decimal(0)),
        amount=number(item, "amount"),
        discount_amount=discount_amount,
        shipping_amount=number(item, "shippingamount", Decimal(0)),
        customer_code=_text(item, "customercode"),
        customer_name=_text(item, "customername"),
        customer_email=_text(item, "customeremail").lower(),
        customer_phone=_text(item, "customerphone"),
        customer_address=_text(item, "customeraddress"),
        reference=_text(item, "reference"),
        sales_channel=_text(item, "saleschannel"),
        warehouse_code=_text(item, "warehousecode"),
        order_date=parse_date(item.get("orderdateString") or item.get("orderdate")),
        updated_at=parse_datetime(updated_text),
        updated_text=updated_text,
        updated_precise=_text(item, "updatedatetime"),
        payment_status=parse_payment_status(item.get("paymentstatus")),
        payment_amount=payment_amount,
        lines=lines,
    )


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
    """Whether Odoo's percentage gives the line's Zortout total exactly.

    Only a discounted total that falls on a satang is kept as a percentage:
    a fraction of a satang is rounded by Odoo per line or per order
    depending on the company's tax rounding, and by Zortout its own way.
    """
    if line.discount_percent is None:
        return False
    exact = line.quantity * line.unit_price * (100 - line.discount_percent) / 100
    if exact != exact.quantize(CENT):
        return False
    return line.total is None or exact == line.total


def _amount_off(line):
    """What Zortout took off a line whose discount is not kept as a percentage:
    from its line total, else its discount amount, else its percentage."""
    gross = line.quantity * line.unit_price
    if line.discount_percent is None:
        return line.discount_amount
    if line.total is not None:
        return gross - line.total
    if line.discount_amount:
        return line.discount_amount
    return (gross * line.discount_percent / 100).quantize(CENT)


def plan_lines(order, shipping_name="Shipping", discount_name="Discount"):
    """The Odoo lines of an order, whose total equals Zortout's by construction.

    A percentage line discount stays on its line (Odoo's discount is a
    percentage) when it gives Zortout's line total to the satang; amount
    discounts, of lines and of the order, and the other percentages (as the
    amount Zortout took off) add up on one negative discount line, so every
    line's total is exact and nothing is rounded into a percentage.
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
