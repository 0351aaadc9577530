"""Benchmark: 10,000 paid Zortout orders imported, invoiced and paid through the real job.

Serves paid orders in Zortout's format (1 to 5 lines each, confirmed or
delivered, mixed VAT types and discounts, three sales channels, payments by
bank transfer or PromptPay) from a local HTTP server and runs the real
import job in this process, its parts one after the other as the runner
would, on an account that invoices paid orders and registers their
payments. Goal: under 10 minutes, every invoice posted, paid, and its total
equal to Zortout's amount to the satang. Then every order read again (as the
date-range import does): nothing more is invoiced or paid.

    python benchmarks/zortout_order_to_cash.py --db DB [--orders 10000] [--profile FILE]
"""

import random
import time
from datetime import datetime, timedelta

import odoo_env
from zortout_orders import run_job, total, zortout_now

CHANNELS = ["Shopee", "Lazada", "TikTok Shop"]
PRICES = ["33.33", "19.99", "120", "0.35", "250.50", "99"]
METHODS = ["Bank transfer", "PromptPay"]


def build_paid_orders(make_order, count, skus, first_id, rng, updated):
    orders = []
    for order_id in range(first_id, first_id + count):
        lines = []
        for _i in range(rng.randint(1, 5)):
            line = [rng.choice(skus), rng.randint(1, 4), rng.choice(PRICES)]
            if rng.random() < 0.2:
                line.append(rng.choice(["10%", "5"]))
                if line[-1] == "5" and float(line[2]) * line[1] <= 5:
                    line[-1] = "10%"  # a sale: no line discounted below zero
            lines.append(tuple(line))
        moment = updated(order_id).strftime("%Y-%m-%d %H:%M")
        values = {
            "status": rng.choice(["Packed", "Success"]),
            "vattype": rng.choice([1, 2, 3, 3]),
            "discount": rng.choice(["", "", "", "5%", "20"]),
            "shipping": rng.choice([0, 0, 40, 37.5]),
            "updated": moment,
            "customercode": f"BC{order_id % 3000:05d}",
            "customername": f"Bench customer {order_id % 3000}",
            "saleschannel": rng.choice(CHANNELS),
        }
        order = make_order(order_id, lines, **values)
        if float(order["amount"]) <= 0:  # a sale, not a gift: no discount beyond the total
            order = make_order(order_id, lines, **{**values, "discount": ""})
        order["payments"] = [
            {
                "id": order_id,
                "name": rng.choice(METHODS),
                "amount": order["amount"],
                "paymentdatetimeString": moment,
            }
        ]
        orders.append(order)
    return orders


def main():
    p = odoo_env.parser(__doc__)
    p.add_argument("--orders", type=int, default=10000)
    p.add_argument("--skus", type=int, default=2000)
    p.add_argument("--profile", help="write a cProfile of the import to this file")
    args = p.parse_args()
    with odoo_env.environment(args) as env, odoo_env.fixture_server() as server:
        zortout_server = odoo_env.load("marketplace_zortout/tests/zortout_server.py")
        measure(env, args, server, zortout_server)


def measure(env, args, server, zortout_server):
    rng = random.Random(23)
    prefix = f"ZC{int(time.time()) % 100000:05d}-"
    skus = [f"{prefix}{i:05d}" for i in range(args.skus)]
    fake = zortout_server.ZortoutFake(server, {"MAIN": {}})
    t0 = time.perf_counter()
    bank, cash = odoo_env.accounting(env)
    odoo_env.create_storable_products(env, skus)
    env.company.tax_calculation_rounding_method = "round_globally"
    print(f"setup: chart, journals, {args.skus} products in {time.perf_counter() - t0:.1f} s")
    now = zortout_now()
    spread = timedelta(hours=20) / max(args.orders, 1)
    first_id = int(time.time()) % 20000 * 100000 + 1
    fake.orders = build_paid_orders(
        zortout_server.make_order,
        args.orders,
        skus,
        first_id,
        rng,
        lambda order_id: now - timedelta(hours=20) + spread * (order_id - first_id),
    )
    account = odoo_env.zortout_account(
        env,
        f"Bench order to cash {prefix}",
        fake,
        sync_enabled=False,
        order_invoice_policy="paid",
        order_payment_journal_id=bank.id,
        order_payment_method_ids=[(0, 0, {"name": "PromptPay", "journal_id": cash.id})],
    )
    seconds, parts = run_job(env, account, profile=args.profile)
    print(
        f"import, invoice and pay: {seconds:.1f} s for {total(parts, 'orders_created')} orders "
        f"({seconds / max(args.orders, 1) * 1000:.1f} ms/order) in {len(parts)} part(s) "
        f"({odoo_env.describe(parts)}); {total(parts, 'invoices_created')} invoices, "
        f"{total(parts, 'payments_registered')} payments, "
        f"{total(parts, 'needs_attention')} need attention"
    )
    check_invoices(env, account, fake.orders)
    # every order read again, as the account's date-range import does
    utc_now = datetime.utcnow().replace(second=0, microsecond=0)
    again, parts = run_job(
        env,
        account,
        params={
            "after": f"{utc_now - timedelta(hours=22):%Y-%m-%d %H:%M:%S}",
            "before": f"{utc_now + timedelta(minutes=1):%Y-%m-%d %H:%M:%S}",
            "manual": True,
        },
    )
    print(
        f"the same orders imported again: {again:.1f} s, {total(parts, 'orders_unchanged')} "
        f"unchanged, {total(parts, 'invoices_created')} invoices, "
        f"{total(parts, 'payments_registered')} payments"
    )
    assert total(parts, "orders_unchanged") == args.orders, "every order read again"
    assert not total(parts, "invoices_created") and not total(parts, "payments_registered")
    projected = seconds / max(args.orders, 1) * 10000
    print(f"goal: {'OK' if projected < 600 else 'OVER'} ({projected:.0f} s for 10,000, < 600 s)")


def check_invoices(env, account, orders):
    """Every order has one posted, paid invoice whose total is Zortout's amount."""
    amounts = {str(o["id"]): o["amount"] for o in orders}
    env.cr.execute(
        """
        SELECT so.marketplace_order_ref, count(DISTINCT am.id), min(am.amount_total),
               bool_and(am.state = 'posted'), bool_and(am.payment_state = 'paid')
          FROM sale_order so
          JOIN sale_order_line sol ON sol.order_id = so.id
          JOIN sale_order_line_invoice_rel rel ON rel.order_line_id = sol.id
          JOIN account_move_line aml ON aml.id = rel.invoice_line_id
          JOIN account_move am ON am.id = aml.move_id AND am.move_type = 'out_invoice'
         WHERE so.marketplace_account_id = %s
         GROUP BY so.marketplace_order_ref
        """,
        (account.id,),
    )
    rows = env.cr.fetchall()
    wrong = [
        ref
        for ref, count, amount, posted, paid in rows
        if count != 1 or not posted or not paid or f"{amount:.2f}" != f"{float(amounts[ref]):.2f}"
    ]
    print(f"  {len(rows)} orders invoiced of {len(orders)}: {len(wrong)} wrong")
    assert len(rows) == len(orders), "every paid order is invoiced"
    assert not wrong, f"invoices wrong: {wrong[:10]}"


if __name__ == "__main__":
    main()
