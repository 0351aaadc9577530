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


def create_storable_products(env, codes, name="Bench"):
    """Storable products with these internal references, 2,000 per create, committed."""
    Product = env["product.product"].with_context(tracking_disable=True)
    codes = list(codes)
    products = Product.browse()
    for start in range(0, len(codes), 2000):
        products |= Product.create(
            [
                {
                    "name": f"{name} {code}",
                    "default_code": code,
                    "type": "consu",
                    "is_storable": True,
                }
                for code in codes[start : start + 2000]
            ]
        )
    env.cr.commit()
    return products


def run_parts(env, job, profile=None):
    """Run a queued job and the parts it continues in, here, as the runner would.

    ``(seconds, parts)``; with ``profile`` (a path) the run is profiled there.
    """
    import cProfile
    import time

    env.cr.commit()
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    parts, next_id = [], job.id
    while next_id:
        env["marketplace.job"]._run_next_job(job_id=next_id)
        env.cr.commit()  # a fresh snapshot: the part ran in the runner's own cursor
        env.invalidate_all()
        part = env["marketplace.job"].browse(next_id)
        assert part.state == "done", part.error_message
        parts.append(part)
        next_id = part.result.get("continued_in_job")
    elapsed = time.perf_counter() - start
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    return elapsed, parts


def describe(parts):
    """The parts' durations, e.g. "50 s, 38 s"."""
    return ", ".join(f"{p.duration:.0f} s" for p in parts)


def zortout_account(env, name, fake, **values):
    """A Zortout account on the fake Zortout (its default credentials), committed.

    Its location is the first warehouse's stock unless ``values`` say otherwise.
    """
    account = env["marketplace.account"].create(
        {
            "name": name,
            "channel": "zortout",
            **{f"zortout_{key}": value for key, value in fake.credentials.items()},
            "zortout_api_url": fake.url,
            "stock_location_id": env["stock.warehouse"].search([], limit=1).lot_stock_id.id,
            **values,
        }
    )
    env.cr.commit()
    return account


def accounting(env):
    """The company's chart of accounts (the generic one when it has none) and
    its first bank and cash journals (the bank twice when it has no cash one)."""
    company = env.company
    if not company.chart_template:
        env["account.chart.template"].try_loading("generic_coa", company=company)
    Journal = env["account.journal"]
    domain = [("company_id", "=", company.id)]
    bank = Journal.search([*domain, ("type", "=", "bank")], limit=1)
    cash = Journal.search([*domain, ("type", "=", "cash")], limit=1)
    return bank, cash or bank
