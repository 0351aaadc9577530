"""The webhook checks every channel's route shares."""

from odoo.addons.marketplace_base.lib.webhook_auth import MAX_BODY, parse_json_body, token_matches


def test_any_given_value_may_be_the_token():
    assert token_matches(["wrong", "s3cret"], "s3cret")
    assert not token_matches(["s3cre", ""], "s3cret")
    assert not token_matches([], "s3cret")


def test_no_token_configured_never_matches():
    assert not token_matches([""], "")
    assert not token_matches(["x"], None)


def test_bodies_that_are_not_a_json_object_or_list_are_refused_by_name():
    assert parse_json_body(b'{"id": 1}') == ({"id": 1}, None)
    assert parse_json_body(b"[1]") == ([1], None)
    assert parse_json_body(b"not json") == (None, "body is not JSON")
    assert parse_json_body(b'"text"') == (None, "body is not a JSON object or list")
    assert parse_json_body(b"[" + b" " * MAX_BODY + b"]") == (None, "body too large")
