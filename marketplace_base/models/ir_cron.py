"""Mark when a cron worker's pass over the ready crons began.

Odoo stops a cron worker whose whole pass (every ready cron, one after the
other) outlasts its time limit. Threaded servers stamp the pass on the
thread; prefork workers do not, so the first cron of each pass (a pass has
one cron cursor) stamps it here for the job runner's time budget.
"""

import threading
import time

from odoo import models


class IrCron(models.Model):
    _inherit = "ir.cron"

    @classmethod
    def _process_job(cls, db, cron_cr, job):
        thread = threading.current_thread()
        if getattr(thread, "marketplace_pass_cursor", None) is not cron_cr:
            thread.marketplace_pass_cursor = cron_cr
            thread.marketplace_pass_start = time.time()
        return super()._process_job(db, cron_cr, job)
