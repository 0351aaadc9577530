from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import TestChannelCase


@tagged("post_install", "-at_install")
class TestVacuum(TestChannelCase):
    def test_only_old_done_and_cancelled_jobs_are_deleted(self):
        old = fields.Datetime.now() - timedelta(days=31)
        recent = fields.Datetime.now() - timedelta(days=2)
        jobs = {}
        for state in ("done", "cancelled", "failed", "pending"):
            for age, moment in (("old", old), ("recent", recent)):
                job = self.enqueue()
                job.write({"state": state, "done_at": moment})
                jobs[state, age] = job
        self.env["ir.config_parameter"].set_param("marketplace_base.job_retention_days", "30")
        self.assertEqual(self.env["marketplace.job"]._cron_vacuum_jobs(), 2)
        gone = {key for key, job in jobs.items() if not job.exists()}
        self.assertEqual(gone, {("done", "old"), ("cancelled", "old")})
