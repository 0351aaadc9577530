"""Migration 18.0.2.0.0 (post-stock_push): a database of the previous version
keeps its stock master, push settings and pushed-stock record under the
neutral names, and the first push after the upgrade sends nothing."""

import importlib.util
from pathlib import Path

from odoo.addons.marketplace_stock.lib.stock_push import plan_push
from odoo.tests import tagged

from .common import ZortoutCase

SCRIPT = Path(__file__).parents[1] / "migrations" / "18.0.2.0.0" / "post-stock_push.py"
#: The account columns of 18.0.1.0.0, with their SQL types.
OLD_ACCOUNT = {
    "zortout_stock_master": "varchar",
    "zortout_stock_buffer": "integer",
    "zortout_push_quantity": "varchar",
    "zortout_last_push_at": "timestamp",
}


def migration():
    spec = importlib.util.spec_from_file_location("post_stock_push", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestStockPushMigration(ZortoutCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a push reads every storable product with a SKU: only this test's
        ours = cls.a1 | cls.a2 | cls.neg | cls.service | cls.dup1 | cls.dup2
        cls.env["product.product"].search(
            [("is_storable", "=", True), ("default_code", "!=", False), ("id", "not in", ours.ids)]
        ).active = False
        cls.other = cls.account.copy({"name": "Zortout master"})

    def old_database(self):
        """The 18.0.1.0.0 columns and table, filled as that version left them:
        this account pushed (Odoo master, buffer 1, forecast), the other did not."""
        cr = self.env.cr
        for column, kind in OLD_ACCOUNT.items():
            cr.execute(f"ALTER TABLE marketplace_account ADD COLUMN {column} {kind}")
        cr.execute(
            "UPDATE marketplace_account SET zortout_stock_master = 'odoo', "
            "zortout_stock_buffer = 1, zortout_push_quantity = 'forecast', "
            "zortout_last_push_at = '2026-11-30 08:00:00' WHERE id = %s",
            (self.account.id,),
        )
        cr.execute(
            "UPDATE marketplace_account SET zortout_stock_master = 'zortout', "
            "zortout_stock_buffer = 0, zortout_push_quantity = 'on_hand' WHERE id = %s",
            (self.other.id,),
        )
        cr.execute(
            "CREATE TABLE marketplace_zortout_pushed_stock "
            "(LIKE marketplace_pushed_stock INCLUDING DEFAULTS)"
        )
        # what the last push of 18.0.1.0.0 recorded: every SKU, as it is now
        self.account.write({"stock_push_buffer": 1, "stock_push_quantity": "forecast"})
        rows, product_ids = self.env["marketplace.stock.pusher"]._rows(self.account, self.location)
        self.env["marketplace.pushed.stock"]._forget(self.account)
        pushed = plan_push(rows, {}, buffer=1).to_push
        for sku, quantity in pushed.items():
            cr.execute(
                "INSERT INTO marketplace_zortout_pushed_stock "
                "(account_id, company_id, product_id, sku, warehouse_code, quantity, pushed_at) "
                "VALUES (%s, %s, %s, %s, '', %s, '2026-11-30 08:00:00')",
                (self.account.id, self.account.company_id.id, product_ids[sku], sku, quantity),
            )
        # the new columns as the upgrade of marketplace_stock left them: defaults
        cr.execute(
            "UPDATE marketplace_account SET stock_master = 'remote', stock_push_buffer = 0, "
            "stock_push_quantity = 'on_hand', stock_last_push_at = NULL WHERE id IN %s",
            ((self.account.id, self.other.id),),
        )
        self.env.invalidate_all()
        return pushed

    def test_settings_and_the_pushed_record_survive_and_nothing_is_pushed_again(self):
        pushed = self.old_database()
        script = migration()
        script.migrate(self.env.cr, "18.0.1.0.0")
        script.migrate(self.env.cr, "18.0.1.0.0")  # twice: nothing doubled
        self.env.invalidate_all()
        self.assertEqual(
            [
                (a.stock_master, a.stock_push_buffer, a.stock_push_quantity)
                for a in self.account | self.other
            ],
            [("odoo", 1, "forecast"), ("remote", 0, "on_hand")],
        )
        self.assertEqual(str(self.account.stock_last_push_at), "2026-11-30 08:00:00")
        records = self.env["marketplace.pushed.stock"].search(
            [("account_id", "=", self.account.id)]
        )
        self.assertEqual({r.sku: r.quantity for r in records}, pushed)

        job = self.account._enqueue_job("push_stock_to_zortout")
        self.run_jobs()
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual(self.fake.pushes, [], "the record survived: nothing sent again")
        self.assertEqual(job.result["unchanged"], len(pushed))
