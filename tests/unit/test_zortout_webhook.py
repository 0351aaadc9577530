"""Reading Zortout webhook requests: the token and what an event names."""

from odoo.addons.marketplace_zortout.lib.webhook import (
    EVENTS,
    event_order_ids,
    event_order_refs,
    event_skus,
    payload_keys,
    registered_events,
    token_matches,
)
from odoo.addons.marketplace_zortout.tests.zortout_server import (
    make_order,
    quantity_body,
    webhook_order_body,
)


def test_the_token_comes_as_key1_or_as_basic_authorization():
    assert token_matches({"key1": "s3cret"}, "s3cret")
    assert token_matches({"Authorization": "Basic s3cret"}, "s3cret")
    assert token_matches({"key1": "wrong", "Authorization": "basic s3cret"}, "s3cret")


def test_a_wrong_missing_or_unset_token_never_matches():
    assert not token_matches({"key1": "s3cre"}, "s3cret")
    assert not token_matches({"Authorization": "Bearer s3cret"}, "s3cret")
    assert not token_matches({}, "s3cret")
    assert not token_matches({"key1": ""}, "")
    assert not token_matches({"key1": "x"}, None)


def test_skus_of_one_product_or_of_a_list_each_once_trimmed():
    assert event_skus({"id": 1, "sku": " A ", "stock": "3"}) == ["A"]
    assert event_skus([{"sku": "A"}, {"sku": "B"}, {"sku": "A"}, {"id": 4}, "junk"]) == ["A", "B"]
    assert event_skus({"list": [{"sku": "C"}], "count": 1}) == ["C"]
    assert event_skus("not an object") == []


def test_order_ids_are_whole_numbers_each_once():
    assert event_order_ids({"id": 501, "number": "SO-501"}) == [501]
    assert event_order_ids([{"id": "502"}, {"id": 501}, {"id": 502}]) == [502, 501]
    assert event_order_ids([{"id": None}, {"id": "x"}, {"id": True}, {"id": -1}]) == []


def test_an_order_body_is_the_order_itself_and_its_list_holds_lines():
    """ADDORDER sends the order object; its ``list`` names lines, whose ids
    are no order ids (the bug: line 1011 was imported as an order)."""
    body = webhook_order_body(make_order(101, [("A-1", 2, 100), ("A-2", 1, 50)]))
    assert [line["id"] for line in body["list"]] == [1011, 1012]
    assert event_order_refs(body) == ([101], [])
    assert event_order_ids(body) == [101]


def test_orders_in_a_list_or_under_list_and_a_number_without_id_are_read():
    one, two = make_order(101, [("A", 1, 1)]), make_order(102, [("B", 1, 1)])
    assert event_order_ids([one, two]) == [101, 102]
    assert event_order_ids({"list": [one, two], "count": 2}) == [101, 102]
    assert event_order_refs({"number": "SO-000103", "status": "Packed"}) == ([], ["SO-000103"])


def test_a_body_naming_no_order_gives_nothing_and_its_keys_are_named():
    lines_only = {"list": [{"id": 7, "sku": "A", "pricepernumber": "1"}]}
    assert event_order_refs(lines_only) == ([], [])
    assert payload_keys(lines_only) == "list"
    assert event_order_refs("junk") == ([], [])


def test_a_quantity_body_names_its_sku():
    assert event_skus(quantity_body("P0001", 20)) == ["P0001"]


def test_tracking_and_payment_events_are_order_events_registered_with_the_others():
    assert EVENTS["updateordertracking"] == ("order", "updateordertrackingurl")
    assert EVENTS["updateorderpayment"] == ("order", "updateorderpaymenturl")
    assert registered_events() == (
        "addorderurl,updateorderpaymenturl,updateordertrackingurl,updateorderurl,updatequantityurl"
    )


def test_a_tracking_event_names_its_order_by_id_or_number():
    tracked = make_order(7, [("A-1", 1, "10")], trackingno="TH1")
    assert event_order_refs(webhook_order_body(tracked)) == ([7], [])
    assert event_order_refs({"number": "SO-000007", "trackingno": "TH1"}) == ([], ["SO-000007"])
