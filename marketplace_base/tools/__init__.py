"""ORM helpers shared by the suite's channels."""

from .analytic import no_distribution_values  # noqa: F401
from .batch import create_isolated  # noqa: F401
from .job_errors import Failure, classify, error_text, failure_delay, is_retryable  # noqa: F401
from .job_log import job_logger  # noqa: F401
from .notification import MANAGER_GROUP, notification  # noqa: F401
