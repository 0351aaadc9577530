"""The stock master and the stock push moved to marketplace_stock.

* The account's ``zortout_stock_master`` (``zortout``/``odoo``) becomes
  ``stock_master`` (``remote``/``odoo``); ``zortout_stock_buffer``,
  ``zortout_push_quantity`` and ``zortout_last_push_at`` become
  ``stock_push_buffer``, ``stock_push_quantity`` and ``stock_last_push_at``.
  ``zortout_push_endpoint`` stays Zortout's.
* The rows of ``marketplace_zortout_pushed_stock`` (what Zortout accepted)
  are copied into ``marketplace_pushed_stock``, so the first push after the
  upgrade sends only what changed.

marketplace_stock is upgraded first, so the new columns and table exist;
the old ones are dropped only at the end of the upgrade, so they can still
be read here. Each copy runs only when its old column or table is there.
"""

from odoo.tools import SQL

ACCOUNT_COLUMNS = {
    "zortout_stock_buffer": "stock_push_buffer",
    "zortout_push_quantity": "stock_push_quantity",
    "zortout_last_push_at": "stock_last_push_at",
}
OLD_RULE = "marketplace_zortout_pushed_stock_rule_company"


def _table_exists(cr, table):
    cr.execute("SELECT 1 FROM information_schema.tables WHERE table_name = %s", (table,))
    return bool(cr.fetchone())


def _column_exists(cr, table, column):
    cr.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
        (table, column),
    )
    return bool(cr.fetchone())


def migrate(cr, version):
    if not version:
        return
    if _column_exists(cr, "marketplace_account", "zortout_stock_master"):
        cr.execute(
            """
            UPDATE marketplace_account
               SET stock_master = CASE WHEN zortout_stock_master = 'odoo' THEN 'odoo'
                                       ELSE 'remote' END
             WHERE zortout_stock_master IS NOT NULL
            """
        )
    for old, new in ACCOUNT_COLUMNS.items():
        if _column_exists(cr, "marketplace_account", old):
            cr.execute(
                SQL(
                    "UPDATE marketplace_account SET %s = %s WHERE %s IS NOT NULL",
                    SQL.identifier(new),
                    SQL.identifier(old),
                    SQL.identifier(old),
                )
            )
    if _table_exists(cr, "marketplace_zortout_pushed_stock"):
        cr.execute(
            """
            INSERT INTO marketplace_pushed_stock
                   (account_id, company_id, product_id, sku, warehouse_code, quantity,
                    pushed_at, create_uid, create_date, write_uid, write_date)
            SELECT account_id, company_id, product_id, sku, warehouse_code, quantity,
                   pushed_at, create_uid, create_date, write_uid, write_date
              FROM marketplace_zortout_pushed_stock
            ON CONFLICT (account_id, product_id, warehouse_code) DO NOTHING
            """
        )
    # the old model goes at the end of the upgrade; its rule (noupdate) with it
    cr.execute(
        "UPDATE ir_model_data SET noupdate = false "
        "WHERE module = 'marketplace_zortout' AND name = %s",
        (OLD_RULE,),
    )
