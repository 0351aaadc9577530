"""Base class for tests that run the job runner, and a button clicked as the web client does."""

from odoo.api import call_kw
from odoo.tests.common import TransactionCase


def click(records, method, **kwargs):
    """A button as ``/web/dataset/call_button`` runs it: the method by name,
    with the ids of the records as the first argument (none on an empty list)."""
    return call_kw(records.browse(), method, [records.ids], kwargs)


class MarketplaceQueueCase(TransactionCase):
    """Runs the runner inside the test transaction.

    The runner opens its own cursors; in registry test mode (as HttpCase
    uses) those share the test's transaction through savepoints, so their
    commits and rollbacks are real to the runner and undone after the test.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry.enter_test_mode(cls.cr)
        cls.addClassCleanup(cls.registry.leave_test_mode)

    def run_jobs(self):
        """Run the cron's method as the scheduler would; return how many jobs ran."""
        self.env.flush_all()
        done = self.env["marketplace.job"]._cron_run_jobs()
        self.env.invalidate_all()
        return done

    def make_due(self, jobs):
        """Make jobs scheduled later (retry delays) due now."""
        jobs.write({"scheduled_at": "2000-01-01 00:00:00"})
