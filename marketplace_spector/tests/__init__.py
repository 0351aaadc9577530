from . import test_spector_sync
