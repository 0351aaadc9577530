#!/usr/bin/env bash
# make screenshots: the addon manuals' screenshots, taken in Chromium from a fresh
# database with the suite (docs/screenshots/test_readme_screenshots.py).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
require_odoo
ensure_chromium || exit 1
ensure_thai_font
db=suite_screenshots_$$
fresh_suite_db "$db"
PYTHONPATH="$odoo_src" "$SUITE_VENV/bin/python" -m pytest -o addopts= -p odoo -p no:cacheprovider -q \
    --odoo-database="$db" --odoo-addons-path="$odoo_src/addons,$REPO_ROOT" --odoo-http \
    --odoo-extra "db_host=$PGHOST" --odoo-extra "db_port=$PGPORT" --odoo-extra "db_user=$PGUSER" \
    --odoo-extra max-cron-threads=0 --odoo-extra "http-port=${SUITE_HTTP_PORT:-8069}" \
    --odoo-log-level=warn docs/screenshots
say "screenshots written to docs/screenshots/"
