"""The run object every long job shares: counting, capped lists, deadline, carry."""

from odoo.addons.marketplace_base.lib.run import Run
from odoo.addons.marketplace_base.lib.summary import MAX_LISTED


def test_lists_are_capped_but_counted():
    run = Run()
    for number in range(MAX_LISTED + 7):
        run.listed("refused", f"SKU{number}")
    result = run.result()
    assert len(result["refused"]) == MAX_LISTED
    assert result["refused_more"] == 7


def test_a_warning_is_listed_once():
    run = Run()
    run.warn("No 7% tax")
    run.warn("No 7% tax")
    assert run.result()["warnings"] == ["No 7% tax"]


def test_deadline_follows_the_clock():
    now = [100.0]
    run = Run(deadline=105.0, clock=lambda: now[0])
    assert not run.out_of_time()
    now[0] = 105.0
    assert run.out_of_time()


def test_a_next_part_goes_on_counting_where_the_first_stopped():
    first = Run()
    first.add("orders_created", 3)
    for number in range(MAX_LISTED + 2):
        first.listed("problems", number)
    first.continue_with({"page": 4})
    assert first.continues and first.next_params == {"page": 4}

    second = Run(carry=first.carried())
    second.add("orders_created", 2)
    second.listed("problems", "late")
    result = second.result()
    assert result["orders_created"] == 5
    assert len(result["problems"]) == MAX_LISTED and "late" not in result["problems"]
    assert result["problems_more"] == 3
    assert not second.continues


def test_lists_shown_even_when_empty():
    run = Run()
    run.show_lists("errors", "refused")
    run.listed("refused", "A-1")
    run.show_lists("refused")
    assert run.result() == {"errors": [], "refused": ["A-1"]}


def test_a_next_part_can_wait():
    run = Run()
    run.continue_with({"page": 2}, at="2026-12-04 10:00:00")
    assert run.continues and run.next_at == "2026-12-04 10:00:00"
