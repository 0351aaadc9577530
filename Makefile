# Marketplace suite for Odoo 18.0. See README.md; settings are environment
# variables documented in scripts/lib.sh (ODOO_SRC, PGHOST, ...).
SHELL := /bin/bash

.PHONY: help test test-unit run stop lint bench screenshots clean

help:
	@echo "make test      unit tier + Odoo tier (fresh database, install, reinstall, tests)"
	@echo "make test-unit unit tier only (no Odoo needed)"
	@echo "make run       Odoo 18 on http://localhost:8069 with the suite installed (admin / admin)"
	@echo "make stop      stop what make run / make test started (Odoo, private PostgreSQL)"
	@echo "make lint      ruff (and pylint-odoo when installed)"
	@echo "make bench     benchmarks (figures in README.md)"
	@echo "make screenshots  the README's screenshots, from Chromium on a fresh database"

test:
	@scripts/test.sh

test-unit:
	@scripts/test.sh --unit-only

run:
	@scripts/run.sh

stop:
	@scripts/stop.sh

lint:
	@. scripts/lib.sh && "$$SUITE_VENV/bin/pip" install -q ruff && "$$SUITE_VENV/bin/ruff" check . && "$$SUITE_VENV/bin/ruff" format --check .
	@if command -v pylint >/dev/null && pylint --version | grep -q odoo; then \
		pylint --rcfile=.pylintrc --disable=missing-readme $$(ls -d */__manifest__.py | xargs -n1 dirname); \
	else echo "pylint-odoo not installed: skipped (pip install pylint-odoo in a separate environment)"; fi

bench:
	@scripts/bench.sh

screenshots:
	@scripts/screenshots.sh

clean:
	rm -rf .cache .pytest_cache
