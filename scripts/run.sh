#!/usr/bin/env bash
# make run: Odoo 18 on http://localhost:8069 with every suite addon installed.
# The first run installs the suite in database $SUITE_DB (marketplace_suite);
# later runs update the addons only when their files changed since the last
# update (a checksum of the addon folders), so a start takes seconds.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
require_odoo
db=${SUITE_DB:-marketplace_suite}
addons=$(suite_addons)
odoo=("$SUITE_VENV/bin/python" "$odoo_src/odoo-bin" --addons-path="$odoo_src/addons,$REPO_ROOT"
      --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" -d "$db")
stamp="$SUITE_CACHE/run-$db.stamp"
checksum=$(cd "$REPO_ROOT" && find ${addons//,/ } -type f -not -name '*.pyc' -print0 | sort -z |
           xargs -0 sha256sum | sha256sum | cut -c1-16)
if ! psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$db" -tc "SELECT 1 FROM ir_module_module WHERE name = 'marketplace_base' AND state = 'installed'" 2>/dev/null | grep -q 1; then
    say "installing the suite in database $db (addons: $addons)"
    "${odoo[@]}" -i "$addons" --without-demo=all --stop-after-init
    echo "$checksum" > "$stamp"
elif [ "$(cat "$stamp" 2>/dev/null)" != "$checksum" ]; then
    say "the addons changed since the last start: updating them"
    "${odoo[@]}" -u "$addons" --stop-after-init
    echo "$checksum" > "$stamp"
fi
say "Odoo on http://localhost:${SUITE_HTTP_PORT:-8069} - log in as admin / admin; 'make stop' stops it"
echo $$ > "$SUITE_CACHE/run.pid"
exec "${odoo[@]}" --http-port="${SUITE_HTTP_PORT:-8069}" --db-filter="^$db\$" "$@"
