#!/usr/bin/env bash
# make lint: the checks of .pre-commit-config.yaml on every file. pre-commit
# lives in the suite's venv; each hook's tools in pre-commit's own
# environments (PyPI only), so pylint never meets Odoo's pins.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
if [ ! -x "$SUITE_VENV/bin/python" ]; then
    ensure_venv "$(find_odoo 2>/dev/null || true)" || { say "could not build the Python environment"; exit 1; }
fi
"$SUITE_VENV/bin/python" -m pre_commit --version >/dev/null 2>&1 ||
    "$SUITE_VENV/bin/pip" install -q 'pre-commit>=3.5,<5' || { say "could not install pre-commit"; exit 1; }
"$SUITE_VENV/bin/python" -m pre_commit run --all-files --show-diff-on-failure
