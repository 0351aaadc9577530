"""Migration 18.0.2.0.0 (post-sale_orders): a database of the previous version
keeps its Zortout sale orders and order settings under the neutral names, and
importing the same orders again creates nothing."""

import importlib.util
from pathlib import Path

from odoo.tests import tagged

from .common import ZortoutCase
from .test_orders import recent
from .zortout_server import make_order

SCRIPT = Path(__file__).parents[1] / "migrations" / "18.0.2.0.0" / "post-sale_orders.py"
#: The columns of 18.0.1.0.0, with their SQL types.
OLD_SALE_ORDER = {
    "zortout_account_id": "integer",
    "zortout_order_id": "integer",
    "zortout_number": "varchar",
    "zortout_status": "varchar",
    "zortout_sales_channel": "varchar",
    "zortout_updated": "varchar",
    "zortout_fingerprint": "varchar",
    "zortout_stock_in_zortout": "boolean",
    "zortout_attention": "boolean",
    "zortout_missing_skus": "varchar",
    "zortout_attention_reason": "text",
}
OLD_ACCOUNT = {
    "zortout_order_window_start": "timestamp",
    "zortout_shipping_product_id": "integer",
    "zortout_discount_product_id": "integer",
    "zortout_tax_included_id": "integer",
    "zortout_tax_excluded_id": "integer",
}


def migration():
    spec = importlib.util.spec_from_file_location("post_sale_orders", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestSaleOrderMigration(ZortoutCase):
    def setUp(self):
        super().setUp()
        self.fake.orders = [
            make_order(71, [("A-1", 2, 100)], status="Packed", updated=recent(30)),
            make_order(72, [("NO-SKU", 1, 10)], status="Waiting", updated=recent(20)),
        ]

    def import_orders(self):
        self.account.order_window_start = False
        job = self.account._zortout_enqueue_orders(params={})
        self.run_jobs()
        self.assertEqual(job.state, "done", job.error_message)
        return job

    def as_before_the_upgrade(self):
        """The old columns filled as 18.0.1.0.0 filled them, the neutral ones empty."""
        cr = self.env.cr
        for table, columns in (
            ("sale_order", OLD_SALE_ORDER),
            ("marketplace_account", OLD_ACCOUNT),
        ):
            for column, sql_type in columns.items():
                cr.execute(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}")  # noqa: S608
        self.env.flush_all()
        cr.execute(
            """
            UPDATE sale_order SET
                zortout_account_id = marketplace_account_id,
                zortout_order_id = marketplace_order_ref::integer,
                zortout_number = marketplace_order_number,
                zortout_status = marketplace_remote_status,
                zortout_sales_channel = marketplace_sales_channel,
                zortout_updated = marketplace_updated,
                zortout_fingerprint = marketplace_fingerprint,
                zortout_stock_in_zortout = marketplace_stock_remote,
                zortout_attention = marketplace_attention,
                zortout_missing_skus = marketplace_missing_skus,
                zortout_attention_reason = marketplace_attention_reason,
                marketplace_account_id = NULL, marketplace_order_ref = NULL,
                marketplace_order_number = NULL, marketplace_status = NULL,
                marketplace_remote_status = NULL, marketplace_sales_channel = NULL,
                marketplace_updated = NULL, marketplace_fingerprint = NULL,
                marketplace_stock_remote = NULL, marketplace_attention = NULL,
                marketplace_missing_skus = NULL, marketplace_attention_reason = NULL
             WHERE marketplace_account_id = %s
            """,
            (self.account.id,),
        )
        cr.execute(
            """
            UPDATE marketplace_account SET
                zortout_order_window_start = order_window_start,
                zortout_shipping_product_id = order_shipping_product_id,
                zortout_discount_product_id = order_discount_product_id,
                zortout_tax_included_id = order_tax_included_id,
                zortout_tax_excluded_id = order_tax_excluded_id,
                order_window_start = NULL, order_shipping_product_id = NULL,
                order_discount_product_id = NULL, order_tax_included_id = NULL,
                order_tax_excluded_id = NULL
             WHERE id = %s
            """,
            (self.account.id,),
        )
        self.env.invalidate_all()

    def test_links_and_settings_move_and_the_same_orders_import_as_unchanged(self):
        self.import_orders()
        SaleOrder = self.env["sale.order"]
        domain = [("marketplace_account_id", "=", self.account.id)]
        fields = [
            "marketplace_order_ref",
            "marketplace_order_number",
            "marketplace_status",
            "marketplace_remote_status",
            "marketplace_updated",
            "marketplace_fingerprint",
            "marketplace_stock_remote",
            "marketplace_attention",
            "marketplace_missing_skus",
            "marketplace_attention_reason",
            "state",
        ]
        before = SaleOrder.search_read(domain, fields, order="id")
        settings = [
            "order_shipping_product_id",
            "order_discount_product_id",
            "order_tax_included_id",
        ]
        account_before = self.account.read(settings)
        self.assertEqual([so["marketplace_order_ref"] for so in before], ["71", "72"])
        self.as_before_the_upgrade()
        self.assertFalse(SaleOrder.search(domain))

        migration().migrate(self.env.cr, "18.0.1.0.0")
        migration().migrate(self.env.cr, "18.0.1.0.0")  # a second run changes nothing
        self.env.invalidate_all()
        self.assertEqual(SaleOrder.search_read(domain, fields, order="id"), before)
        self.assertEqual(self.account.read(settings), account_before)
        self.assertEqual([so["marketplace_status"] for so in before], ["confirmed", "pending"])

        count = SaleOrder.search_count([])
        job = self.import_orders()
        self.assertEqual(SaleOrder.search_count([]), count, "nothing imported twice")
        self.assertEqual(
            (job.result["orders_created"], job.result["orders_updated"]),
            (0, 0),
            "the stored fingerprints still match: unchanged",
        )

    def test_without_the_old_columns_it_does_nothing(self):
        migration().migrate(self.env.cr, "18.0.1.0.0")
