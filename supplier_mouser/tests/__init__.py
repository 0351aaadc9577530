from . import test_mouser_sync
