from . import (  # the export mixin first: other models inherit it
    ir_cron,
    marketplace_account,
    marketplace_export_mixin,
    marketplace_job,
    marketplace_job_runner,
    res_config_settings,
)
