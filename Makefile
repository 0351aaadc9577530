# Marketplace suite for Odoo 18.0. See README.md; settings are environment
# variables documented in scripts/lib.sh (ODOO_SRC, PGHOST, ...).
SHELL := /bin/bash

.PHONY: help test test-unit run stop lint bench screenshots readme i18n clean

help:
	@echo "make test      unit tier + Odoo tier (fresh database, install, reinstall, tests)"
	@echo "make test-unit unit tier only (no Odoo needed)"
	@echo "make run       Odoo 18 on http://localhost:8069 with the suite installed (admin / admin)"
	@echo "make stop      stop what make run / make test started (Odoo, private PostgreSQL)"
	@echo "make lint      pre-commit's checks on every file (ruff, pylint-odoo)"
	@echo "make bench     benchmarks (figures in docs/benchmarks.md)"
	@echo "make screenshots  the manuals' screenshots, from Chromium on a fresh database"
	@echo "make readme    each addon's README.rst and index.html from its readme/ fragments"
	@echo "make i18n      each addon's i18n/<addon>.pot exported by Odoo (fresh database)"

test:
	@scripts/test.sh

test-unit:
	@scripts/test.sh --unit-only

run:
	@scripts/run.sh

stop:
	@scripts/stop.sh

lint:
	@scripts/lint.sh

bench:
	@scripts/bench.sh

screenshots:
	@scripts/screenshots.sh

readme:
	@scripts/readme.sh

i18n:
	@scripts/i18n.sh

clean:
	rm -rf .cache .pytest_cache
