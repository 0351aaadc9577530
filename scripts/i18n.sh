#!/usr/bin/env bash
# make i18n: every addon's i18n/<addon>.pot exported by Odoo from a fresh
# database with the suite installed (dropped again at the end). Arguments go
# to scripts/i18n_export.py: addon names to export only those, --check to
# compare with the committed templates without writing.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
require_odoo
db="suite_i18n_$$"
fresh_suite_db "$db"
say "exporting the translation templates with Odoo"
"$SUITE_VENV/bin/python" scripts/i18n_export.py "$odoo_src" "$db" "$@"
