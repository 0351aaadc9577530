"""A catalogue account whose source is the test itself.

The pipeline is channel-independent: ``CatalogPipelineCase`` takes any
installed channel value and replaces the account model's
``_catalog_fetch`` with one answering ``self.fetch`` (neutral items built
by the test), so the real job, runner and pipeline run without a channel's
client or mapper.
"""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from unittest.mock import patch

from odoo.addons.marketplace_base.tests.common import MarketplaceQueueCase
from odoo.addons.marketplace_base.tests.fixture_server import FixtureServer

from ..lib.item import CatalogFetch, CatalogItem


def later(minutes=1):
    """A source's ``Modified`` stamp a little after now (ISO, UTC)."""
    moment = datetime.now(UTC) + timedelta(minutes=minutes)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def item(code, **fields):
    return CatalogItem(code=code, **{"sales_price": Decimal(10), **fields})


class CatalogSyncCase(MarketplaceQueueCase):
    """A catalogue sync through the real job and runner, for ``self.account``."""

    @classmethod
    def start_source(cls):
        """A fixture server for the source (``cls.server``) and the stock location."""
        cls.server = FixtureServer().start()
        cls.addClassCleanup(cls.server.stop)
        cls.location = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )

    def map_language(self, erp_code, xmlid):
        """Map the source's ``erp_code`` to an Odoo language (activated) on the account."""
        lang = self.env.ref(xmlid)
        self.env["res.lang"]._activate_lang(lang.code)
        self.env["marketplace.catalog.language"].create(
            {"account_id": self.account.id, "erp_code": erp_code, "lang_id": lang.id}
        )

    def run_sync(self, full=False):
        job = self.account._enqueue_job("sync_catalog", params={"full": full})
        self.run_jobs()
        return job

    def sync(self, full=False):
        job = self.run_sync(full)
        self.assertEqual(job.state, "done", job.error_message)
        return job

    def product(self, code):
        return (
            self.env["product.product"]
            .with_context(active_test=False)
            .search([("default_code", "=", code)])
        )


class CatalogPipelineCase(CatalogSyncCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["marketplace.account"]
        channel = Account._fields["channel"].get_values(cls.env)[0]
        cls.calls = []

        def catalog_fetch(account, since=None):
            cls.calls.append(since)
            return cls.fetch

        for name, replacement in (
            ("_catalog_fetch", catalog_fetch),
            ("_catalog_channels", lambda self: [channel]),
        ):
            patcher = patch.object(type(Account), name, replacement)
            patcher.start()
            cls.addClassCleanup(patcher.stop)
        cls.location = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.account = Account.create(
            {"name": "Test source", "channel": channel, "stock_location_id": cls.location.id}
        )
        cls.currency = cls.env.company.currency_id.name

    def setUp(self):
        super().setUp()
        type(self).fetch = CatalogFetch()
        self.calls.clear()

    def serve(self, *items, **fetch_fields):
        type(self).fetch = CatalogFetch(items=list(items), **fetch_fields)

    def sync_jobs(self):
        return self.env["marketplace.job"].search(
            [("account_id", "=", self.account.id), ("job_type", "=", "sync_catalog")], order="id"
        )
