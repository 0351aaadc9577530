#!/usr/bin/env bash
# make stop: stop what 'make run' and 'make test' started: the Odoo server of
# 'make run' and the private PostgreSQL cluster (never a PostgreSQL given
# through PGHOST).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
pid_file="$SUITE_CACHE/run.pid"
if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    say "stopping Odoo (pid $(cat "$pid_file"))"
    kill "$(cat "$pid_file")"
fi
rm -f "$pid_file"
stop_private_postgres
