"""Benchmark: Mouser sync of 5,000 eligible products within the API quota.

A local server answers in Mouser's format; 1% of the parts are gone from
Mouser, 1% of the products have no part number, and one part number per
1,000 products is one Mouser refuses for its characters (``--poison``:
"non-ascii", what Mouser refuses, or "unforeseen", an ASCII number the
server refuses, found only by splitting the call). Jobs run back to back
through the runner for ``--seconds`` of real time with the account's
default limits (30 calls a minute, 1,000 a day), as the 10-minute schedule
would run them, only closer together. Printed: parts refreshed per call,
the most calls seen in any 60 seconds (from the server's own log), and the
parts a day's 1,000 calls refresh at that rate.

    python benchmarks/mouser_sync.py --db DB [--products 5000] [--seconds 130]
        [--poison non-ascii|unforeseen]
"""

import importlib
import sys
import time
import types

import odoo_env


def fixtures():
    """The fake Mouser of the addon's tests, without importing its test package
    (which would load Odoo's test framework)."""
    package = types.ModuleType("mouser_fixtures")
    package.__path__ = [str(odoo_env.REPO / "supplier_mouser" / "tests")]
    sys.modules["mouser_fixtures"] = package
    return importlib.import_module("mouser_fixtures.mouser_server")


def poisoned_number(index, prefix, kind):
    base = f"595-{prefix}-{index:05d}"
    return base + "Ä" if kind == "non-ascii" else base + "#X"


def setup(env, count, fake_catalogue, poison):
    partner = env["res.partner"].create({"name": "Mouser (bench)", "is_company": True})
    prefix = f"B{int(time.time()) % 100000:05d}"
    templates = env["product.template"].create(
        [{"name": f"Bench part {i}", "purchase_ok": True} for i in range(count)]
    )
    lines = []
    for i, template in enumerate(templates):
        if i % 100 == 99:
            continue  # no part number: skipped without a call
        pn = f"595-{prefix}-{i:05d}"
        if i % 1000 == 500:
            pn = poisoned_number(i, prefix, poison)  # refused by Mouser
        lines.append(
            {
                "partner_id": partner.id,
                "product_tmpl_id": template.id,
                "product_code": pn,
                "min_qty": 1,
                "price": 1.0,
            }
        )
        if i % 100 != 42:  # 1% gone from Mouser
            fake_catalogue[pn] = {
                "breaks": [
                    (1, "$0.51", "USD"),
                    (10, "$0.42", "USD"),
                    (100, "$0.30", "USD"),
                    (1000, "$0.018", "USD"),
                ]
            }
    env["product.supplierinfo"].create(lines)
    env.cr.commit()
    return partner


def max_in_window(stamps, window=60.0):
    stamps = sorted(stamps)
    return max((sum(1 for t in stamps if s <= t < s + window) for s in stamps), default=0)


def main():
    p = odoo_env.parser(__doc__)
    p.add_argument("--products", type=int, default=5000)
    p.add_argument("--seconds", type=float, default=130)
    p.add_argument("--poison", choices=("non-ascii", "unforeseen"), default="non-ascii")
    args = p.parse_args()
    with odoo_env.environment(args) as env, odoo_env.fixture_server() as server:
        fake = fixtures().MouserFake(server, {})
        fake.refuse = lambda number: not number.isascii() or number.endswith("#X")
        t0 = time.perf_counter()
        partner = setup(env, args.products, fake.catalogue, args.poison)
        print(f"setup: {args.products} products in {time.perf_counter() - t0:.1f} s")
        env["product.template"].search([("id", "not in", [])])  # warm
        account = env["marketplace.account"].create(
            {
                "name": f"Mouser bench {partner.id}",
                "channel": "mouser",
                "mouser_api_key": "mouser-key",
                "mouser_api_url": fake.url,
                "mouser_partner_id": partner.id,
            }
        )
        env.cr.commit()
        refreshed = not_found = jobs = 0
        refused = set()
        start = time.monotonic()
        while time.monotonic() - start < args.seconds:
            job = account._enqueue_job("mouser_sync")
            env.cr.commit()
            env["marketplace.job"]._run_next_job(job_id=job.id)
            env.invalidate_all()
            jobs += 1
            refreshed += job.result["parts_refreshed"]
            not_found += job.result["not_found"]
            refused.update(item.split(" ", 1)[0] for item in job.result["refused_list"])
            if "per-minute" in job.summary or "share of calls" in job.summary:
                time.sleep(1)
        stamps = [r.received_at for r in fake.calls]
        calls = len(stamps)
        per_call = refreshed / calls
        print(
            f"{jobs} jobs, {calls} calls in {time.monotonic() - start:.0f} s: "
            f"{refreshed} parts refreshed, {not_found} found gone from Mouser, "
            f"refused by Mouser ({args.poison}): {sorted(refused) or 'none'}"
        )
        print(
            f"parts refreshed per call: {per_call:.2f} (goal >= 9.5); "
            f"parts checked per call: {(refreshed + not_found) / calls:.2f}"
        )
        print(
            f"most calls in any 60 s: {max_in_window(stamps)} (limit {account.mouser_minute_limit})"
        )
        print(
            f"projected parts per day within {account.mouser_daily_limit} calls: "
            f"{per_call * account.mouser_daily_limit:.0f} (goal >= 9,500; one part "
            "per call, as the reference does: 1,000)"
        )


if __name__ == "__main__":
    main()
