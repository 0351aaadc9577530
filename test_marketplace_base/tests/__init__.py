from . import (
    test_enqueue,
    test_health,
    test_runner,
    test_runner_concurrency,
    test_security,
    test_vacuum,
)
