from . import (
    test_credential,
    test_enqueue,
    test_health,
    test_runner,
    test_runner_concurrency,
    test_security,
    test_translations,
    test_vacuum,
)
