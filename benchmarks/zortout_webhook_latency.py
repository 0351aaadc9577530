"""Benchmark: a stock change or a new order in Zortout visible in Odoo within 60 s of its webhook.

A real ``odoo-bin`` (HTTP and one cron worker, default limits) serves the
webhook URL; a local HTTP server plays Zortout. Each trial changes one
SKU's quantity in the fake Zortout, POSTs Zortout's UPDATEPRODUCTQUANTITY
webhook to the account's URL and polls PostgreSQL until Odoo's on-hand
quantity is the new one: the webhook's own commit wakes the runner, which
runs the processing job, then the stock sync of that SKU. Nothing else
wakes the cron worker. Then new orders: each trial adds an order to the
fake Zortout, POSTs the ADDORDER webhook and polls until its sale order
exists (the processing job queues the import of that order id). Then a
burst: events for many SKUs at once, from several threads, until every
quantity is in Odoo.

    python benchmarks/zortout_webhook_latency.py --db DB [--trials 5] [--burst 200]
"""

import json
import socket
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import odoo_env
import requests

GOAL_SECONDS = 60
TOKEN = "bench-webhook-token-" + "x" * 20


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def setup(env, fake, skus):
    odoo_env.create_storable_products(env, skus, name="Hook")
    account = odoo_env.zortout_account(env, f"Bench webhook {skus[0]}", fake)
    account.sudo().zortout_webhook_token = TOKEN
    env.cr.commit()
    return account, account.stock_location_id


def on_hand(servers, sku, location_id):
    rows = servers.query(
        "SELECT coalesce(sum(q.quantity), 0) FROM stock_quant q "
        "JOIN product_product p ON p.id = q.product_id "
        "WHERE p.default_code = %s AND q.location_id = %s",
        (sku, location_id),
    )
    return rows[0][0]


def send(url, sku, quantity):
    """Zortout's webhook: the product object (its reference's example), key1 in the headers."""
    return post(
        url, {"id": 1, "sku": sku, "name": sku, "stock": f"{quantity:.2f}", "availablestock": ""}
    )


def post(url, body):
    start = time.perf_counter()
    response = requests.post(
        url,
        data=json.dumps(body),
        headers={
            "Content-Type": "application/json",
            "key1": TOKEN,
            "key2": "k2",
            "key3": "k3",
            "Authorization": f"Basic {TOKEN}",
        },
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return time.perf_counter() - start


def main():
    p = odoo_env.parser(__doc__)
    p.add_argument("--trials", type=int, default=5)
    p.add_argument("--burst", type=int, default=200)
    p.add_argument("--catalogue", type=int, default=1000)
    args = p.parse_args()
    servers_module = odoo_env.load("tests/servers/odoo_servers.py")
    with odoo_env.environment(args) as env, odoo_env.fixture_server() as server:
        fakes = odoo_env.load("marketplace_zortout/tests/zortout_server.py")
        ZortoutFake = fakes.ZortoutFake
        prefix = f"ZH{int(time.time()) % 100000:05d}-"
        skus = [f"{prefix}{i:05d}" for i in range(args.catalogue)]
        fake = ZortoutFake(server, {"MAIN": dict.fromkeys(skus, 0)})
        account, location = setup(env, fake, skus)
        # only webhooks move stock or bring orders during the benchmark
        schedules = env.ref("marketplace_zortout.ir_cron_sync_stock_auto") | env.ref(
            "marketplace_zortout.ir_cron_import_orders_auto"
        )
        schedules.active = False
        env.cr.commit()
        port = free_port()
        url = f"http://127.0.0.1:{port}/marketplace/zortout/{account.id}/webhook/updateproductquantity"
        log_dir = odoo_env.REPO / ".cache" / "logs" / "bench-webhook"
        try:
            with servers_module.OdooServers(
                args.odoo_src, args.db, odoo_env.REPO, log_dir
            ) as servers:
                servers.start(1, cron_threads=1, http_port=port)
                trials(servers, fake, url, skus, location.id, args.trials)
                order_trials(servers, fake, fakes, url, account.id, skus, args.trials)
                burst(servers, fake, url, skus, location.id, args.burst)
        finally:
            schedules.active = True
            env.cr.commit()


def wait_quietly(servers, condition, timeout):
    """Poll without waking the cron workers: only the webhook's commit may."""
    return servers.wait(condition, timeout, every=0.1, wake_every=float("inf"))


def timed_trials(servers, count, trial, what):
    """Seconds from each ``trial(n)`` (it posts a webhook and returns a check)
    until its check holds; fails past the goal."""
    latencies = []
    for n in range(count):
        start = time.perf_counter()
        arrived = trial(n)
        assert wait_quietly(servers, arrived, GOAL_SECONDS), f"{what} {n}: not in Odoo in time"
        latencies.append(time.perf_counter() - start)
    assert max(latencies) < GOAL_SECONDS
    return (
        f"{what}: median {statistics.median(latencies):.2f} s, max {max(latencies):.2f} s "
        f"over {count} trials (goal {GOAL_SECONDS} s)"
    )


def trials(servers, fake, url, skus, location_id, count):
    answers = []

    def change(n):
        sku, quantity = skus[n * 7 % len(skus)], 40 + n
        fake.stock["MAIN"][sku] = quantity
        answers.append(send(url, sku, quantity))
        return lambda: on_hand(servers, sku, location_id) == quantity

    report = timed_trials(servers, count, change, "single change, webhook to on-hand in Odoo")
    print(f"{report}; webhook answered in median {statistics.median(answers) * 1000:.0f} ms")


def order_trials(servers, fake, fakes, stock_url, account_id, skus, count):
    url = stock_url.rsplit("/", 1)[0] + "/addorder"
    first = int(time.time())

    def new_order(n):
        order_id = first + n
        order = fakes.make_order(order_id, [(skus[n], 2, "99.50")], status="Packed")
        fake.orders.append(order)
        post(url, fakes.webhook_order_body(order))  # the order object itself
        query = (
            "SELECT count(*) FROM sale_order WHERE marketplace_account_id = %s "
            "AND marketplace_order_ref = %s::text AND state = 'sale'"
        )
        return lambda: servers.query(query, (account_id, order_id))[0][0] == 1

    print(timed_trials(servers, count, new_order, "new order, webhook to confirmed sale order"))


def burst(servers, fake, url, skus, location_id, count):
    chosen = skus[-count:]
    for sku in chosen:
        fake.stock["MAIN"][sku] = 7
    last_job = servers.query("SELECT coalesce(max(id), 0) FROM marketplace_job")[0][0]
    start = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda sku: send(url, sku, 7), chosen))
    posted = time.perf_counter() - start

    def all_done():
        rows = servers.query(
            "SELECT count(*) FROM stock_quant q JOIN product_product p ON p.id = q.product_id "
            "WHERE p.default_code = ANY(%s) AND q.location_id = %s AND q.quantity = 7",
            (chosen, location_id),
        )
        return rows[0][0] == len(chosen)

    assert wait_quietly(servers, all_done, 120), "the burst was not applied within 120 s"
    elapsed = time.perf_counter() - start
    jobs = servers.query(
        "SELECT job_type, count(*) FROM marketplace_job WHERE id > %s GROUP BY job_type",
        (last_job,),
    )
    print(
        f"burst of {count} events from 8 threads: posted in {posted:.2f} s (median answer "
        f"{statistics.median(answers) * 1000:.0f} ms, max {max(answers) * 1000:.0f} ms), "
        f"all in Odoo after {elapsed:.2f} s; jobs: {dict(jobs)}"
    )


if __name__ == "__main__":
    main()
