from . import test_channel_webhooks
