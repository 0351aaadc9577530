"""One Zortout order imported twice at the same moment, on two real Odoo servers.

A webhook queues an import of the order's id while the scheduled import
reads the same order by its update time: on two servers with two cron
workers each, both jobs are due at once. The order must become one sale
order and neither job may fail for it. The fake Zortout (the unit tier's,
in this process) answers each GetOrders page after a pause, so the two
imports would overlap if the runner let them.
"""

import time
from datetime import UTC, datetime, timedelta

import pytest

from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer
from odoo.addons.marketplace_zortout.tests.zortout_server import ZortoutFake, make_order

ORDER_ID = 7001
ACCOUNT = "Race shop"

SETUP = """
env["marketplace.job"]._set_runner_slots(4)
account = env["marketplace.account"].create({{
    "name": "{account}", "channel": "zortout", "zortout_storename": "shop",
    "zortout_apikey": "key", "zortout_apisecret": "secret", "zortout_api_url": "{url}",
    "sync_enabled": False,  # the schedules queue nothing more for it; queued jobs run
}})
env["product.product"].create({{
    "name": "Race product", "default_code": "RACE-1", "type": "consu", "is_storable": True,
}})
account._zortout_enqueue_orders(
    params={{"order_ids": [{order_id}]}}, name="Import Orders (webhook)", identity_key=None
)
account._zortout_enqueue_orders(name="Import Orders (Auto)")
"""


@pytest.fixture
def zortout():
    with FixtureServer() as server:
        fake = ZortoutFake(server, {"W1": {"RACE-1": 5}})
        bangkok_now = datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=7)
        updated = (bangkok_now - timedelta(minutes=30)).strftime("%Y-%m-%d %H:%M")
        fake.orders = [make_order(ORDER_ID, [("RACE-1", 2, 100)], status="Packed", updated=updated)]
        fake.after_order_page = lambda _page: time.sleep(1.5)
        yield fake


def test_a_webhook_import_and_the_scheduled_one_make_one_sale_order(servers, zortout):
    servers.shell(SETUP.format(account=ACCOUNT, url=zortout.url, order_id=ORDER_ID))
    servers.start(2, cron_threads=2)
    jobs_sql = """
        SELECT j.state, j.error_message FROM marketplace_job j
          JOIN marketplace_account a ON a.id = j.account_id
         WHERE a.name = %s AND j.job_type = 'import_orders_from_zortout'
    """

    def finished():
        states = [state for state, _error in servers.query(jobs_sql, (ACCOUNT,))]
        return len(states) == 2 and not {"pending", "started"} & set(states)

    assert servers.wait(finished, timeout=180), servers.query(jobs_sql, (ACCOUNT,))
    jobs = servers.query(jobs_sql, (ACCOUNT,))
    assert [state for state, _error in jobs] == ["done", "done"], jobs
    orders = servers.query(
        """
        SELECT so.id, so.state FROM sale_order so
          JOIN marketplace_account a ON a.id = so.marketplace_account_id
         WHERE a.name = %s AND so.marketplace_order_ref = %s::text
        """,
        (ACCOUNT, ORDER_ID),
    )
    assert len(orders) == 1, "one Zortout order, one sale order"
    assert orders[0][1] == "sale", "Packed: confirmed"
    gets = zortout.server.requests_to("/v4/Order/GetOrders")
    assert len(gets) >= 2, "both jobs read the order"
    assert "Traceback" not in servers.logs()
