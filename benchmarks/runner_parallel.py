"""Benchmark: the job runner on one cron worker versus 2 servers x 2 cron workers.

1,000 jobs of 10 accounts, each waiting 0.2 s (as a job waits on an API),
drained by real ``odoo-bin`` servers on the benchmark database: first one
server with one cron worker, then two servers with two cron workers each.
Checks that every job ran exactly once and never two of one account at a
time, and prints the speed-up (goal: at least 3x).

First it times queuing the jobs in one transaction, commit included (a
burst of webhooks), with 1 runner slot and with 4: every slot is woken once
per transaction, so 4 slots must queue within 1.5x of the time of 1
(``--queue-only`` stops there).

    python benchmarks/runner_parallel.py --db DB [--jobs 1000] [--accounts 10] [--queue-only]
"""

import time
from pathlib import Path

import odoo_env

servers_module = odoo_env.load("tests/servers/odoo_servers.py")
SETUP = """
env["marketplace.job"]._set_runner_slots(4)
Account = env["marketplace.account"]
for index in range({accounts}):
    account = Account.create({{"name": "{tag} shop %s" % index, "channel": "test"}})
    for _n in range({per_account}):
        account._enqueue_job("test_task", params={{"sleep": {sleep}}})
"""


def queue_seconds(env, jobs, slots):
    """Seconds to queue ``jobs`` jobs in one transaction with ``slots`` slots, its
    commit included (each wake-up trigger due now notifies the cron workers then)."""
    env["marketplace.job"]._set_runner_slots(slots)
    account = env["marketplace.account"].create({"name": "Queue bench", "channel": "test"})
    env.cr.commit()
    start = time.perf_counter()
    for _n in range(jobs):
        account._enqueue_job("test_task", params={})
    env.cr.commit()
    elapsed = time.perf_counter() - start
    account.unlink()  # its jobs go with it
    env.cr.commit()
    print(f"Queue {jobs} jobs with {slots} runner slot(s): {elapsed:.2f} s")
    return elapsed


def drain(args, servers, count, threads, tag):
    servers.start(count, cron_threads=threads)
    per_account = args.jobs // args.accounts
    servers.shell(
        SETUP.format(accounts=args.accounts, per_account=per_account, sleep=args.sleep, tag=tag)
    )
    like = f"{tag} shop %%"

    def drained():
        (left,) = servers.query(
            "SELECT count(*) FROM marketplace_job j JOIN marketplace_account a "
            "ON a.id = j.account_id WHERE a.name LIKE %s AND j.state IN ('pending', 'started')",
            (like,),
        )[0]
        return left == 0

    if not servers.wait(drained, timeout=args.timeout):
        raise SystemExit(f"{tag}: the jobs were not drained within {args.timeout} s")
    servers.stop()
    rows = servers.query(
        "SELECT j.id, j.account_id, e.started, e.ended, e.pid FROM marketplace_job j "
        "JOIN marketplace_account a ON a.id = j.account_id "
        "LEFT JOIN test_marketplace_execution e ON e.job_id = j.id WHERE a.name LIKE %s",
        (like,),
    )
    jobs = {row[0] for row in rows}
    assert len(rows) == len(jobs) == per_account * args.accounts, "each job exactly once"
    by_account = {}
    for _job, account, started, ended, _pid in rows:
        by_account.setdefault(account, []).append((started, ended))
    assert all(servers_module.overlaps(v) == 1 for v in by_account.values()), "one per account"
    elapsed = max(r[3] for r in rows) - min(r[2] for r in rows)
    parallel = servers_module.overlaps([(r[2], r[3]) for r in rows])
    print(
        f"{tag}: {len(rows)} jobs in {elapsed:.1f} s ({len(rows) / elapsed:.1f} jobs/s), "
        f"at most {parallel} at once, on {len({r[4] for r in rows})} server(s); "
        "each exactly once, one per account at a time"
    )
    return elapsed


def main():
    p = odoo_env.parser(__doc__)
    p.add_argument("--jobs", type=int, default=1000)
    p.add_argument("--accounts", type=int, default=10)
    p.add_argument("--sleep", type=float, default=0.2)
    p.add_argument("--timeout", type=int, default=900)
    p.add_argument("--queue-only", action="store_true", help="time the queuing only")
    args = p.parse_args()
    with odoo_env.environment(args) as env:
        queue_seconds(env, 100, 1)  # warm-up: caches and prepared queries, not measured
        one_slot, four_slots = queue_seconds(env, args.jobs, 1), queue_seconds(env, args.jobs, 4)
    print(f"Queuing with 4 slots: {four_slots / one_slot:.2f}x the time of 1 slot (goal <= 1.5x)")
    if args.queue_only:
        return
    log_dir = odoo_env.REPO / ".cache" / "logs" / "bench-runner"
    servers = servers_module.OdooServers(args.odoo_src, args.db, odoo_env.REPO, Path(log_dir))
    stamp = int(time.time()) % 100000
    try:
        one = drain(args, servers, 1, 1, f"One-{stamp}")
        four = drain(args, servers, 2, 2, f"Four-{stamp}")
    finally:
        servers.stop()
    print(f"2 servers x 2 cron workers: {one / four:.1f}x faster than 1 cron worker (goal >= 3x)")


if __name__ == "__main__":
    main()
