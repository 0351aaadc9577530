"""Benchmark: Zortout stock sync of 20,000 SKUs with real inventory moves.

Serves 20,000 SKUs in Zortout's format from a local HTTP server and runs
the real job through the runner: first sync (every quantity changes),
repeat sync with 1% changed, and, on a sample, the naive way (per SKU:
search the product, set its quant in inventory mode, apply) for the ratio.
A sync longer than a job part (50 s) continues in parts; the figures add
the parts up and list each.

With ``--scheduler`` the first sync runs through the real scheduler: an
``odoo-bin`` server with two cron workers and Odoo's default limits
(``limit_time_real`` 120 s) runs the parts; no part may take over 60 s or
be interrupted, and the quantities must be exact.

    python benchmarks/zortout_stock_sync.py --db DB [--skus 20000] [--sample 200] [--scheduler]
"""

import time

import odoo_env

PART_LIMIT = 60


def run_job(env, account, profile=None):
    """Run the sync and its parts in this process; ``(seconds, last part, parts)``."""
    job = account._enqueue_job("sync_stock_from_zortout", params={})
    elapsed, parts = odoo_env.run_parts(env, job, profile)
    return elapsed, parts[-1], parts


def run_through_scheduler(env, account, servers):
    """The sync queued as the schedule would, run by a real server's cron workers."""
    job = account._enqueue_job("sync_stock_from_zortout", params={})
    env.cr.commit()
    servers.wake()

    def ended():
        (left,) = servers.query(
            "SELECT count(*) FROM marketplace_job WHERE account_id = %s "
            "AND state IN ('pending', 'started')",
            (account.id,),
        )[0]
        return left == 0

    assert servers.wait(ended, timeout=900), "the sync did not end in 15 minutes"
    env.invalidate_all()
    parts, part = [], job
    while part:
        assert part.state == "done", f"{part.name}: {part.state} {part.error_message}"
        assert part.attempts == 1, f"{part.name} was interrupted and retried"
        assert part.duration <= PART_LIMIT, f"{part.name} took {part.duration:.0f} s"
        parts.append(part)
        part = part.browse(part.result.get("continued_in_job"))
    elapsed = (parts[-1].done_at - parts[0].started_at).total_seconds()
    return elapsed, parts[-1], parts


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
    p.add_argument("--scheduler", action="store_true", help="first sync through odoo-bin crons")
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
    odoo_env.create_storable_products(env, (f"{prefix}{i:06d}" for i in range(args.skus)))
    print(f"setup: {args.skus} products created in {time.perf_counter() - t0:.1f} s")
    account = odoo_env.zortout_account(env, f"Bench {prefix}", fake)
    location = account.stock_location_id

    if args.scheduler:
        # only this sync's parts: no scheduled sync of the account meanwhile
        env.ref("marketplace_zortout.ir_cron_sync_stock_auto").active = False
        env.cr.commit()
        servers_module = odoo_env.load("tests/servers/odoo_servers.py")
        log_dir = odoo_env.REPO / ".cache" / "logs" / "bench-zortout"
        with servers_module.OdooServers(args.odoo_src, args.db, odoo_env.REPO, log_dir) as servers:
            servers.start(1, cron_threads=2)
            first, job, parts = run_through_scheduler(env, account, servers)
        how = "through the scheduler (odoo-bin, 2 cron workers, default limits)"
    else:
        first, job, parts = run_job(env, account, profile=args.profile)
        how = "in this process"
    on_hand = dict(
        env["stock.quant"]._read_group(
            [("location_id", "=", location.id), ("product_id.default_code", "in", skus)],
            ["product_id"],
            ["quantity:sum"],
        )
    )
    exact = sum(1 for product, qty in on_hand.items() if qty == stock[product.default_code])
    print(
        f"first sync {how}: {first:.1f} s for {job.result['stocks_updated']} changed SKUs "
        f"({first / args.skus * 1000:.2f} ms/SKU) in {len(parts)} part(s) "
        f"({odoo_env.describe(parts)}); "
        f"{exact} of {args.skus} quantities exact"
    )
    assert exact == args.skus, "quantities are not exact"
    changed = skus[::100]  # 1%
    for sku in changed:
        stock[sku] += 5
    repeat, job, _parts = run_job(env, account)
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
