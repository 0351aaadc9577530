"""Errors raised by channel clients and job handlers.

The job runner decides from the class what happens to a job:
``RetryableJobError`` puts it back in the queue with a delay, any other
``MarketplaceError`` fails it at once with its message shown as is.
"""


class MarketplaceError(Exception):
    """A failure whose message a user can act on; the job fails at once."""


class RetryableJobError(MarketplaceError):
    """A failure that may pass by itself (network, rate limit, server error).

    ``retry_after`` is the delay in seconds the remote side asked for, if any.
    """

    def __init__(self, message, retry_after=None):
        super().__init__(message)
        self.retry_after = retry_after
