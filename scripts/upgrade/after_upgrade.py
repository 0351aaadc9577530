"""Run by ``odoo-bin shell`` after the upgrade to the current code: what
``before_upgrade.py`` created must be there under the neutral names, and the
same Zortout orders imported again must create nothing. Prints
``upgrade check: OK`` or raises with what differs.
"""

import importlib.util
import json
import os

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
ZortoutFake = test_helper("marketplace_zortout", "zortout_server").ZortoutFake
with open(os.environ["UPGRADE_FACTS"]) as facts_file:
    facts = json.load(facts_file)
problems = []


def expect(what, seen, wanted):
    if seen != wanted:
        problems.append(f"{what}: {seen!r}, expected {wanted!r}")


expect("jobs before the upgrade", facts["jobs"], dict.fromkeys(facts["jobs"], "done"))
expect("sale orders before the upgrade", len(facts["sale_orders"]), len(facts["remote_orders"]))
orders_account = env["marketplace.account"].browse(facts["orders_account"])
push_account = env["marketplace.account"].browse(facts["push_account"])
SaleOrder = env["sale.order"]
for old in facts["sale_orders"]:
    so = SaleOrder.browse(old["id"])
    name = f"sale order {old['number']}"
    expect(f"{name} account", so.marketplace_account_id.id, old["account"])
    expect(f"{name} order ref", so.marketplace_order_ref, old["ref"])
    expect(f"{name} number", so.marketplace_order_number, old["number"])
    expect(f"{name} remote status", so.marketplace_remote_status, old["status"])
    expect(f"{name} needs attention", so.marketplace_attention, old["attention"])
    expect(f"{name} missing SKUs", so.marketplace_missing_skus or "", old["missing_skus"])
    expect(f"{name} fingerprint", so.marketplace_fingerprint or "", old["fingerprint"])
    expect(f"{name} state", so.state, old["state"])
expect("stock master of the push account", push_account.stock_master, "odoo")
expect("stock master of the orders account", orders_account.stock_master, "remote")
expect("push buffer", push_account.stock_push_buffer, 1)
pushed = sorted(
    [r.sku, r.quantity, r.warehouse_code or ""]
    for r in env["marketplace.pushed.stock"].search([("account_id", "=", push_account.id)])
)
expect("pushed-stock record", pushed, facts["pushed"])
expect("webhook events", env["marketplace.webhook.event"].search_count([]), facts["events"])

# The same orders, imported again on the upgraded code: nothing new.
server = FixtureServer().start()
fake = ZortoutFake(server, stock={"W1": {"UP-1": 10, "UP-2": 4}})
fake.orders = facts["remote_orders"]
(orders_account | push_account).write({"zortout_api_url": fake.url})
# read the whole last day again, as a first import does, not only the minutes
# since the last run: every order of before the upgrade is read once more
orders_account.order_window_start = False
count = SaleOrder.search_count([])
jobs = orders_account._zortout_enqueue_orders(params={})
jobs |= push_account._enqueue_job("push_stock_to_zortout")
env.cr.commit()
env["marketplace.job"]._cron_run_jobs()
env.cr.commit()  # a fresh snapshot: the jobs ran in the runner's own cursors
env.invalidate_all()
server.stop()
expect("jobs after the upgrade", {j.job_type: j.state for j in jobs}, facts["jobs"])
expect("sale orders after importing the same orders again", SaleOrder.search_count([]), count)
imported = jobs.filtered(lambda job: job.job_type == "import_orders_from_zortout").result or {}
wanted = {"orders_created": 0, "orders_updated": 0, "orders_unchanged": len(facts["remote_orders"])}
counted = {key: imported.get(key) for key in wanted}
expect("the same orders imported again (read, found, unchanged)", counted, wanted)
expect("stock pushes sent after the upgrade (nothing changed)", len(fake.pushes), 0)
if problems:
    raise SystemExit("upgrade check FAILED:\n  " + "\n  ".join(problems))
print("upgrade check: OK")
