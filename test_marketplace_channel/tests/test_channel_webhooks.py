"""A channel's webhooks through the neutral inbox: stored, coalesced, processed, kept a week."""

import json

from odoo import fields
from odoo.addons.marketplace_base.tests.common import MarketplaceQueueCase
from odoo.tests import HttpCase, tagged

TOKEN = "channel-t0ken-" + "y" * 20


@tagged("post_install", "-at_install")
class TestChannelWebhooks(MarketplaceQueueCase, HttpCase):
    registry_test_mode = False  # MarketplaceQueueCase enters it

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account = cls.env["marketplace.account"].create(
            {"name": "Channel shop", "channel": "test_channel"}
        )
        cls.account.sudo().test_channel_webhook_token = TOKEN

    def post(self, body, token=TOKEN, event="item_changed", account=None):
        path = f"/marketplace/test_channel/{(account or self.account).id}/webhook/{event}"
        headers = {"Content-Type": "application/json", "X-Token": token or ""}
        return self.opener.post(
            self.base_url() + path, data=json.dumps(body), headers=headers, timeout=10
        )

    def events(self):
        return self.env["marketplace.webhook.event"].search([("account_id", "=", self.account.id)])

    def jobs(self):
        return self.env["marketplace.job"].search(
            [("account_id", "=", self.account.id), ("job_type", "=", "process_webhooks")]
        )

    def test_events_are_stored_coalesced_into_one_job_and_processed(self):
        for sku in ("A", "B", "A", ""):
            self.assertEqual(self.post({"sku": sku}).status_code, 200)
        self.assertEqual(len(self.events()), 4)
        self.assertEqual(self.account.webhook_pending, 4)
        self.assertTrue(self.account.webhook_last_event_at)
        job = self.jobs()
        self.assertEqual(len(job), 1, "one pending job for every event")
        self.assertEqual(job.name, "Process Test Channel Webhooks - Channel shop")

        self.run_jobs()
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual(job.result["events"], 4)
        self.assertEqual(job.result["skus"], ["A", "B"])
        self.assertEqual(job.result["events_not_understood"], 1)
        self.assertEqual(job.summary, "4 events, 2 SKUs")
        self.assertEqual(sorted(self.events().mapped("state")), ["done", "done", "done", "skipped"])
        self.assertEqual(set(self.events().job_id.ids), {job.id})
        self.account.invalidate_recordset()
        self.assertEqual(self.account.webhook_pending, 0)

        self.post({"sku": "C"})
        self.assertEqual(len(self.jobs()), 2, "a new event after the job ran gets a new job")

    def test_a_wrong_token_or_another_channels_account_is_refused(self):
        other = self.env["marketplace.account"].create({"name": "Other", "channel": "test"})
        for kwargs in ({"token": None}, {"token": TOKEN[:-1]}, {"account": other}):
            self.assertEqual(self.post({"sku": "A"}, **kwargs).status_code, 401, kwargs)
        self.assertEqual(self.post({"sku": "A"}, event="unknown").status_code, 404)
        self.assertFalse(self.events())
        self.assertFalse(self.jobs())

    def test_a_paused_account_keeps_its_events_for_the_schedule(self):
        self.account.paused = True
        self.post({"sku": "A"})
        self.assertFalse(self.jobs())
        self.account.paused = False
        self.events().received_at = "2000-01-01 00:00:00"
        self.env.ref("marketplace_base.ir_cron_queue_webhooks").method_direct_trigger()
        self.assertEqual(len(self.jobs()), 1)

    def test_ended_events_are_deleted_after_a_week_pending_ones_never(self):
        old, pending, recent = (self.account._webhook_receive("item_changed", {}) for _ in "xyz")
        (old | recent).state = "done"
        (old | pending).received_at = fields.Datetime.subtract(fields.Datetime.now(), days=8)
        self.env["marketplace.webhook.event"]._vacuum(self.account)
        self.assertEqual(self.events(), pending | recent)
