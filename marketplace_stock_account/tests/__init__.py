from . import test_adjustment_reconciliation
