"""The last quantity the remote system accepted per account, product and remote
warehouse.

A push sends only SKUs whose quantity differs from this; only SKUs the remote
system accepted are written here, so refused ones are sent again next time.
"""

from odoo import api, fields, models

#: ``warehouse_code`` of a push without warehouse: the remote system's default one.
DEFAULT_WAREHOUSE = ""


class MarketplacePushedStock(models.Model):
    _name = "marketplace.pushed.stock"
    _description = "Stock Pushed to a Remote System"
    _order = "account_id, warehouse_code, sku"

    account_id = fields.Many2one(
        "marketplace.account", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    product_id = fields.Many2one("product.product", required=True, ondelete="cascade")
    sku = fields.Char(string="SKU", required=True)
    warehouse_code = fields.Char(
        string="Remote warehouse", help="Empty: the remote system's default warehouse."
    )
    quantity = fields.Integer(help="Whole units the remote system accepted, the buffer taken off.")
    pushed_at = fields.Datetime(string="Pushed at")

    _sql_constraints = [
        (
            "account_product_warehouse_unique",
            "unique(account_id, product_id, warehouse_code)",
            "One pushed quantity per account, product and remote warehouse.",
        ),
    ]

    @api.model
    def _last_pushed(self, account, warehouse_code):
        """``{sku: quantity}`` last accepted by the remote system for this warehouse."""
        self.env.cr.execute(
            "SELECT sku, quantity FROM marketplace_pushed_stock "
            "WHERE account_id = %s AND warehouse_code = %s",
            (account.id, warehouse_code or DEFAULT_WAREHOUSE),
        )
        return dict(self.env.cr.fetchall())

    @api.model
    def _record(self, account, warehouse_code, accepted):
        """Remember ``[(product id, sku, quantity)]`` as accepted, committed at once.

        In a cursor of its own: what the remote system accepted stays recorded even if
        the job fails later, so a retried job does not send it again. No
        column refers to the job, whose row the runner keeps locked.
        """
        if not accepted:
            return
        code = warehouse_code or DEFAULT_WAREHOUSE
        rows = [
            (account.id, account.company_id.id, product_id, sku, code, quantity, self.env.uid)
            for product_id, sku, quantity in accepted
        ]
        with self.env.registry.cursor() as cr:
            cr.execute_values(
                """
                INSERT INTO marketplace_pushed_stock
                       (account_id, company_id, product_id, sku, warehouse_code, quantity,
                        pushed_at, create_uid, create_date, write_uid, write_date)
                SELECT v.account_id, v.company_id, v.product_id, v.sku, v.code, v.quantity,
                       now() AT TIME ZONE 'UTC', v.uid, now() AT TIME ZONE 'UTC',
                       v.uid, now() AT TIME ZONE 'UTC'
                  FROM (VALUES %s) AS v(account_id, company_id, product_id, sku, code,
                                         quantity, uid)
                ON CONFLICT (account_id, product_id, warehouse_code) DO UPDATE
                   SET sku = EXCLUDED.sku, quantity = EXCLUDED.quantity,
                       pushed_at = EXCLUDED.pushed_at, write_uid = EXCLUDED.write_uid,
                       write_date = EXCLUDED.write_date
                """,
                rows,
                template="(%s::int, %s::int, %s::int, %s, %s, %s::int, %s::int)",
                page_size=1000,
            )
        self.invalidate_model()

    @api.model
    def _forget(self, accounts):
        """Forget what was pushed for ``accounts``: their next push sends every SKU."""
        self.sudo().search([("account_id", "in", accounts.ids)]).unlink()
