"""The "present but not understood / expected but never seen" report of an import."""

from odoo.addons.marketplace_base.lib.field_report import FieldReport


def report():
    fields = FieldReport(max_fields=3)
    fields.expect("Item", ["ItemCode", ("Language", "LanguageCode"), "Price"], optional=["Note"])
    return fields


def test_a_field_sent_and_read_by_nothing_is_counted_with_an_example():
    fields = report()
    fields.observe("Item", {"ItemCode": "A", "Lang": "en", "Price": 1}, code="A")
    fields.observe("Item", {"ItemCode": "B", "Lang": "de", "Price": 2, "Note": "x"}, code="B")
    assert fields.not_understood() == {"Item": [{"field": "Lang", "count": 2, "example": "A"}]}
    assert fields.never_seen() == {"Item": ["Language / LanguageCode"]}
    assert fields.summary() == "Item: Lang (2, e.g. A)"
    assert fields.as_result() == {
        "fields_not_understood": {"Item": ["Lang (2, e.g. A)"]},
        "fields_never_seen": {"Item": ["Language / LanguageCode"]},
    }


def test_an_alternative_spelling_counts_as_seen_and_metadata_is_ignored():
    fields = report()
    fields.observe("Item", {"ItemCode": "A", "LanguageCode": "EN", "@odata.etag": "1"}, code="A")
    assert fields.not_understood() == {}
    assert fields.never_seen() == {"Item": ["Price"]}


def test_types_never_read_say_nothing_and_lists_are_capped():
    fields = report()
    fields.expect("Item.Stock", ["Warehouse"])
    fields.observe("Item", {"ItemCode": "A", "Language": "", "Price": 0, **dict.fromkeys("wxyz")})
    assert fields.never_seen() == {}, "no stock rows read: nothing expected of them"
    assert [row["field"] for row in fields.not_understood()["Item"]] == ["w", "x", "y"]
    assert "example" not in fields.not_understood()["Item"][0], "no code given"
    assert FieldReport().as_result() == {}
    fields.observe("Item", "not an object")
    assert fields.as_result() == {"fields_not_understood": {"Item": ["w (1)", "x (1)", "y (1)"]}}
