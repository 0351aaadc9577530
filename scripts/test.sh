#!/usr/bin/env bash
# make test: the unit tier, then the Odoo tier when Odoo 18.0 can be found.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

odoo_src="" skip_reason=""
if [ "${1:-}" = "--unit-only" ]; then
    skip_reason="'make test-unit' runs the unit tier only"
    odoo_src=$(ODOO_GIT_URL="" find_odoo 2>/dev/null) || odoo_src=""
else
    odoo_src=$(find_odoo) || skip_reason="no Odoo 18.0 source tree could be found or fetched"
fi

if ! ensure_venv "$odoo_src"; then
    say "could not build the Python environment"
    exit 1
fi
PY="$SUITE_VENV/bin/python"

say "lint: pre-commit's checks on every file (make lint)"
lint_failed=0
scripts/lint.sh || lint_failed=1

say "unit tier: pytest tests/unit"
unit_out=$(mktemp)
"$PY" -m pytest -q -p no:cacheprovider tests/unit 2>&1 | tee "$unit_out"
unit_rc=${PIPESTATUS[0]}
unit_passed=$(grep -Eo '[0-9]+ passed' "$unit_out" | tail -1 | grep -Eo '[0-9]+' || echo 0)
unit_failed=$(grep -Eo '[0-9]+ (failed|errors?)' "$unit_out" | awk '{n += $1} END {print n + 0}')
[ "$unit_rc" = 0 ] || [ "${unit_failed:-0}" -gt 0 ] || unit_failed=1

odoo_passed=0 odoo_failed=0 odoo_rc=0
if [ -z "$skip_reason" ] && ! ensure_postgres; then
    skip_reason="no PostgreSQL server could be started"
    odoo_failed=1
fi
tours_note=""
if [ -z "$skip_reason" ] && ! ensure_chromium; then
    tours_note="BROWSER TOURS SKIPPED: no Chromium could be found or installed."
fi
if [ -z "$skip_reason" ]; then
    say "odoo tier: Odoo from $odoo_src, PostgreSQL at $PGHOST:$PGPORT"
    odoo_out=$(mktemp)
    "$PY" scripts/odoo_tier.py "$odoo_src" "$(suite_addons all)" ${SUITE_TEST_ARGS:-} | tee "$odoo_out"
    odoo_rc=${PIPESTATUS[0]}
    line=$(grep -E '^odoo tier: [0-9]+ passed, [0-9]+ failed' "$odoo_out" | tail -1)
    odoo_passed=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
    odoo_failed=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
    [ -n "$line" ] || { odoo_passed=0; odoo_failed=1; }
else
    echo
    echo "ODOO TIER SKIPPED: $skip_reason. Only the unit tier ran."
    echo
fi

[ -n "$tours_note" ] && { echo; echo "$tours_note"; echo; }
total_passed=$((unit_passed + odoo_passed))
total_failed=$((unit_failed + odoo_failed + lint_failed))
echo "lint: $([ "$lint_failed" = 0 ] && echo passed || echo FAILED)"
echo "unit tier: ${unit_passed} passed, ${unit_failed} failed"
[ -z "$skip_reason" ] && echo "odoo tier: ${odoo_passed} passed, ${odoo_failed} failed"
echo "suite: ${total_passed} passed, ${total_failed} failed"
[ "$total_failed" = 0 ] && [ "$unit_rc" = 0 ] && [ "$odoo_rc" = 0 ]
