"""What a job's result looks like to the person reading it."""

from odoo.addons.marketplace_base.lib.summary import (
    counter_rows,
    label,
    merge_counters,
    param_rows,
    summarize,
)


def test_labels_spell_acronyms():
    assert label("unknown_skus") == "Unknown SKUs"
    assert label("stocks_updated") == "Stocks updated"


def test_rows_put_the_largest_counters_first_and_zeros_on_one_row():
    rows = counter_rows(
        {
            "unchanged": 0,
            "stocks_updated": 2,
            "products_seen": 40,
            "tracked": 0,
            "unknown_skus_list": ["A", "B"],
            "summary": "ignored",
        }
    )
    assert rows == [
        ("Products seen", "40"),
        ("Stocks updated", "2"),
        ("Unknown SKUs list", "A, B"),
        ("Zero", "Tracked, Unchanged"),
    ]


def test_long_lists_are_cut_at_fifty():
    (row,) = counter_rows({"errors": [f"e{i}" for i in range(60)]})
    assert row[1].endswith("e49 … (+10 more)")


def test_summary_names_non_zero_counters_or_uses_the_handler_text():
    assert summarize({"items_done": 3, "skipped": 0}) == "Items done: 3"
    assert summarize({"summary": "3 parts refreshed", "items_done": 3}) == "3 parts refreshed"
    assert summarize({"skipped": 0}) == "Nothing to do"


def test_merge_adds_numbers_and_joins_lists():
    merged = merge_counters([{"a": 1, "l": ["x"]}, {"a": 2, "l": ["y"], "b": 5}])
    assert merged == {"a": 3, "l": ["x", "y"], "b": 5}


def test_parameters_read_as_labelled_values_without_empty_or_internal_ones():
    params = {
        "warehouse_code": None,
        "sku_list": ["A-1", "B-2"],
        "full": True,
        "part": 2,
        "remote": [[1, [["A", "1", None]]]],
        "carry": {"products_seen": 3},
    }
    assert param_rows(params) == [("SKU list", "A-1, B-2"), ("Full", "Yes"), ("Part", "2")]


def test_a_mapping_of_lists_reads_as_text_not_as_python():
    result = {
        "fields_not_understood": {
            "Product": ["weight (3, e.g. A-1)", "category (3, e.g. A-1)"],
            "Items.StockValues": ["Shelf (2)"],
        }
    }
    assert counter_rows(result) == [
        (
            "Fields not understood",
            "Product: weight (3, e.g. A-1), category (3, e.g. A-1); Items.StockValues: Shelf (2)",
        )
    ]
