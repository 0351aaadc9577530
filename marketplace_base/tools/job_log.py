"""Log lines that name the account and the job, for grepping server logs."""

import logging


class _JobLogAdapter(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return f"[{self.extra['account']} | job {self.extra['job']}] {msg}", kwargs


def job_logger(logger, account, job=None):
    """``job_logger(_logger, account, job).info("...")`` -> ``[Main store | job 42] ...``."""
    return _JobLogAdapter(logger, {"account": account.name, "job": job.id if job else "-"})
