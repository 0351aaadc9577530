"""Reading Zortout webhook requests: the token and what an event names."""

from odoo.addons.marketplace_zortout.lib.webhook import (
    event_order_ids,
    event_skus,
    token_matches,
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
