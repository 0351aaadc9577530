"""The job runner on two real Odoo servers with two cron workers each, one database.

Run by ``make test`` after the Odoo tier's tests, on its database (SUITE_DB),
with Odoo from ODOO_SRC. Checks what an operator with several servers relies
on: every job runs exactly once, never two jobs of one account at a time,
and jobs of different accounts really run at the same time, on both servers.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from odoo_servers import overlaps  # noqa: E402

ACCOUNTS, JOBS_PER_ACCOUNT, SLEEP = 6, 8, 0.3

SETUP = f"""
env["marketplace.job"]._set_runner_slots(4)
Account = env["marketplace.account"]
for index in range({ACCOUNTS}):
    account = Account.create({{"name": f"Server shop {{index}}", "channel": "test"}})
    for _n in range({JOBS_PER_ACCOUNT}):
        account._enqueue_job("test_task", params={{"sleep": {SLEEP}}})
"""


def test_two_servers_run_every_job_once_one_per_account_in_parallel(servers):
    servers.start(2, cron_threads=2)
    servers.shell(SETUP)
    total = ACCOUNTS * JOBS_PER_ACCOUNT

    def drained():
        (left,) = servers.query(
            "SELECT count(*) FROM marketplace_job j JOIN marketplace_account a "
            "ON a.id = j.account_id WHERE a.name LIKE 'Server shop %%' "
            "AND j.state IN ('pending', 'started')"
        )[0]
        return left == 0

    assert servers.wait(drained, timeout=240), "the jobs were not drained in time"
    rows = servers.query(
        """
        SELECT j.id, j.state, j.account_id, e.started, e.ended, e.pid
          FROM marketplace_job j
          JOIN marketplace_account a ON a.id = j.account_id
          LEFT JOIN test_marketplace_execution e ON e.job_id = j.id
         WHERE a.name LIKE 'Server shop %%'
        """
    )
    assert len(rows) == total, "each job ran exactly once (one execution row per job)"
    assert {state for _id, state, *_rest in rows} == {"done"}
    by_account = {}
    for _id, _state, account_id, started, ended, _pid in rows:
        by_account.setdefault(account_id, []).append((started, ended))
    for intervals in by_account.values():
        assert overlaps(intervals) == 1, "two jobs of one account ran at the same time"
    everything = [(started, ended) for _i, _s, _a, started, ended, _p in rows]
    assert overlaps(everything) >= 3, "jobs of different accounts did not run in parallel"
    assert len({pid for *_rest, pid in rows}) == 2, "both servers ran jobs"
    assert "Traceback" not in servers.logs()
