from . import test_enqueue
from . import test_runner
from . import test_runner_concurrency
from . import test_security
from . import test_vacuum
