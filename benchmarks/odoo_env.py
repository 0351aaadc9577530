"""Open an Odoo environment from a benchmark script (no HTTP server, no cron).

Usage in a benchmark: ``with odoo_env.environment(args) as env: ...``; the
arguments ``--odoo-src``, ``--db`` and the PG* variables say where.
"""

import argparse
import contextlib
import importlib.util
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def parser(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--odoo-src", default=os.environ.get("ODOO_SRC", "/opt/odoo18"))
    p.add_argument("--db", required=True, help="a database with the suite installed")
    return p


@contextlib.contextmanager
def environment(args):
    sys.path.insert(0, args.odoo_src)
    import odoo
    from odoo import SUPERUSER_ID, api

    odoo.tools.config.parse_config(
        [
            f"--addons-path={args.odoo_src}/addons,{REPO}",
            f"--db_host={os.environ.get('PGHOST', '127.0.0.1')}",
            f"--db_port={os.environ.get('PGPORT', '5432')}",
            f"--db_user={os.environ.get('PGUSER', 'odoo')}",
            "--log-level=warn",
        ]
    )
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        yield env


def load(relative_path):
    """Import a plain helper module of the repo by its path (its package is not imported)."""
    path = REPO / relative_path
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def fixture_server():
    """A started FixtureServer, the tests' fake-API server, on 127.0.0.1."""
    module = load("marketplace_base/tests/fixture_server.py")
    with module.FixtureServer() as server:
        yield server
