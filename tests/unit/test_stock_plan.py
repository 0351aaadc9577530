"""Which remote quantities become inventory adjustments, and what is reported."""

from decimal import Decimal

from odoo.addons.marketplace_stock.lib.stock_plan import ProductInfo, index_products, plan_stock


def products(*infos):
    return index_products(infos)


def test_changed_quantities_are_applied_and_unchanged_counted():
    index = products(ProductInfo(1, "A"), ProductInfo(2, "B"))
    plan = plan_stock([("A", "5"), ("B", 3)], index, {1: 2.0, 2: 3.0})
    assert plan.to_apply == {1: Decimal(5)}
    assert plan.counters["stocks_updated"] == 1
    assert plan.counters["unchanged"] == 1
    assert plan.counters["products_seen"] == 2


def test_skus_are_trimmed_on_both_sides():
    index = products(ProductInfo(1, "  A-1 "))
    plan = plan_stock([(" A-1", 4)], index, {})
    assert plan.to_apply == {1: Decimal(4)}


def test_every_problem_is_counted_and_listed_and_others_still_apply():
    index = products(
        ProductInfo(1, "OK"),
        ProductInfo(2, "SERVICE", storable=False),
        ProductInfo(3, "DUP"),
        ProductInfo(4, "DUP"),
        ProductInfo(5, "OLD", active=False),
        ProductInfo(6, "LOT", tracked=True),
    )
    remote = [("OK", 1), ("SERVICE", 1), ("DUP", 1), ("OLD", 1), ("LOT", 1), ("NEW", 1), ("", 9)]
    plan = plan_stock(remote, index, {})
    c = plan.counters
    assert plan.to_apply == {1: Decimal(1)}
    assert (c["not_storable"], c["duplicates"], c["archived"], c["tracked"]) == (1, 1, 1, 1)
    assert (c["unknown_skus"], c["unknown_skus_list"], c["blank_skus"]) == (1, ["NEW"], 1)
    assert c["duplicates_list"] == ["DUP"]


def test_an_archived_duplicate_does_not_block_the_active_product():
    index = products(ProductInfo(1, "A"), ProductInfo(2, "A", active=False))
    assert plan_stock([("A", 2)], index, {}).to_apply == {1: Decimal(2)}


def test_negative_quantities_become_zero_unless_allowed():
    index = products(ProductInfo(1, "A"))
    plan = plan_stock([("A", "-3")], index, {1: 5})
    assert plan.to_apply == {1: Decimal(0)}
    assert plan.counters["negative_quantities"] == 1
    assert plan_stock([("A", "-3")], index, {1: 5}, allow_negative=True).to_apply == {
        1: Decimal(-3)
    }


def test_same_sku_in_several_remote_warehouses_is_summed():
    index = products(ProductInfo(1, "A"))
    plan = plan_stock([("A", 2, "WH1"), ("A", 3, "WH2")], index, {})
    assert plan.to_apply == {1: Decimal(5)}


def test_a_sku_twice_in_one_warehouse_is_reported_never_summed():
    index = products(ProductInfo(1, "A"), ProductInfo(2, "B"))
    plan = plan_stock([("A", 2, "WH1"), ("B", 1, "WH1"), ("A", 2, "WH1")], index, {})
    assert plan.to_apply == {2: Decimal(1)}
    assert plan.counters["repeated_skus"] == 1
    assert plan.counters["repeated_skus_list"] == ["A"]
    # without a source, the whole answer is one source
    assert plan_stock([("A", 2), ("A", 2)], index, {}).to_apply == {}


def test_quantities_that_are_not_finite_numbers_are_listed_by_sku():
    index = products(*(ProductInfo(i, f"S{i}") for i in range(1, 6)))
    remote = [("S1", float("nan")), ("S2", "Infinity"), ("S3", float("inf")), ("S4", "1e400")]
    plan = plan_stock(remote + [("S5", "7")], index, {})
    assert plan.to_apply == {5: Decimal(7)}
    assert plan.counters["invalid_quantities"] == 4
    listed = plan.counters["invalid_quantities_list"]
    assert [entry.split(":")[0] for entry in listed] == ["S1", "S2", "S3", "S4"]


def test_unknown_list_is_capped_at_fifty_but_counted_in_full():
    plan = plan_stock([(f"X{i}", 1) for i in range(120)], {}, {})
    assert plan.counters["unknown_skus"] == 120
    assert len(plan.counters["unknown_skus_list"]) == 50
