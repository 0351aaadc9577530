"""Zortout orders: the parser, the line plan and the client's GetOrders paging."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.addons.marketplace_sale.lib.order import plan_lines
from odoo.addons.marketplace_zortout.clients.zortout import ZortoutClient
from odoo.addons.marketplace_zortout.lib.orders import (
    order_windows,
    parse_discount,
    parse_order,
    parse_status,
)
from odoo.addons.marketplace_zortout.tests.zortout_server import ZortoutFake, make_order


@pytest.fixture
def server():
    with FixtureServer() as srv:
        yield srv


def make(server, orders):
    fake = ZortoutFake(server, {"W1": {}})
    fake.orders = orders
    return fake, ZortoutClient("shop", "key", "secret", base_url=fake.url, timeout=5)


def test_a_percentage_without_line_total_or_amount_is_still_taken_off():
    item = make_order(1, [("B", 3, "33.33", "10%")])
    for key in ("totalprice", "discountamount"):
        del item["list"][0][key]
    plans = plan_lines(parse_order(item))
    assert [(p.sku, p.discount, p.price_unit) for p in plans] == [
        ("B", 0, Decimal("33.33")),
        ("", 0, Decimal("-10.00")),
    ]


@pytest.mark.parametrize(
    ("value", "name"),
    [("Pending", "Pending"), ("packed", "Packed"), (5, "Packed"), ("7", "Failed Shipment")],
)
def test_status_by_name_or_code(value, name):
    assert parse_status(value) == name


def test_unknown_status_raises():
    with pytest.raises(MarketplaceError, match="unknown status"):
        parse_status("Lost")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10%", (Decimal(10), None)),
        (" 5 % ", (Decimal(5), None)),
        ("5", (None, Decimal(5))),
        ("1,000.50", (None, Decimal("1000.50"))),
        ("", (None, None)),
        ("0", (None, None)),
        (None, (None, None)),
    ],
)
def test_parse_discount(text, expected):
    assert parse_discount(text, "x") == expected


def test_parse_order_reads_the_documented_fields():
    item = make_order(
        42,
        [("A-1", 3, "33.33", "10%"), ("B-2", 1, 50, "5")],
        status="Packed",
        vattype=2,
        discount="20",
        shipping=40,
        updated="2024-03-01 10:15",
        customerphone="081-234-5678",
        customeremail="Som@Example.COM",
    )
    order = parse_order(item)
    assert (order.ref, order.number, order.remote_status) == ("42", "SO-000042", "Packed")
    assert order.status == "confirmed"
    assert order.tax_mode == "excluded" and order.tax_percent == 7
    assert order.discount_amount == 20 and order.shipping_amount == 40
    assert order.customer.email == "som@example.com"
    assert order.customer.phone == "081-234-5678"
    assert order.updated_at == datetime(2024, 3, 1, 10, 15)
    assert [(line.sku, line.quantity, line.unit_price) for line in order.lines] == [
        ("A-1", 3, Decimal("33.33")),
        ("B-2", 1, 50),
    ]
    assert order.lines[0].discount_percent == 10
    assert order.lines[1].discount_percent is None and order.lines[1].discount_amount == 5


def test_plan_keeps_percent_on_the_line_and_amounts_on_one_discount_line():
    order = parse_order(
        make_order(1, [("A", 3, "30", "10%"), ("B", 2, 10, "5")], discount="20", shipping=40)
    )
    plans = plan_lines(order)
    assert [(p.kind, p.sku, p.quantity, p.price_unit, p.discount) for p in plans] == [
        ("product", "A", 3, Decimal(30), 10),
        ("product", "B", 2, 10, 0),
        ("discount", "", 1, Decimal(-25), 0),
        ("shipping", "", 1, 40, 0),
    ]


def test_a_percentage_off_by_a_fraction_of_a_satang_goes_on_the_discount_line():
    # 0.35 less 10% is 0.315: Zortout takes 0.04 off; 3 x 33.33 less 10% is 89.991: 10.00
    order = parse_order(
        make_order(1, [("A", 1, "0.35", "10%"), ("B", 3, "33.33", "10%"), ("C", 2, 50, "10%")])
    )
    plans = plan_lines(order)
    assert [(p.sku, p.discount, p.price_unit) for p in plans] == [
        ("A", 0, Decimal("0.35")),
        ("B", 0, Decimal("33.33")),
        ("C", 10, Decimal(50)),
        ("", 0, Decimal("-10.04")),
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": None}, "no valid 'id'"),
        ({"amount": "lots"}, "'amount'.*'lots' is not a number"),
        ({"amount": ""}, "'amount' is missing"),
        ({"status": "Lost"}, "unknown status"),
        ({"vattype": 9}, "'vattype' 9"),
        ({"list": []}, "no lines"),
    ],
)
def test_bad_orders_raise_naming_the_order_and_field(change, message):
    item = {**make_order(7, [("A", 1, 10)]), **change}
    with pytest.raises(MarketplaceError, match=message):
        parse_order(item)


def test_windows_are_at_most_one_day():
    start = datetime(2024, 3, 1, 8, 0)
    windows = order_windows(start, start + timedelta(days=2, hours=3))
    assert [(a.day, b - a) for a, b in windows] == [
        (1, timedelta(days=1)),
        (2, timedelta(days=1)),
        (3, timedelta(hours=3)),
    ]
    assert order_windows(start, start) == []


def test_pages_send_the_window_and_limit_and_list_unreadable_orders(server):
    orders = [make_order(i, [("A", 1, 10)], updated="2024-03-01 10:15") for i in range(1, 26)]
    orders[3]["amount"] = "n/a"
    _fake, client = make(server, orders)
    pages = list(
        client.iter_order_pages(datetime(2024, 3, 1, 10, 0), datetime(2024, 3, 1, 11, 0), limit=10)
    )
    assert [(page, len(read), len(bad)) for page, read, bad in pages] == [
        (1, 9, 1),
        (2, 10, 0),
        (3, 5, 0),
    ]
    assert pages[0][2][0][0] == 4
    request = server.requests[0]
    assert request.path == "/v4/Order/GetOrders"
    assert request.arg("updatedatetimeafter") == "2024-03-01 10:00"
    assert request.arg("updatedatetimebefore") == "2024-03-01 11:00"
    assert request.arg("limit") == "10"


def test_order_ids_go_in_the_orderidlist_header(server):
    _fake, client = make(server, [make_order(i, [("A", 1, 10)]) for i in (1, 2, 3)])
    pages = list(client.iter_order_pages(order_ids=[3, 1]))
    assert sorted(o.ref for o in pages[0][1]) == ["1", "3"]
    assert server.requests[0].headers["orderidlist"] == "3,1"
    assert server.requests[0].arg("updatedatetimeafter") is None


def test_reading_from_a_later_page(server):
    _fake, client = make(server, [make_order(i, [("A", 1, 10)]) for i in range(1, 26)])
    pages = list(client.iter_order_pages(limit=10, first_page=2))
    assert [page for page, _o, _p in pages] == [2, 3]


def test_repeated_page_and_failed_page_raise(server):
    fake, client = make(server, [make_order(i, [("A", 1, 10)]) for i in range(1, 26)])
    fake.repeat_page = (2, 1)
    with pytest.raises(MarketplaceError, match="repeats page 1"):
        list(client.iter_order_pages(limit=10))
    fake.repeat_page = None
    fake.fail_page = (2, 502)
    with pytest.raises(RetryableJobError, match="HTTP 502"):
        list(client.iter_order_pages(limit=10))


def test_a_second_change_in_the_same_minute_changes_the_fingerprint():
    packed = make_order(1, [("A", 1, 10)], status="Packed", updated="2024-03-01 10:15")
    voided = {**packed, "status": "Voided"}
    assert parse_order(packed).updated_text == parse_order(voided).updated_text
    assert parse_order(packed).fingerprint != parse_order(voided).fingerprint
    paid = {**packed, "paymentstatus": "Partial"}
    assert parse_order(paid).fingerprint != parse_order(packed).fingerprint
    assert parse_order(dict(packed)).fingerprint == parse_order(packed).fingerprint


def test_fingerprints_stay_those_stored_before_the_neutral_order_classes():
    """An upgraded database compares these with the fingerprints it stored:
    a change would rewrite every imported order once (values from 18.0.1.0.0)."""
    assert parse_order(make_order(1, [("A", 1, 10)])).fingerprint == (
        "33d47c6eb864d98e1b2ef2542c8f2955adaea918"
    )


@pytest.mark.parametrize(
    ("status", "neutral"),
    [
        ("Pending", "pending"),
        ("Waiting", "pending"),
        ("Packed", "confirmed"),
        ("Shipping", "shipping"),
        ("Success", "delivered"),
        ("Voided", "cancelled"),
        ("Returned", "returned"),
        ("Failed Shipment", "failed_delivery"),
    ],
)
def test_zortout_statuses_map_to_neutral_ones_and_keep_their_name(status, neutral):
    order = parse_order(make_order(1, [("A", 1, 10)], status=status))
    assert (order.status, order.remote_status) == (neutral, status)


def test_payment_status_names_and_codes():
    order = parse_order(make_order(1, [("A", 1, 10)], paymentstatus="1", paymentamount="10.00"))
    assert (order.payment_status, order.payment_amount) == ("Paid", Decimal("10.00"))


def test_an_order_id_beyond_32_bits_is_refused_by_name():
    with pytest.raises(MarketplaceError, match="'id' 7961801383 is not a 32-bit order id"):
        parse_order(make_order(7961801383, [("A", 1, 10)]))


def test_payments_cod_and_tracking_are_read():
    """``payments`` items as the C# client's ``ZortPayment``; ``isCOD``;
    the order's ``trackingno`` and ``shippingchannel``."""
    order = parse_order(
        make_order(
            5,
            [("A", 1, 10)],
            paymentstatus="Partial",
            paymentamount="6.00",
            payments=[
                {
                    "id": 77,
                    "name": "PromptPay",
                    "amount": "6.00",
                    "paymentdatetimeString": "2024-03-02 09:00",
                },
            ],
            isCOD="true",
            trackingno="TH123",
            shippingchannel="Kerry",
            shippingdateString="2024-03-03",
        )
    )
    assert order.payment_state == "partial"
    assert [(p.amount, str(p.paid_on), p.method, p.ref) for p in order.payments] == [
        (Decimal("6.00"), "2024-03-02", "PromptPay", "77")
    ]
    assert order.paid_amount == Decimal("6.00")
    assert order.cod is True
    assert [(t.number, t.carrier, str(t.shipped_on)) for t in order.tracking] == [
        ("TH123", "Kerry", "2024-03-03")
    ]
    assert order.notes == []


@pytest.mark.parametrize(
    "tracking_list, expected",
    [
        (["A1", "B2"], [("A1", "Flash"), ("B2", "Flash")]),
        ([{"trackingNo": "A1", "shippingChannel": "J&T"}], [("A1", "J&T")]),
        ([{"tracking_number": "A1", "courier": "DHL"}], [("A1", "DHL")]),
        ({"trackingno": "A1"}, [("A1", "Flash")]),
    ],
)
def test_every_plausible_tracking_list_form_is_read(tracking_list, expected):
    item = make_order(6, [("A", 1, 10)], shippingchannel="Flash", trackingList=tracking_list)
    order = parse_order(item)
    assert [(t.number, t.carrier) for t in order.tracking] == expected
    assert order.notes == []


def test_what_cannot_be_read_is_noted_not_dropped():
    item = make_order(
        7,
        [("A", 1, 10)],
        payments=[{"name": "Card"}, "cash"],
        trackingList=[{"status": "picked"}],
        paymentstatus="Refunded",
    )
    order = parse_order(item)
    assert order.payments == []
    assert order.tracking == []
    assert len(order.notes) == 4
    assert any("payment 1: no amount" in note for note in order.notes)
    assert any("tracking 1: no tracking number (status)" in note for note in order.notes)
    assert any("unknown payment status 'Refunded'" in note for note in order.notes)


def test_a_v3_date_in_milliseconds_is_read_in_thai_time():
    order = parse_order(
        make_order(
            8,
            [("A", 1, 10)],
            payments=[{"amount": 10, "paymentdatetime": "/Date(1709312400000)/"}],
        )
    )
    # 2024-03-01 17:00 UTC is 2024-03-02 00:00 in Bangkok
    assert str(order.payments[0].paid_on) == "2024-03-02"


def test_tracking_and_cod_change_the_fingerprint_only_when_present():
    plain = make_order(9, [("A", 1, 10)])
    assert parse_order({**plain, "trackingList": []}).fingerprint == parse_order(plain).fingerprint
    assert parse_order({**plain, "trackingno": "X1"}).fingerprint != parse_order(plain).fingerprint
    assert parse_order({**plain, "isCOD": True}).fingerprint != parse_order(plain).fingerprint
