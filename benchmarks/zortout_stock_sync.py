"""Benchmark: Zortout stock sync of 20,000 SKUs with real inventory moves.

Serves 20,000 SKUs in Zortout's format from a local HTTP server and runs
the real job through the runner: first sync (every quantity changes),
repeat sync with 1% changed, and, on a sample, the naive way (per SKU:
search the product, set its quant in inventory mode, apply) for the ratio.

    python benchmarks/zortout_stock_sync.py --db DB [--skus 20000] [--sample 200]
"""

import cProfile
import time

import odoo_env


def create_products(env, count, prefix):
    Product = env["product.product"].with_context(tracking_disable=True)
    for start in range(0, count, 2000):
        Product.create(
            [
                {
                    "name": f"Bench {i}",
                    "default_code": f"{prefix}{i:06d}",
                    "type": "consu",
                    "is_storable": True,
                }
                for i in range(start, min(count, start + 2000))
            ]
        )
    env.cr.commit()


def run_job(env, account, profile=None):
    job = account._enqueue_job("sync_stock_from_zortout", params={})
    env.cr.commit()
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    env["marketplace.job"]._run_next_job(job_id=job.id)
    elapsed = time.perf_counter() - start
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    env.invalidate_all()
    assert job.state == "done", job.error_message
    return elapsed, job


def naive(env, location, skus, quantities):
    """One SKU at a time, as a first implementation would; seconds per SKU."""
    Quant = env["stock.quant"].with_context(inventory_mode=True)
    start = time.perf_counter()
    for sku in skus:
        product = env["product.product"].search([("default_code", "=", sku)], limit=1)
        quant = Quant.create(
            {
                "product_id": product.id,
                "location_id": location.id,
                "inventory_quantity": quantities[sku],
            }
        )
        quant.action_apply_inventory()
    elapsed = time.perf_counter() - start
    env.cr.rollback()
    return elapsed / len(skus)


def main():
    p = odoo_env.parser(__doc__)
    p.add_argument("--skus", type=int, default=20000)
    p.add_argument("--sample", type=int, default=200)
    p.add_argument("--profile", help="write a cProfile of the first sync to this file")
    args = p.parse_args()
    with odoo_env.environment(args) as env, odoo_env.fixture_server() as server:
        zortout_server = odoo_env.load("marketplace_zortout/tests/zortout_server.py")
        measure(env, args, server, zortout_server.ZortoutFake)


def measure(env, args, server, ZortoutFake):
    prefix = f"ZB{int(time.time()) % 100000:05d}-"
    skus = [f"{prefix}{i:06d}" for i in range(args.skus)]
    stock = {sku: (i % 97) + 1 for i, sku in enumerate(skus)}
    fake = ZortoutFake(server, {"MAIN": stock})
    t0 = time.perf_counter()
    create_products(env, args.skus, prefix)
    print(f"setup: {args.skus} products created in {time.perf_counter() - t0:.1f} s")
    location = env["stock.warehouse"].search([], limit=1).lot_stock_id
    account = env["marketplace.account"].create(
        {
            "name": f"Bench {prefix}",
            "channel": "zortout",
            "zortout_storename": "shop",
            "zortout_apikey": "key",
            "zortout_apisecret": "secret",
            "zortout_api_url": fake.url,
            "stock_location_id": location.id,
        }
    )
    env.cr.commit()

    first, job = run_job(env, account, profile=args.profile)
    print(
        f"first sync: {first:.1f} s for {job.result['stocks_updated']} changed SKUs "
        f"({first / args.skus * 1000:.2f} ms/SKU)"
    )
    changed = skus[::100]  # 1%
    for sku in changed:
        stock[sku] += 5
    repeat, job = run_job(env, account)
    print(
        f"repeat sync, 1% changed: {repeat:.2f} s ({job.result['stocks_updated']} moves, "
        f"{job.result['unchanged']} unchanged)"
    )

    sample = skus[-args.sample :]
    changed_cost = naive(env, location, sample, {sku: stock[sku] + 1 for sku in sample})
    same_cost = naive(env, location, sample, {sku: stock[sku] for sku in sample})
    naive_first = changed_cost * args.skus
    naive_repeat = changed_cost * len(changed) + same_cost * (args.skus - len(changed))
    print(
        f"naive loop on a {args.sample}-SKU sample: {changed_cost * 1000:.1f} ms per changed "
        f"SKU, {same_cost * 1000:.1f} ms per unchanged SKU"
    )
    print(f"naive first sync ~{naive_first:.0f} s -> ours {naive_first / first:.1f}x faster")
    print(f"naive repeat sync ~{naive_repeat:.0f} s -> ours {naive_repeat / repeat:.0f}x faster")


if __name__ == "__main__":
    main()
