"""The real Odoo servers of a server test, on the Odoo tier's database."""

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from odoo_servers import OdooServers  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def servers(request):
    """Starts nothing by itself: the test calls ``servers.start``; all stop at its end."""
    odoo_src, db = os.environ.get("ODOO_SRC"), os.environ.get("SUITE_DB")
    if not odoo_src or not db:
        pytest.fail("ODOO_SRC and SUITE_DB must name Odoo and a database with the suite")
    logs = Path(os.environ.get("SUITE_LOG_DIR", REPO / ".cache" / "logs"))
    with OdooServers(odoo_src, db, REPO, logs / "servers" / request.module.__name__) as running:
        yield running
