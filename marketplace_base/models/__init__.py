from . import marketplace_account
from . import marketplace_job
from . import marketplace_job_runner
from . import res_config_settings
