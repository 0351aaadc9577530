"""The test channel's orders: its tiny JSON format mapped to neutral
``RemoteOrder``s and imported by ``marketplace.order.writer``.

An order of the channel::

    {"id": 17, "no": "T-17", "state": "paid", "total": "20.00", "shipping": "0",
     "prices": "gross" | "net" | "none", "updated": "2026-01-05 10:00",
     "buyer": {"id": "B-1", "name": "Ann", "email": "ann@x.test", "phone": "081"},
     "items": [{"sku": "T-1", "name": "Thing", "qty": 2, "price": "10.00"}]}

The job reads the orders from its parameters (as a webhook body would bring
them), a page at a time, and continues in a next part when its time is up.
"""

from decimal import Decimal

from odoo import api, fields, models
from odoo.addons.marketplace_sale.lib import order as neutral

#: The channel's order states as neutral statuses.
STATES = {
    "new": neutral.PENDING,
    "paid": neutral.CONFIRMED,
    "shipped": neutral.SHIPPING,
    "done": neutral.DELIVERED,
    "cancelled": neutral.CANCELLED,
    "returned": neutral.RETURNED,
}
TAX_MODES = {"gross": neutral.TAX_INCLUDED, "net": neutral.TAX_EXCLUDED, "none": neutral.TAX_NONE}
PAGE_SIZE = 2


def remote_order(item):
    """One order of the channel as a ``RemoteOrder``."""
    buyer = item.get("buyer") or {}
    return neutral.RemoteOrder(
        ref=str(item["id"]),
        number=item.get("no", ""),
        status=STATES[item["state"]],
        remote_status=item["state"],
        amount=Decimal(str(item["total"])),
        tax_mode=TAX_MODES[item.get("prices", "none")],
        shipping_amount=Decimal(str(item.get("shipping") or 0)),
        customer=neutral.Customer(
            code=buyer.get("id", ""),
            name=buyer.get("name", ""),
            email=buyer.get("email", ""),
            phone=buyer.get("phone", ""),
        ),
        updated_text=item.get("updated", ""),
        lines=[
            neutral.OrderLine(
                sku=line["sku"],
                name=line.get("name", ""),
                quantity=Decimal(str(line["qty"])),
                unit_price=Decimal(str(line["price"])),
            )
            for line in item["items"]
        ],
    )


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    @api.model
    def _order_channels(self):
        return [*super()._order_channels(), "test_channel"]

    def _run_job_import_test_channel_orders(self, job):
        run = job._run()
        items = list((job.params or {}).get("orders") or [])
        writer = self.env["marketplace.order.writer"]
        while items:
            page, items = items[:PAGE_SIZE], items[PAGE_SIZE:]
            orders = []
            for item in page:
                try:
                    orders.append(remote_order(item))
                except (KeyError, ValueError, ArithmeticError) as exc:
                    run.listed("unreadable_orders_list", f"{item.get('id', '?')}: {exc!r}")
            job._link_records(writer._write_page(self, orders, run))
            if items and run.out_of_time():
                run.continue_with({"orders": items})
                break
        return job._end_part(run, writer._result(run))


class MarketplaceJob(models.Model):
    _inherit = "marketplace.job"

    job_type = fields.Selection(
        selection_add=[("import_test_channel_orders", "Import Test Channel Orders")],
        ondelete={"import_test_channel_orders": "cascade"},
    )
