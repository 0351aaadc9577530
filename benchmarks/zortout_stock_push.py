"""Benchmark: Odoo as the stock master pushes 20,000 SKUs to Zortout.

A local HTTP server plays Zortout (UpdateProductStockList, 100 SKUs per
call). The real push job runs through the runner in this process: first
push (every SKU sent), then a push after 1% of the quantities changed
through real inventory moves, which must send exactly those SKUs, in under
10 s; then a push with nothing changed.

    python benchmarks/zortout_stock_push.py --db DB [--skus 20000]
"""

import time

import odoo_env

GOAL_SECONDS = 10


def set_on_hand(env, location, quantities, name):
    """Real inventory moves, as the stock sync makes them (one apply per 500)."""
    applier = env["marketplace.stock.applier"]
    items = list(quantities.items())
    for start in range(0, len(items), 500):
        applier._set_quantities(location, dict(items[start : start + 500]), name)
    env.cr.commit()


def run_push(env, account):
    """Run the push and its parts in this process; ``(seconds, parts)``."""
    return odoo_env.run_parts(env, account._enqueue_job("push_stock_to_zortout"))


def sent_since(fake, first):
    """``{sku: quantity}`` of the writes since push number ``first``, and the call count."""
    writes = fake.pushes[first:]
    sent = {}
    for push in writes:
        for sku, quantity in push["sent"].items():
            assert sku not in sent, f"{sku} sent twice in one push"
            sent[sku] = quantity
    return sent, len(writes)


def main():
    p = odoo_env.parser(__doc__)
    p.add_argument("--skus", type=int, default=20000)
    args = p.parse_args()
    with odoo_env.environment(args) as env, odoo_env.fixture_server() as server:
        zortout_server = odoo_env.load("marketplace_zortout/tests/zortout_server.py")
        measure(env, args, server, zortout_server.ZortoutFake)


def measure(env, args, server, ZortoutFake):
    prefix = f"ZP{int(time.time()) % 100000:05d}-"
    fake = ZortoutFake(server, {"MAIN": {}})
    t0 = time.perf_counter()
    products = odoo_env.create_storable_products(
        env, (f"{prefix}{i:06d}" for i in range(args.skus))
    )
    location = env["stock.warehouse"].search([], limit=1).lot_stock_id
    stock = {product.id: (i % 97) + 1 for i, product in enumerate(products)}
    set_on_hand(env, location, stock, f"Bench {prefix} setup")
    print(f"setup: {args.skus} products with stock in {time.perf_counter() - t0:.1f} s")
    # only this benchmark's products are the company's storable products with a SKU
    others = env["product.product"].search(
        [("is_storable", "=", True), ("default_code", "!=", False), ("id", "not in", products.ids)]
    )
    others.write({"active": False})
    account = odoo_env.zortout_account(
        env,
        f"Bench push {prefix}",
        fake,
        stock_master="odoo",
        stock_location_id=location.id,
    )
    try:
        first, parts = run_push(env, account)
        sent, calls = sent_since(fake, 0)
        assert len(sent) == args.skus, f"first push sent {len(sent)} SKUs"
        by_sku = {p.default_code: stock[p.id] for p in products}
        assert sent == by_sku, "first push: quantities differ"
        print(
            f"first push: {first:.2f} s for {len(sent)} SKUs in {calls} calls, "
            f"{len(parts)} part(s) ({', '.join(f'{p.duration:.1f} s' for p in parts)})"
        )

        changed = products[::100]  # 1%
        set_on_hand(env, location, {p.id: stock[p.id] + 5 for p in changed}, "Bench change")
        before = len(fake.pushes)
        repeat, parts = run_push(env, account)
        sent, calls = sent_since(fake, before)
        expected = {p.default_code: stock[p.id] + 5 for p in changed}
        assert sent == expected, "the repeat push must send exactly the changed SKUs"
        print(
            f"repeat push, 1% changed: {repeat:.2f} s, {len(sent)} SKUs sent in {calls} calls "
            f"(exactly the changed ones), {parts[-1].result['unchanged']} unchanged"
        )
        assert repeat < GOAL_SECONDS, f"repeat push took {repeat:.1f} s (goal {GOAL_SECONDS} s)"

        before = len(fake.pushes)
        idle, _parts = run_push(env, account)
        sent, calls = sent_since(fake, before)
        assert not sent
        print(f"push with nothing changed: {idle:.2f} s, {calls} calls")
    finally:
        others.write({"active": True})
        env.cr.commit()


if __name__ == "__main__":
    main()
