"""Run by ``odoo-bin shell`` on the suite as it was before the neutral
framework (#23): real Zortout jobs against a fake Zortout create orders, a
pushed-stock record and webhook events, as a live database would hold them.
What was created is written to the JSON file ``$UPGRADE_FACTS``.

Names here are the old ones (``zortout_*``); they must not follow renames.
"""

import importlib.util
import json
import os
from datetime import timedelta

from odoo import fields
from odoo.modules.module import get_module_path

env = env  # noqa: F821,PLW0127 (given by odoo-bin shell)


def test_helper(addon, name):
    """A module of an addon's tests folder, loaded by path: importing the tests
    package would import Odoo's test framework, which logs an error outside tests."""
    path = f"{get_module_path(addon)}/tests/{name}.py"
    spec = importlib.util.spec_from_file_location(f"upgrade_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FixtureServer = test_helper("marketplace_base", "fixture_server").FixtureServer
zortout_server = test_helper("marketplace_zortout", "zortout_server")
ZortoutFake = zortout_server.ZortoutFake
make_order = zortout_server.make_order
server = FixtureServer().start()
fake = ZortoutFake(server, stock={"W1": {"UP-1": 10, "UP-2": 4}})
Product = env["product.product"]
storable = {"type": "consu", "is_storable": True}
up1 = Product.create({"name": "Upgrade one", "default_code": "UP-1", **storable})
up2 = Product.create({"name": "Upgrade two", "default_code": "UP-2", **storable})
credentials = {"zortout_storename": "shop", "zortout_apikey": "key", "zortout_apisecret": "secret"}
orders_account = env["marketplace.account"].create(
    {"name": "Upgrade orders", "channel": "zortout", "zortout_api_url": fake.url, **credentials}
)
push_account = env["marketplace.account"].create(
    {
        "name": "Upgrade push",
        "channel": "zortout",
        "zortout_api_url": fake.url,
        "zortout_stock_master": "odoo",
        "zortout_stock_buffer": 1,
        **credentials,
    }
)
warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
location = warehouse.lot_stock_id
env["stock.quant"]._update_available_quantity(up1, location, 7)
env["stock.quant"]._update_available_quantity(up2, location, 3)

recent = (fields.Datetime.now() + timedelta(hours=7) - timedelta(minutes=30)).strftime(
    "%Y-%m-%d %H:%M"
)
fake.orders = [
    make_order(7001, [("UP-1", 2, 100)], status="Pending", updated=recent, number="SO-UP-1"),
    make_order(7002, [("UP-2", 1, 50)], status="Success", updated=recent, number="SO-UP-2"),
    make_order(7003, [("NO-SUCH-SKU", 1, 10)], updated=recent, number="SO-UP-3"),
]
jobs = orders_account._zortout_enqueue_orders(params={})
jobs |= push_account._enqueue_job("push_stock_to_zortout")
env["marketplace.webhook.event"].create(
    {
        "account_id": orders_account.id,
        "event_type": "addorder",
        "payload": {"id": 7001},
        "state": "done",
    }
)
env.cr.commit()
env["marketplace.job"]._cron_run_jobs()
env.cr.commit()  # a fresh snapshot: the jobs ran in the runner's own cursors
env.invalidate_all()
sale_orders = env["sale.order"].search([("zortout_account_id", "!=", False)])
facts = {
    "orders_account": orders_account.id,
    "push_account": push_account.id,
    "remote_orders": fake.orders,
    "jobs": {job.job_type: job.state for job in jobs},
    "sale_orders": [
        {
            "id": so.id,
            "account": so.zortout_account_id.id,
            "ref": str(so.zortout_order_id),
            "number": so.zortout_number,
            "status": so.zortout_status,
            "attention": so.zortout_attention,
            "missing_skus": so.zortout_missing_skus or "",
            "fingerprint": so.zortout_fingerprint or "",
            "state": so.state,
        }
        for so in sale_orders
    ],
    "pushed": sorted(
        [r.sku, r.quantity, r.warehouse_code or ""]
        for r in env["marketplace.zortout.pushed.stock"].search([])
    ),
    "pushes_sent": len(fake.pushes),
    "events": env["marketplace.webhook.event"].search_count([]),
}
server.stop()
with open(os.environ["UPGRADE_FACTS"], "w") as out:
    json.dump(facts, out, indent=2, default=str)
print("before upgrade:", json.dumps({k: v for k, v in facts.items() if k != "remote_orders"}))
