#!/usr/bin/env bash
# make readme: every addon's README.rst, static/description/index.html (and a
# plain icon.png where one is missing) from its readme/*.md fragments.
# Extra arguments go to scripts/gen_addon_readme.py (--check, addon names).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
if [ ! -x "$SUITE_VENV/bin/python" ]; then
    ensure_venv "$(find_odoo 2>/dev/null || true)" || { say "could not build the Python environment"; exit 1; }
fi
exec "$SUITE_VENV/bin/python" scripts/gen_addon_readme.py --icons "$@"
