"""Benchmark: what Odoo alone takes to invoice and pay confirmed sale orders.

No code of the suite runs in the measured steps: confirmed sale orders (1 to
5 lines, VAT 7%, made before the clock starts) are invoiced with Odoo's
``sale.order._create_invoices``, posted with ``account.move.action_post`` and
paid with Odoo's Register Payment wizard over all the invoices at once (one
payment per invoice, as a bookkeeper gets by selecting them in the list),
in pages as an import would. It is the floor under order to cash: the
import can do these steps no faster than Odoo does them.

    python benchmarks/odoo_invoicing_floor.py --db DB [--orders 500] [--page 500]
"""

import random
import time

import odoo_env

PRICES = [33.33, 19.99, 120.0, 0.35, 250.5, 99.0]


def main():
    p = odoo_env.parser(__doc__)
    p.add_argument("--orders", type=int, default=500)
    p.add_argument("--page", type=int, default=500, help="orders per batch (an import page)")
    args = p.parse_args()
    with odoo_env.environment(args) as env:
        measure(env, args)


def setup(env, count):
    """A 7% sales tax, products and ``count`` confirmed sale orders of 100
    customers; committed."""
    company = env.company
    tax = env["account.tax"].create(
        {"name": "Floor VAT 7%", "amount": 7, "type_tax_use": "sale", "company_id": company.id}
    )
    products = env["product.product"].create(
        [
            {"name": f"Floor product {i}", "type": "service", "taxes_id": [(6, 0, tax.ids)]}
            for i in range(50)
        ]
    )
    partners = env["res.partner"].create([{"name": f"Floor customer {i}"} for i in range(100)])
    rng = random.Random(5)
    SaleOrder = env["sale.order"].with_context(tracking_disable=True)
    orders = SaleOrder.create(
        [
            {
                "partner_id": rng.choice(partners).id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": rng.choice(products).id,
                            "product_uom_qty": rng.randint(1, 4),
                            "price_unit": rng.choice(PRICES),
                        },
                    )
                    for _line in range(rng.randint(1, 5))
                ],
            }
            for _order in range(count)
        ]
    )
    orders.action_confirm()
    env.cr.commit()
    return orders


def measure(env, args):
    t0 = time.perf_counter()
    bank, _cash = odoo_env.accounting(env)
    orders = setup(env, args.orders)
    print(f"setup: {args.orders} confirmed sale orders in {time.perf_counter() - t0:.1f} s")
    spent = {"invoice": 0.0, "post": 0.0, "pay": 0.0}
    for start in range(0, len(orders), args.page):
        page = orders[start : start + args.page]
        t = time.perf_counter()
        invoices = page.with_context(tracking_disable=True)._create_invoices(grouped=True)
        env.cr.flush()
        spent["invoice"] += time.perf_counter() - t
        t = time.perf_counter()
        invoices.with_context(tracking_disable=True).action_post()
        env.cr.flush()
        spent["post"] += time.perf_counter() - t
        t = time.perf_counter()
        env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoices.ids
        ).create({"journal_id": bank.id, "group_payment": False})._create_payments()
        env.cr.flush()
        spent["pay"] += time.perf_counter() - t
        env.cr.commit()
    paid = env["account.move"].search_count(
        [("id", "in", orders.invoice_ids.ids), ("payment_state", "in", ("paid", "in_payment"))]
    )
    assert paid == len(orders), f"{paid} of {len(orders)} invoices paid"
    per_order = {step: seconds / len(orders) * 1000 for step, seconds in spent.items()}
    invoicing = per_order["invoice"] + per_order["post"]
    print(
        f"Odoo alone, per order: invoice {per_order['invoice']:.1f} ms, post "
        f"{per_order['post']:.1f} ms, pay (Register Payment) {per_order['pay']:.1f} ms"
    )
    print(
        f"invoicing and posting 10,000 orders, before any sale order or payment: "
        f"{invoicing * 10:.0f} s in one process, {invoicing * 5:.0f} s if both cores of a "
        f"2-core machine worked in parallel without loss"
    )


if __name__ == "__main__":
    main()
