from .sync_context import SyncContext  # noqa: F401
