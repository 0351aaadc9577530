"""What a stock push sends: whole units, buffer, changes only."""

import pytest

from odoo.addons.marketplace_stock.lib.stock_push import (
    BatchAnswer,
    plan_push,
    pushed_quantity,
)


@pytest.mark.parametrize(
    ("quantity", "buffer", "expected"),
    [(10, 0, 10), (10, 3, 7), (2, 5, 0), (-4, 0, 0), (5.7, 1, 4), (2.9999999, 0, 3), (0, 0, 0)],
)
def test_pushed_quantity_is_whole_units_minus_the_buffer_never_negative(quantity, buffer, expected):
    assert pushed_quantity(quantity, buffer) == expected


def test_only_changed_or_never_pushed_skus_are_sent():
    plan = plan_push([("A", 5), ("B", 3), ("C", 1)], {"A": 5, "B": 2})
    assert plan.to_push == {"B": 3, "C": 1}
    assert plan.unchanged == 1


def test_the_buffer_applies_before_comparing():
    plan = plan_push([("A", 5), ("B", 1)], {"A": 3, "B": 0}, buffer=2)
    assert plan.to_push == {}
    assert plan.unchanged == 2


def test_a_sku_of_two_products_is_listed_not_sent_and_blank_skus_are_ignored():
    plan = plan_push([("A", 5), (" A ", 1), ("", 4), (None, 2), ("B", 1)], {})
    assert plan.duplicates == ["A"]
    assert plan.to_push == {"B": 1}


def test_a_batch_answer_lists_refusals_by_name_and_reason():
    answer = BatchAnswer(accepted=["A"], rejected={"B": "faillist"}, unconfirmed=["C"])
    assert answer.refusals() == ["B: faillist"]
    assert BatchAnswer().refusals() == []
