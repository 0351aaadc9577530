"""Benchmark: 10,000 Zortout orders imported into sale orders through the real job.

Serves the orders in Zortout's format (1 to 5 lines each, mixed statuses
and VAT types, 3,000 customers, three sales channels) from a local HTTP
server and runs the real import job in this process, its parts one after
the other as the runner would: first import (every order created), then a
steady run (50 orders new or changed since). Goals: first import under 5
minutes, steady run under 10 s; every order exact to the satang.

    python benchmarks/zortout_orders.py --db DB [--orders 10000] [--steady 50] [--per-line]
        [--profile FILE]

The company rounds taxes globally, as Zortout does (see the addon's
CONFIGURE.md); with ``--per-line`` it keeps Odoo's default, and VAT-excluded
orders whose per-line rounding differs are flagged (counted, never wrong).
"""

import random
import time
from datetime import datetime, timedelta

import odoo_env

STATUSES = ["Pending", "Waiting", "Packed", "Shipping", "Success", "Success", "Voided"]
CHANNELS = ["Shopee", "Lazada", "TikTok Shop"]
PRICES = ["33.33", "19.99", "120", "0.35", "250.50", "99"]


def zortout_now():
    """Bangkok time, minute precision, as Zortout writes update times."""
    return (datetime.utcnow() + timedelta(hours=7)).replace(second=0, microsecond=0)


def build_orders(make_order, count, skus, first_id, rng, updated):
    orders = []
    for order_id in range(first_id, first_id + count):
        lines = []
        for _i in range(rng.randint(1, 5)):
            line = [rng.choice(skus), rng.randint(1, 4), rng.choice(PRICES)]
            if rng.random() < 0.2:
                line.append(rng.choice(["10%", "5"]))
            lines.append(tuple(line))
        orders.append(
            make_order(
                order_id,
                lines,
                status=rng.choice(STATUSES),
                vattype=rng.choice([1, 2, 3, 3]),
                discount=rng.choice(["", "", "", "5%", "20"]),
                shipping=rng.choice([0, 0, 40, 37.5]),
                updated=updated(order_id).strftime("%Y-%m-%d %H:%M"),
                customercode=f"BC{order_id % 3000:05d}",
                customername=f"Bench customer {order_id % 3000}",
                saleschannel=rng.choice(CHANNELS),
            )
        )
    return orders


def run_job(env, account, params=None, profile=None):
    """Run the import and its parts in this process; ``(seconds, parts)``."""
    job = account._zortout_enqueue_orders(params=params or {}, identity_key=None)
    return odoo_env.run_parts(env, job, profile)


def total(parts, key):
    """A counter of the whole job: its last part's result covers every part."""
    return parts[-1].result.get(key, 0)


def main():
    p = odoo_env.parser(__doc__)
    p.add_argument("--orders", type=int, default=10000)
    p.add_argument("--steady", type=int, default=50)
    p.add_argument("--skus", type=int, default=2000)
    p.add_argument("--profile", help="write a cProfile of the first import to this file")
    p.add_argument(
        "--per-line", action="store_true", help="company tax rounding per line (Odoo's default)"
    )
    args = p.parse_args()
    with odoo_env.environment(args) as env, odoo_env.fixture_server() as server:
        zortout_server = odoo_env.load("marketplace_zortout/tests/zortout_server.py")
        measure(env, args, server, zortout_server)


def measure(env, args, server, zortout_server):
    rng = random.Random(17)
    prefix = f"ZO{int(time.time()) % 100000:05d}-"
    skus = [f"{prefix}{i:05d}" for i in range(args.skus)]
    fake = zortout_server.ZortoutFake(server, {"MAIN": {}})
    t0 = time.perf_counter()
    odoo_env.create_storable_products(env, skus)
    print(f"setup: {args.skus} products created in {time.perf_counter() - t0:.1f} s")
    now = zortout_now()
    # spread over the last 20 hours: the first import reads one one-day window
    spread = timedelta(hours=20) / max(args.orders, 1)
    # Zortout order ids are 32-bit integers (the C# client's ``int? Id``)
    first_id = int(time.time()) % 20000 * 100000 + 1
    fake.orders = build_orders(
        zortout_server.make_order,
        args.orders,
        skus,
        first_id,
        rng,
        lambda order_id: now - timedelta(hours=20) + spread * (order_id - first_id),
    )
    # Zortout computes VAT on the order total (see CONFIGURE.md)
    rounding = "round_per_line" if args.per_line else "round_globally"
    env.company.tax_calculation_rounding_method = rounding
    print(f"company tax rounding: {rounding}")
    account = odoo_env.zortout_account(env, f"Bench orders {prefix}", fake, sync_enabled=False)
    lines = sum(len(o["list"]) for o in fake.orders)

    first, parts = run_job(env, account, profile=args.profile)
    created = total(parts, "orders_created")
    print(
        f"first import: {first:.1f} s for {created} orders ({lines} Zortout lines, "
        f"{first / max(created, 1) * 1000:.1f} ms/order) in {len(parts)} part(s) "
        f"({odoo_env.describe(parts)}); {total(parts, 'needs_attention')} need attention, "
        f"{total(parts, 'orders_confirmed')} confirmed, {total(parts, 'orders_cancelled')} "
        "cancelled"
    )
    assert created == args.orders, f"{created} orders created, {args.orders} expected"
    check_exact(env, account, fake.orders)

    # steady run: half the orders new, half changed (their status moves on)
    later = zortout_now()
    changed = rng.sample(fake.orders, args.steady // 2)
    for order in changed:
        order["status"] = "Success"
        order["updatedatetime"] = order["updatedatetimeString"] = later.strftime("%Y-%m-%d %H:%M")
    new = build_orders(
        zortout_server.make_order,
        args.steady - len(changed),
        skus,
        first_id + args.orders,
        rng,
        lambda _id: later,
    )
    fake.orders.extend(new)
    steady, parts = run_job(env, account)
    print(
        f"steady run, {args.steady} new or changed: {steady:.2f} s "
        f"({total(parts, 'orders_created')} created, {total(parts, 'orders_updated')} updated, "
        f"{total(parts, 'orders_unchanged')} unchanged in the overlap)"
    )
    assert total(parts, "orders_created") == len(new)
    check_exact(env, account, fake.orders)
    print(
        f"goals: first import {'OK' if first < 300 else 'OVER'} (< 300 s), "
        f"steady run {'OK' if steady < 10 else 'OVER'} (< 10 s)"
    )


def check_exact(env, account, orders):
    """Every order's total equals Zortout's amount, or it is flagged."""
    amounts = {str(o["id"]): o["amount"] for o in orders}
    sale_orders = env["sale.order"].search_read(
        [("marketplace_account_id", "=", account.id)],
        ["marketplace_order_ref", "amount_total", "marketplace_attention", "state"],
    )
    wrong = [
        so["marketplace_order_ref"]
        for so in sale_orders
        if so["state"] != "cancel"
        and not so["marketplace_attention"]
        and f"{so['amount_total']:.2f}" != f"{float(amounts[so['marketplace_order_ref']]):.2f}"
    ]
    flagged = sum(1 for so in sale_orders if so["marketplace_attention"])
    print(f"  {len(sale_orders)} sale orders: {len(wrong)} totals wrong, {flagged} flagged")
    assert not wrong, f"totals differ unflagged: {wrong[:10]}"


if __name__ == "__main__":
    main()
