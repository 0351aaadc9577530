from odoo.addons.marketplace_base.tests.common import MarketplaceQueueCase


class TestChannelCase(MarketplaceQueueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account = cls.env["marketplace.account"].create(
            {"name": "Test shop", "channel": "test", "test_api_key": "s3cret"}
        )

    def enqueue(self, account=None, **params):
        options = {k: params.pop(k) for k in ("priority", "identity_key", "name") if k in params}
        return (account or self.account)._enqueue_job("test_task", params=params, **options)

    def executions(self, jobs):
        return self.env["test.marketplace.execution"].search([("job_id", "in", jobs.ids)])
