#!/usr/bin/env bash
# make bench: every benchmark under benchmarks/, on a fresh database with the suite
# (its test addon too: the runner benchmark uses its test channel).
# BENCH=zortout_stock_sync make bench runs one; extra arguments via BENCH_ARGS.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
require_odoo
db=suite_bench_$$
fresh_suite_db "$db" all
for bench in benchmarks/${BENCH:-*}.py; do
    [ "$(basename "$bench")" = odoo_env.py ] && continue
    say "benchmark $bench"
    "$SUITE_VENV/bin/python" "$bench" --odoo-src "$odoo_src" --db "$db" ${BENCH_ARGS:-}
done
