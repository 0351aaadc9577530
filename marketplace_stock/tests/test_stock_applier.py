import time
from unittest.mock import patch

from odoo.tests import tagged

from .common import StockApplierCase

APPLIER = "odoo.addons.marketplace_stock.models.marketplace_stock_applier"


@tagged("post_install", "-at_install")
class TestStockApplier(StockApplierCase):
    def test_remote_quantities_become_inventory_moves_with_history(self):
        counters = self.applier._apply_remote_stock(
            self.account, self.location, [("SKU-0", 5), (" SKU-1 ", "7"), ("NOPE", 1)]
        )
        self.assertEqual((self.on_hand(self.products[0]), self.on_hand(self.products[1])), (5, 7))
        self.assertEqual(counters["stocks_updated"], 2)
        self.assertEqual(counters["unknown_skus_list"], ["NOPE"])
        moves = self.moves()
        self.assertEqual(len(moves), 2)
        self.assertEqual(set(moves.mapped("state")), {"done"})
        self.assertEqual(set(moves.mapped("reference")), {"Stock source"})
        line = self.products[0].product_tmpl_id.marketplace_stock_ids
        self.assertEqual((line.account_id, line.remote_quantity), (self.account, 5))

    def test_unchanged_quantities_move_nothing(self):
        self.applier._apply_remote_stock(self.account, self.location, [("SKU-0", 5)])
        moves = self.moves()
        counters = self.applier._apply_remote_stock(self.account, self.location, [("SKU-0", 5)])
        self.assertEqual((counters["stocks_updated"], counters["unchanged"]), (0, 1))
        self.assertEqual(self.moves(), moves)

    def test_a_part_past_its_deadline_leaves_the_rest_for_the_next_part(self):
        rows = [(f"SKU-{i}", i + 1, "WH") for i in range(4)]
        past = time.monotonic() - 1
        with patch(f"{APPLIER}.APPLY_SLICE", 1):
            counters, left = self.applier._apply_remote_stock_part(
                self.account, self.location, rows, deadline=past
            )
            self.assertEqual(counters["stocks_updated"], 1, "one slice: progress is guaranteed")
            self.assertEqual([row[0] for row in left], ["SKU-1", "SKU-2", "SKU-3"])
            _counters, none_left = self.applier._apply_remote_stock_part(
                self.account, self.location, left, deadline=past, force_progress=False
            )
            self.assertEqual(len(none_left), 3, "a later location past the deadline waits")
            while left:
                _counters, left = self.applier._apply_remote_stock_part(
                    self.account, self.location, left, deadline=past
                )
        self.assertEqual([self.on_hand(p) for p in self.products], [1, 2, 3, 4])
        moves = self.moves()
        counters, left = self.applier._apply_remote_stock_part(self.account, self.location, rows)
        self.assertEqual((counters["stocks_updated"], left), (0, []), "nothing applies twice")
        self.assertEqual(self.moves(), moves)

    def test_sources_are_summed_and_a_sku_twice_in_one_source_is_not_applied(self):
        counters = self.applier._apply_remote_stock(
            self.account,
            self.location,
            [("SKU-0", 2, "A"), ("SKU-0", 3, "B"), ("SKU-1", 4, "A"), ("SKU-1", 4, "A")],
        )
        self.assertEqual(self.on_hand(self.products[0]), 5)
        self.assertEqual(self.on_hand(self.products[1]), 0)
        self.assertEqual(counters["repeated_skus_list"], ["SKU-1"])
