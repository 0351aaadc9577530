"""A channel whose job handler does what the job's ``params["action"]`` says."""

import os
import time

import psycopg2.errors

from odoo import fields, models
from odoo.addons.marketplace_base.lib.errors import MarketplaceError, RetryableJobError
from odoo.addons.marketplace_base.tools import MANAGER_GROUP
from odoo.exceptions import UserError


class MarketplaceAccount(models.Model):
    _inherit = "marketplace.account"

    channel = fields.Selection(selection_add=[("test", "Test")], ondelete={"test": "cascade"})
    test_api_key = fields.Char(groups=MANAGER_GROUP)

    def _test_connection(self):
        if self.channel != "test":
            return super()._test_connection()
        if not self.sudo().test_api_key:
            raise UserError(self.env._("No API key set."))
        return "The test service answered."

    def _run_job_test_task(self, job):
        params = job.params or {}
        action = params.get("action", "ok")
        started = time.time()
        time.sleep(params.get("sleep", 0))
        self.env["test.marketplace.execution"].create(
            {
                "job_id": job.id,
                "account_id": self.id,
                "started": started,
                "ended": time.time(),
                "pid": os.getpid(),
            }
        )
        if action == "write_then_raise":
            self.write({"name": "Written by the failing job"})
            self.env["res.partner"].create({"name": "Partner from failing job"})
            raise MarketplaceError("Boom after writing.")
        if action == "rotate_then_fail":
            # a refresh answered with a new token, then a failure: the job's
            # own writes of the account, before and after, are rolled back
            self.write({"name": f"{self.name} (rotating)"})
            self.env["marketplace.credential"]._save(self, "refresh_token", params["token"])
            self.write({"test_api_key": "written after the save"})
            raise MarketplaceError("Failed after the token was rotated.")
        if action == "retry":
            raise RetryableJobError("Remote side busy.", retry_after=params.get("retry_after"))
        if action == "fail":
            raise MarketplaceError("The remote side refused.")
        if action == "crash":
            return 1 / 0
        if action == "serialization_failure":
            raise psycopg2.errors.SerializationFailure("could not serialize access")
        return {"items_done": params.get("items", 1), "summary": params.get("summary")}
