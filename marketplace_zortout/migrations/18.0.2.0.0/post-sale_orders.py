"""Zortout's sale order links and order settings move to ``marketplace_sale``'s
neutral fields (18.0.2.0.0).

``marketplace_sale`` is installed (or upgraded) before this addon, so its
columns exist; the old ``zortout_*`` columns are dropped only at the end of
the upgrade, so they can still be read here. Each copy runs only when its
old column is there, and only fills what is still empty: running it twice
changes nothing.
"""

import json
import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

#: Zortout's status names as the neutral statuses of ``marketplace_sale``.
NEUTRAL_STATUSES = {
    "Pending": "pending",
    "Waiting": "pending",
    "Packed": "confirmed",
    "Shipping": "shipping",
    "Success": "delivered",
    "Voided": "cancelled",
    "Returned": "returned",
    "Failed Shipment": "failed_delivery",
}
#: ``sale_order``: old column -> new column (the order id becomes its text).
SALE_ORDER_COLUMNS = {
    "zortout_account_id": "marketplace_account_id",
    "zortout_order_id": "marketplace_order_ref",
    "zortout_number": "marketplace_order_number",
    "zortout_status": "marketplace_remote_status",
    "zortout_sales_channel": "marketplace_sales_channel",
    "zortout_updated": "marketplace_updated",
    "zortout_fingerprint": "marketplace_fingerprint",
    "zortout_stock_in_zortout": "marketplace_stock_remote",
    "zortout_attention": "marketplace_attention",
    "zortout_missing_skus": "marketplace_missing_skus",
    "zortout_attention_reason": "marketplace_attention_reason",
}
TEXT_COLUMNS = {"marketplace_order_ref"}
#: ``marketplace_account``: old column -> new column.
ACCOUNT_COLUMNS = {
    "zortout_order_window_start": "order_window_start",
    "zortout_shipping_product_id": "order_shipping_product_id",
    "zortout_discount_product_id": "order_discount_product_id",
    "zortout_tax_included_id": "order_tax_included_id",
    "zortout_tax_excluded_id": "order_tax_excluded_id",
}


def _columns(cr, table):
    cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s", (table,))
    return {row[0] for row in cr.fetchall()}


def migrate(cr, version):
    columns = _columns(cr, "sale_order")
    moved = {old: new for old, new in SALE_ORDER_COLUMNS.items() if old in columns}
    if "zortout_account_id" in moved and "zortout_order_id" in moved:
        sets = SQL(", ").join(
            SQL(
                "%s = %s::text" if new in TEXT_COLUMNS else "%s = %s",
                SQL.identifier(new),
                SQL.identifier(old),
            )
            for old, new in moved.items()
        )
        cr.execute(
            SQL(
                "UPDATE sale_order SET %s"
                " WHERE zortout_account_id IS NOT NULL AND marketplace_account_id IS NULL",
                sets,
            )
        )
        _logger.info("%s Zortout sale orders moved to the neutral fields", cr.rowcount)
    if "zortout_status" in columns:
        cr.execute(
            "UPDATE sale_order SET marketplace_status = (%s::jsonb ->> zortout_status)"
            " WHERE zortout_status IS NOT NULL AND marketplace_status IS NULL",
            (json.dumps(NEUTRAL_STATUSES),),
        )
    columns = _columns(cr, "marketplace_account")
    for old, new in ACCOUNT_COLUMNS.items():
        if old in columns:
            cr.execute(
                SQL(
                    "UPDATE marketplace_account SET %s = %s WHERE %s IS NOT NULL AND %s IS NULL",
                    SQL.identifier(new),
                    SQL.identifier(old),
                    SQL.identifier(old),
                    SQL.identifier(new),
                )
            )
