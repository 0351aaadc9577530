#!/usr/bin/env bash
# make screenshots: the README's screenshots, taken in Chromium from a fresh
# database with the suite (docs/screenshots/test_readme_screenshots.py).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
require_odoo
ensure_chromium || exit 1
db=suite_screenshots_$$
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
say "installing the suite in $db"
"$SUITE_VENV/bin/python" "$odoo_src/odoo-bin" --addons-path="$odoo_src/addons,$REPO_ROOT" \
    --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" -d "$db" \
    -i "$(suite_addons)" --without-demo=all --stop-after-init --log-level=warn
PYTHONPATH="$odoo_src" "$SUITE_VENV/bin/python" -m pytest -o addopts= -p odoo -p no:cacheprovider -q \
    --odoo-database="$db" --odoo-addons-path="$odoo_src/addons,$REPO_ROOT" --odoo-http \
    --odoo-extra "db_host=$PGHOST" --odoo-extra "db_port=$PGPORT" --odoo-extra "db_user=$PGUSER" \
    --odoo-extra max-cron-threads=0 --odoo-log-level=warn docs/screenshots
say "screenshots written to docs/screenshots/"
