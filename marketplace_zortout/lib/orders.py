"""Zortout's orders (GetOrders items) as the neutral ``RemoteOrder`` of
``marketplace_sale``, which the order writer turns into sale orders.

Source of the format: Zortout Open API v4 reference, "Get Orders",
https://developers.zortout.com/api-reference/order. Where it is silent,
this module's reading (checked against the order total on import; it is the
neutral classes' reading, ``marketplace_sale/lib/order.py``):

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

from dataclasses import astuple
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from odoo.addons.marketplace_base.lib.errors import MarketplaceError
from odoo.addons.marketplace_sale.lib import order as neutral
from odoo.addons.marketplace_sale.lib.order import (
    Customer,
    OrderLine,
    Payment,
    RemoteOrder,
    Tracking,
    fingerprint,
)

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
#: Zortout states no currency: its shops sell in baht.
CURRENCY = "THB"
#: Zortout's statuses as neutral ones.
NEUTRAL_STATUSES = {
    "Pending": neutral.PENDING,
    "Waiting": neutral.PENDING,
    "Packed": neutral.CONFIRMED,
    "Shipping": neutral.SHIPPING,
    "Success": neutral.DELIVERED,
    "Voided": neutral.CANCELLED,
    "Returned": neutral.RETURNED,
    "Failed Shipment": neutral.FAILED_DELIVERY,
}

#: Payment status codes (the GetOrders filter) and the names orders carry.
PAYMENT_STATUS_NAMES = {0: "Pending", 1: "Paid", 2: "Voided", 3: "Partial", 4: "Overpaid"}
NEUTRAL_PAYMENT_STATES = {
    "Pending": neutral.UNPAID,
    "Paid": neutral.PAID,
    "Voided": neutral.PAYMENT_VOIDED,
    "Partial": neutral.PARTIAL,
    "Overpaid": neutral.OVERPAID,
}
#: Keys a ``trackingList`` item may name its number, carrier and date by. A
#: public C# client declares the list as ``object`` (its items' shape is not
#: published); the order itself has ``trackingno``, ``shippingchannel`` and
#: ``shippingdateString`` (the same client's ``ZortOrder``, and a public
#: order model of a Zortout shop: ``trackingNo``, ``shippingChannel``).
TRACKING_NUMBER_KEYS = (
    "trackingno",
    "trackingnumber",
    "tracking_no",
    "tracking_number",
    "tracking",
)
TRACKING_CARRIER_KEYS = (
    "shippingchannel",
    "shippingname",
    "channel",
    "carrier",
    "courier",
    "provider",
)
TRACKING_DATE_KEYS = (
    "shippingdateString",
    "shippingdate",
    "datetimeString",
    "datetime",
    "date",
    "createdatetime",
)

VAT_NONE, VAT_EXCLUDED, VAT_INCLUDED = 1, 2, 3
TAX_MODES = {
    VAT_NONE: neutral.TAX_NONE,
    VAT_EXCLUDED: neutral.TAX_EXCLUDED,
    VAT_INCLUDED: neutral.TAX_INCLUDED,
}
DATETIME_FORMAT = "%Y-%m-%d %H:%M"
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


def parse_moment(value):
    """A Zortout date or time as a ``date``: "2024-03-01 10:15", "2024-03-01T10:15:00"
    or the v3 examples' "/Date(1709262900000)/" (milliseconds, Thai time); else ``None``."""
    text = str(value or "").strip()
    if text.startswith("/Date(") and text.endswith(")/"):
        digits = text[6:-2].split("+")[0].split("-")[0] if text[6:7] != "-" else ""
        if not digits.isdigit():
            return None
        return (datetime.fromtimestamp(int(digits) / 1000, UTC) + timedelta(hours=7)).date()
    return parse_date(text)


def _lower_keys(item):
    return {str(key).lower(): value for key, value in item.items()}


def _first(item, keys):
    """The first non-empty value of ``item`` under any of ``keys`` (any case)."""
    lowered = _lower_keys(item)
    for key in keys:
        value = lowered.get(key.lower())
        if value not in (None, "", [], {}):
            return value
    return None


def parse_payments(item, label):
    """``(payments, notes)`` of an order's ``payments`` list.

    Each item is a public C# client's ``ZortPayment`` (``id``, ``name``,
    ``amount``, ``paymentdatetime``, ``paymentdatetimeString``,
    ``paymentmethodid``), cross-checked with a public Zortout shop's order
    payment (id, name, amount, payment date time). ``name`` is the payment
    method as the shop calls it; the order's ``paymentmethod`` stands in when
    it is empty. An item without a readable amount is a note, never dropped
    silently.
    """
    raw = item.get("payments")
    if raw in (None, "", []):
        return [], []
    if isinstance(raw, dict):
        raw = [raw]
    if not isinstance(raw, list):
        return [], [f"{label}: 'payments' is not a list ({raw!r:.60})"]
    payments, notes = [], []
    method = _text(item, "paymentmethod")
    for index, entry in enumerate(raw, 1):
        where = f"{label}, payment {index}"
        if not isinstance(entry, dict):
            notes.append(f"{where}: not an object ({entry!r:.60})")
            continue
        try:
            amount = parse_number(_first(entry, ("amount", "paymentamount")), where)
        except MarketplaceError as exc:
            notes.append(str(exc))
            continue
        if amount is None:
            notes.append(f"{where}: no amount (keys: {', '.join(sorted(entry))})")
            continue
        moment = _first(entry, ("paymentdatetimeString", "paymentdatetime", "paymentdate", "date"))
        payments.append(
            Payment(
                amount=amount,
                paid_on=parse_moment(moment),
                method=str(_first(entry, ("name", "paymentmethod", "method")) or method).strip(),
                ref=str(_first(entry, ("id",)) or "").strip(),
            )
        )
    return payments, notes


def parse_tracking(item, label):
    """``(tracking, notes)``: the parcels of an order.

    ``trackingList`` items are read as text (a number) or as objects naming
    the number, carrier and date under any key of ``TRACKING_*_KEYS``; the
    order's own ``trackingno`` / ``shippingchannel`` / ``shippingdate`` is a
    parcel too when the list does not name it. An item whose number cannot
    be found is a note.
    """
    carrier = _text(item, "shippingchannel")
    shipped = parse_moment(item.get("shippingdateString") or item.get("shippingdate"))
    raw = _first(item, ("trackingList",))
    if isinstance(raw, (dict, str)):
        raw = [raw]
    parcels, notes = [], []
    if raw is not None and not isinstance(raw, list):
        notes.append(f"{label}: 'trackingList' is not a list ({raw!r:.60})")
        raw = []
    for index, entry in enumerate(raw or [], 1):
        if isinstance(entry, (str, int)) and str(entry).strip():
            parcels.append(Tracking(str(entry).strip(), carrier, shipped))
            continue
        number = _first(entry, TRACKING_NUMBER_KEYS) if isinstance(entry, dict) else None
        if not number or not str(number).strip():
            keys = ", ".join(sorted(entry)) if isinstance(entry, dict) else repr(entry)[:60]
            notes.append(f"{label}, tracking {index}: no tracking number ({keys})")
            continue
        parcels.append(
            Tracking(
                str(number).strip(),
                str(_first(entry, TRACKING_CARRIER_KEYS) or carrier).strip(),
                parse_moment(_first(entry, TRACKING_DATE_KEYS)) or shipped,
            )
        )
    own = _text(item, "trackingno")
    if own and own not in {parcel.number for parcel in parcels}:
        parcels.insert(0, Tracking(own, carrier, shipped))
    return parcels, notes


def parse_cod(value):
    """``isCOD`` as sent: true, "true", 1, "1", "Y"."""
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "y", "yes"}
    return bool(value)


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


def _text(item, key):
    return str(item.get(key) or "").strip()


def parse_order(item):
    """One GetOrders item as a neutral ``RemoteOrder``; a bad one raises naming the field.

    ``customercode`` identifies the customer (its contact code, in the v4
    reference's "Get Orders" and in the order models of a public C#
    client, GitHub tealerr/CRUD-Ecommerce ``ZortOrders.cs``).
    """
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
            OrderLine(
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
    vat_percent = number(item, "vatpercent", Decimal(0))
    amount = number(item, "amount")
    shipping_amount = number(item, "shippingamount", Decimal(0))
    order = RemoteOrder(
        ref=str(order_id),
        number=_text(item, "number"),
        status=NEUTRAL_STATUSES[status],
        remote_status=status,
        amount=amount,
        tax_mode=TAX_MODES[vat_type],
        tax_percent=vat_percent,
        discount_amount=discount_amount,
        shipping_amount=shipping_amount,
        customer=Customer(
            code=_text(item, "customercode"),
            name=_text(item, "customername"),
            email=_text(item, "customeremail").lower(),
            phone=_text(item, "customerphone"),
            address=_text(item, "customeraddress"),
        ),
        reference=_text(item, "reference"),
        sales_channel=_text(item, "saleschannel"),
        warehouse_code=_text(item, "warehousecode"),
        order_date=parse_date(item.get("orderdateString") or item.get("orderdate")),
        updated_at=parse_datetime(updated_text),
        updated_text=updated_text,
        payment_amount=payment_amount,
        lines=lines,
        currency=CURRENCY,
        **_payment_and_parcels(item, label),
    )
    order.digest = _digest(order_id, vat_type, _text(item, "updatedatetime"), order)
    return order


def _payment_and_parcels(item, label):
    """The ``RemoteOrder`` fields of an order's payment, cash on delivery and
    parcels, with the notes on what could not be read of them."""
    payment_status = parse_payment_status(item.get("paymentstatus"))
    payments, payment_notes = parse_payments(item, label)
    tracking, tracking_notes = parse_tracking(item, label)
    notes = payment_notes + tracking_notes
    if payment_status and payment_status not in NEUTRAL_PAYMENT_STATES:
        notes.append(f"{label}: unknown payment status {payment_status!r}")
    return {
        "payment_status": payment_status,
        "payment_state": NEUTRAL_PAYMENT_STATES.get(payment_status, ""),
        "payments": payments,
        "cod": parse_cod(_first(item, ("isCOD",))),
        "tracking": tracking,
        "notes": notes,
    }


def _digest(order_id, vat_type, updated_precise, order):
    """The order's fingerprint over what is read of it, ``updatedatetime`` as sent
    included (it may hold seconds where the text has minutes). The values and
    their order are those of the fingerprints stored before the neutral
    classes, so an upgraded database skips its unchanged orders; cash on
    delivery and the parcels are added only when present, for the same
    reason. The payments list is covered by the payment status and amount."""
    customer = order.customer
    extra = ()
    if order.cod:
        extra += (("cod", True),)
    if order.tracking:
        extra += (("tracking", [astuple(parcel) for parcel in order.tracking]),)
    return fingerprint(
        (
            order_id,
            order.number,
            order.remote_status,
            vat_type,
            order.tax_percent,
            order.amount,
            order.discount_amount,
            order.shipping_amount,
            customer.code,
            customer.name,
            customer.email,
            customer.phone,
            customer.address,
            order.reference,
            order.sales_channel,
            order.warehouse_code,
            order.order_date,
            order.updated_at,
            order.updated_text,
            updated_precise,
            order.payment_status,
            order.payment_amount,
            [astuple(line) for line in order.lines],
        )
        + extra
    )
