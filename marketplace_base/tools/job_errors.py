"""What a job's failure means: the text a user reads, and whether to retry.

Network trouble (``RetryableJobError``, timeouts, refused connections)
waits longer each time; a database conflict with another worker (a
serialization failure, a deadlock, a lock timeout) passes in seconds, so it
is retried sooner. Anything else fails the job at once. ``classify`` says
all three at once; the other functions are its parts.
"""

from dataclasses import dataclass

import requests
from psycopg2 import errors as pg_errors

from odoo.exceptions import UserError, ValidationError

from ..lib.backoff import retry_delay
from ..lib.errors import MarketplaceError, RetryableJobError

NETWORK_ERRORS = (RetryableJobError, requests.Timeout, requests.ConnectionError)
CONCURRENCY_ERRORS = (
    pg_errors.SerializationFailure,
    pg_errors.DeadlockDetected,
    pg_errors.LockNotAvailable,
)
CONCURRENCY_BASE_DELAY = 5
CONCURRENCY_MAX_DELAY = 60


def is_retryable(exc):
    return isinstance(exc, NETWORK_ERRORS + CONCURRENCY_ERRORS)


def failure_delay(exc, attempts):
    """Seconds before the next try of a job that failed with ``exc``."""
    if isinstance(exc, CONCURRENCY_ERRORS):
        return retry_delay(attempts, base=CONCURRENCY_BASE_DELAY, cap=CONCURRENCY_MAX_DELAY)
    return retry_delay(attempts, getattr(exc, "retry_after", None))


def error_text(exc):
    """What the user reads for an exception: our own messages as they are."""
    if isinstance(exc, (MarketplaceError, UserError, ValidationError)):
        return str(exc.args[0]) if exc.args else str(exc)
    if isinstance(exc, requests.Timeout):
        return "The remote service did not answer in time."
    if isinstance(exc, requests.ConnectionError):
        return "Could not connect to the remote service."
    if isinstance(exc, CONCURRENCY_ERRORS):
        return f"Another worker was changing the same records ({type(exc).__name__})."
    return f"Unexpected error ({type(exc).__name__}): {exc}"


@dataclass(frozen=True)
class Failure:
    """One exception, classified: what the user reads, whether a later try
    may succeed, and after how many seconds."""

    text: str
    retryable: bool
    delay: float


def classify(exc, attempts):
    """The ``Failure`` of ``exc`` on a job's ``attempts``-th attempt."""
    return Failure(error_text(exc), is_retryable(exc), failure_delay(exc, attempts))
