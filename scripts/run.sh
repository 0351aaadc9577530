#!/usr/bin/env bash
# make run: Odoo 18 on http://localhost:8069 with every suite addon installed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
odoo_src=$(find_odoo) || { say "Odoo 18.0 not found: set ODOO_SRC"; exit 1; }
ensure_venv "$odoo_src"
ensure_postgres
db=${SUITE_DB:-marketplace_suite}
addons=$(suite_addons)
say "database $db, addons $addons"
if ! psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$db" -tc "SELECT 1 FROM ir_module_module WHERE name = 'marketplace_base' AND state = 'installed'" 2>/dev/null | grep -q 1; then
    "$SUITE_VENV/bin/python" "$odoo_src/odoo-bin" --addons-path="$odoo_src/addons,$REPO_ROOT" \
        --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" -d "$db" \
        -i "$addons" --without-demo=all --stop-after-init
fi
exec "$SUITE_VENV/bin/python" "$odoo_src/odoo-bin" --addons-path="$odoo_src/addons,$REPO_ROOT" \
    --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" -d "$db" \
    -u "$addons" --http-port="${SUITE_HTTP_PORT:-8069}" --db-filter="^$db\$" "$@"
