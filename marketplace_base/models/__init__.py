from . import (  # the export mixin first: other models inherit it
    ir_cron,
    marketplace_account,
    marketplace_account_webhook,
    marketplace_credential,
    marketplace_export_mixin,
    marketplace_job,
    marketplace_job_runner,
    marketplace_webhook_event,
    res_config_settings,
)
