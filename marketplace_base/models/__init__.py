from . import (
    ir_cron,
    marketplace_account,
    marketplace_job,
    marketplace_job_runner,
    res_config_settings,
)
