from . import test_mouser_access, test_mouser_answers, test_mouser_refused, test_mouser_sync
