"""Benchmark: catalogue sync of 20,000 items from a DkHome-style source.

Serves 20,000 items in the DkHome document's shape (RestJsonItem) from a
local HTTP server (prices on the ERP's list 1 and dealer list A, both EUR,
matched by GUID and by external id; names in 2 languages; one item group;
a free field; stock values in one warehouse) and runs the real job through
the runner: a first full sync (everything is
created), an incremental sync with 1% of the items modified, an
incremental sync with the stock of another 1% changed (and nothing else:
those products are not rewritten), and a full sync where nothing changed.

    python benchmarks/catalog_sync.py --db DB [--items 20000]
"""

import time
from datetime import UTC, datetime, timedelta

import odoo_env

LIST_1 = "6d1c0f5e-0000-4000-8000-000000000001"
LIST_A = "6d1c0f5e-0000-4000-8000-00000000000a"
PRICE_LISTS = [
    {"Id": LIST_1, "ExternalId": "PL1", "Code": "1", "Description": "Sales", "Currency": "EUR"},
    {"Id": LIST_A, "ExternalId": "A", "Code": "A", "Description": "Dealers", "Currency": "EUR"},
]


def raw_item(prefix, i, price_delta=0.0, modified="2026-01-01T10:00:00Z"):
    """One item in the DkHome document's shape (RestJsonItem)."""
    code = f"{prefix}{i:06d}"
    price = 10.0 + i % 50 + price_delta
    return {
        "ItemCode": code,
        "Created": "2026-01-01T10:00:00Z",
        "Modified": modified,
        "EanCode": f"2{prefix[2:7]}{i:07d}",  # unique per run and item
        "FreeSortField": f"S{i % 300:03d}",
        "LastAvailableStock": i % 97 + 1,
        "NextDelivery": None,
        "PurchasePackageSize": 1,
        "SalesPriceExcl": price,
        "Unit": "Units",
        "VatPercentage": None,
        "AcceptsDefaultDiscount": True,
        "StockIndicator": 1,
        "MatrixCode": None,
        "MatrixDescription": None,
        "MatrixId": None,
        "MatrixXValue": None,
        "MatrixXDescription": None,
        "MatrixYValue": None,
        "MatrixYDescription": None,
        "Descriptions": [
            {"Language": "en", "Description": f"Bench item {i}"},
            {"Language": "sv", "Description": f"Testartikel {i}"},
        ],
        "FreeFields": [{"Key": "Shelf", "Value": f"S{i % 300}"}],
        "SalesPrices": [
            {"ItemCode": "", "PriceExcl": round(price * 0.09, 2), "PriceList": LIST_1},
            {"ItemCode": "", "PriceExcl": round(price * 0.08, 2), "PriceListExternalId": "A"},
        ],
        "ItemGroups": [{"Name": "Category", "Value": f"Group {i % 20}"}],
        "PictureUrls": [],
        "PictureUrl": None,
        "StockValues": [
            {
                "Warehouse": "01",
                "AvailableStock": i % 97 + 1,
                "ShelfStock": i % 97 + 2,
                "ToBeReceived": 0,
                "ToBeDelivered": 0,
            }
        ],
    }


def run_sync(env, account, full):
    """Run a sync and the parts it continues in; seconds, summed counters, parts."""
    Job = env["marketplace.job"]
    job = account._enqueue_job("sync_catalog", params={"full": full})
    env.cr.commit()
    start = time.perf_counter()
    jobs = []
    while job:
        Job._run_next_job(job_id=job.id)
        env.cr.commit()  # a fresh snapshot: the job ran in the runner's own cursor
        env.invalidate_all()
        assert job.state == "done", job.error_message
        jobs.append(job)
        job = Job.search(
            [("account_id", "=", account.id), ("state", "=", "pending")], order="id", limit=1
        )
    elapsed = time.perf_counter() - start
    # counters the parts carry on (the job's Run) are whole-job totals in the
    # last part; the others (what each part read) add up
    carried = set(((jobs[-1].params or {}).get("carry_run") or {}).get("counters") or ())
    totals = {}
    for done in jobs:
        for key, value in done.result.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                totals[key] = value if key in carried else totals.get(key, 0) + value
    return elapsed, totals, len(jobs)


def main():
    p = odoo_env.parser(__doc__)
    p.add_argument("--items", type=int, default=20000)
    args = p.parse_args()
    with odoo_env.environment(args) as env, odoo_env.fixture_server() as server:
        dkhome_server = odoo_env.load("marketplace_dkhome/tests/dkhome_server.py")
        measure(env, args, server, dkhome_server.DkHomeFake)


def measure(env, args, server, DkHomeFake):
    prefix = f"CB{int(time.time()) % 100000:05d}-"
    fake = DkHomeFake(server, fixture=False)
    fake.page_size = 500
    fake.items = [raw_item(prefix, i) for i in range(args.items)]
    fake.price_lists = PRICE_LISTS
    env["res.lang"]._activate_lang("sv_SE")
    location = env["stock.warehouse"].search([], limit=1).lot_stock_id
    account = env["marketplace.account"].create(
        {
            "name": f"Bench {prefix}",
            "channel": "dkhome",
            "dkhome_url": fake.url,
            "dkhome_api_key": fake.api_key,
            "stock_location_id": location.id,
            "catalog_language_ids": [
                (0, 0, {"erp_code": "sv", "lang_id": env.ref("base.lang_sv_SE").id})
            ],
        }
    )
    env.cr.commit()

    first, result, parts = run_sync(env, account, full=True)
    lists = env["product.pricelist"].search_count([("marketplace_account_id", "=", account.id)])
    print(
        f"first full sync: {first:.1f} s in {parts} jobs for {result['created']} items created "
        f"({first / args.items * 1000:.2f} ms/item), {lists} price lists, "
        f"{result.get('price_rules_created', 0)} price rules, "
        f"{result.get('stocks_updated', 0)} stock adjustments"
    )

    modified = (datetime.now(UTC) + timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    changed = range(0, args.items, 100)  # 1%
    for i in changed:
        fake.items[i] = raw_item(prefix, i, price_delta=1.5, modified=modified)
        fake.items[i]["StockValues"][0]["AvailableStock"] += 3
    incremental, result, parts = run_sync(env, account, full=False)
    print(
        f"incremental sync, 1% modified: {incremental:.2f} s in {parts} job(s) "
        f"({result['items_fetched']} items read, {result['updated']} updated, "
        f"{result.get('price_rules_updated', 0)} price rules updated, "
        f"{result.get('stocks_updated', 0)} stock adjustments)"
    )

    modified = (datetime.now(UTC) + timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for i in range(50, args.items, 100):  # another 1%: stock only
        fake.items[i].update(LastAvailableStock=fake.items[i]["LastAvailableStock"] + 5)
        fake.items[i]["StockValues"][0]["AvailableStock"] += 5
        fake.items[i]["Modified"] = modified
    stock_only, result, parts = run_sync(env, account, full=False)
    print(
        f"incremental sync, 1% stock-only changes: {stock_only:.2f} s in {parts} job(s) "
        f"({result['items_fetched']} items read, {result['updated']} products rewritten, "
        f"{result['unchanged']} unchanged, {result.get('stocks_updated', 0)} stock adjustments)"
    )
    assert result["updated"] == 0, "a stock-only change rewrote products"

    full_again, result, parts = run_sync(env, account, full=True)
    print(
        f"full sync, nothing changed: {full_again:.1f} s in {parts} job(s) "
        f"({result['unchanged']} unchanged, {result['updated']} updated)"
    )


if __name__ == "__main__":
    main()
