# Shared by the Makefile's scripts: where Odoo, the Python environment and
# PostgreSQL are, and how to get them. Source it; it defines functions only.
#
# Settings (environment variables), all optional:
#   ODOO_SRC        an Odoo 18.0 source tree (else /opt/odoo18, else a shallow
#                   clone of the official 18.0 branch in the cache folder)
#   SUITE_CACHE     cache folder (default ~/.cache/odoo-suite)
#   SUITE_VENV      Python environment (default $SUITE_CACHE/venv)
#   PGHOST, PGPORT, PGUSER, PGPASSWORD
#                   an existing PostgreSQL; without PGHOST a private cluster
#                   is started on 127.0.0.1:$SUITE_PGPORT (default 54329)
#   SUITE_ALLOW_APT set to 0 to never install the PostgreSQL server package

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SUITE_CACHE=${SUITE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/odoo-suite}
SUITE_VENV=${SUITE_VENV:-$SUITE_CACHE/venv}
SUITE_PGPORT=${SUITE_PGPORT:-54329}
ODOO_GIT_URL=${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}

say() { printf '[suite] %s\n' "$*" >&2; }

# Print the Odoo 18.0 tree to use, or nothing (and the reason on stderr).
find_odoo() {
    local candidate
    for candidate in "${ODOO_SRC:-}" /opt/odoo18 "$SUITE_CACHE/odoo-18.0"; do
        [ -n "$candidate" ] || continue
        if [ -f "$candidate/odoo/release.py" ] && grep -q "version_info = (18, 0" "$candidate/odoo/release.py"; then
            echo "$candidate"
            return 0
        fi
    done
    [ -n "$ODOO_GIT_URL" ] || return 1
    say "no Odoo 18.0 tree in \$ODOO_SRC or /opt/odoo18; trying a shallow clone of $ODOO_GIT_URL (18.0)"
    mkdir -p "$SUITE_CACHE"
    if timeout 600 git clone --quiet --depth 1 --branch 18.0 "$ODOO_GIT_URL" "$SUITE_CACHE/odoo-18.0.tmp" 2>/dev/null; then
        mv "$SUITE_CACHE/odoo-18.0.tmp" "$SUITE_CACHE/odoo-18.0"
        echo "$SUITE_CACHE/odoo-18.0"
        return 0
    fi
    rm -rf "$SUITE_CACHE/odoo-18.0.tmp"
    say "could not clone Odoo 18.0 (no network access to $ODOO_GIT_URL?)"
    return 1
}

# The Python environment: Odoo's pinned requirements plus the suite's.
# Rebuilt when either requirements file changes.
ensure_venv() {
    local odoo_src=$1 stamp want
    want=$( (cat "$REPO_ROOT/requirements.txt"; [ -n "$odoo_src" ] && cat "$odoo_src/requirements.txt") | sha256sum | cut -c1-16)
    stamp="$SUITE_VENV/.suite-stamp"
    if [ -x "$SUITE_VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    say "building the Python environment in $SUITE_VENV"
    python3 -m venv "$SUITE_VENV" || return 1
    local constraints="$SUITE_CACHE/build-constraints.txt"
    mkdir -p "$SUITE_CACHE"
    # Odoo 18's old pins build with setuptools < 70 (pkg_resources).
    echo 'setuptools<70' > "$constraints"
    local pip_constraint="$constraints"
    [ -f /etc/xdg/pip/constraints.txt ] && pip_constraint="/etc/xdg/pip/constraints.txt $constraints"
    PIP_CONSTRAINT="$pip_constraint" "$SUITE_VENV/bin/pip" install -q --upgrade 'setuptools<70' wheel || return 1
    if [ -n "$odoo_src" ]; then
        # psycopg2 and python-ldap need system headers: use the binary wheel,
        # and leave LDAP out (no suite addon uses it).
        sed -E -e 's/^psycopg2==/psycopg2-binary==/' -e '/^python-ldap/d' \
            "$odoo_src/requirements.txt" > "$SUITE_CACHE/odoo-requirements.txt"
        PIP_CONSTRAINT="$pip_constraint" "$SUITE_VENV/bin/pip" install -q \
            -r "$SUITE_CACHE/odoo-requirements.txt" || return 1
    fi
    PIP_CONSTRAINT="$pip_constraint" "$SUITE_VENV/bin/pip" install -q -r "$REPO_ROOT/requirements.txt" || return 1
    echo "$want" > "$stamp"
}

# What a script that runs Odoo needs: the tree in $odoo_src, the Python
# environment and PostgreSQL; stops the script with a message otherwise.
require_odoo() {
    odoo_src=$(find_odoo) || { say "Odoo 18.0 not found: set ODOO_SRC"; exit 1; }
    ensure_venv "$odoo_src" || { say "could not build the Python environment"; exit 1; }
    ensure_postgres || { say "no PostgreSQL could be started"; exit 1; }
}

# Install the suite (addons of suite_addons "$2") in a fresh database "$1",
# dropped again when the calling script exits. Call after require_odoo.
fresh_suite_db() {
    local db=$1
    dropdb --if-exists "$db" >/dev/null 2>&1 || true
    trap "dropdb --if-exists '$db' >/dev/null 2>&1 || true" EXIT
    say "installing the suite in $db"
    "$SUITE_VENV/bin/python" "$odoo_src/odoo-bin" --addons-path="$odoo_src/addons,$REPO_ROOT" \
        --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" -d "$db" \
        -i "$(suite_addons "${2:-product}")" --without-demo=all --stop-after-init --log-level=warn
}

pg_bindir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

# Export PGHOST/PGPORT/PGUSER for a usable PostgreSQL, starting a private
# cluster on 127.0.0.1 when none is configured.
ensure_postgres() {
    if [ -n "${PGHOST:-}" ]; then
        export PGHOST PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-odoo}
        return 0
    fi
    local bindir
    if ! bindir=$(pg_bindir); then
        if [ "$(id -u)" = 0 ] && [ "${SUITE_ALLOW_APT:-1}" != 0 ]; then
            say "installing the PostgreSQL server package"
            (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || return 1
            bindir=$(pg_bindir) || return 1
        else
            say "no PostgreSQL server binaries (initdb) found"
            return 1
        fi
    fi
    local data="/var/tmp/odoo-suite-pg-$(id -u)" run_as=()
    if [ "$(id -u)" = 0 ]; then
        # PostgreSQL refuses to run as root.
        run_as=(runuser -u postgres --)
        mkdir -p "$data" && chown postgres "$data"
    else
        mkdir -p "$data"
    fi
    if [ ! -f "$data/main/PG_VERSION" ]; then
        say "creating a private PostgreSQL cluster in $data"
        "${run_as[@]}" "$bindir/initdb" -D "$data/main" -A trust -U postgres >/dev/null || return 1
    fi
    export PGHOST=127.0.0.1 PGPORT=$SUITE_PGPORT PGUSER=odoo
    if ! "$bindir/pg_isready" -q -h "$PGHOST" -p "$PGPORT"; then
        "${run_as[@]}" "$bindir/pg_ctl" -D "$data/main" -w -l "$data/server.log" \
            -o "-h 127.0.0.1 -p $PGPORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null || return 1
    fi
    psql -q -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -tc \
        "SELECT 1 FROM pg_roles WHERE rolname = 'odoo'" | grep -q 1 ||
        psql -q -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -c "CREATE ROLE odoo LOGIN CREATEDB" || return 1
}

# Chromium for Odoo's browser tours (Debian's package); say so when it is missing.
ensure_chromium() {
    local bin
    for bin in chromium chromium-browser google-chrome google-chrome-stable; do
        command -v "$bin" >/dev/null && return 0
    done
    if [ "$(id -u)" = 0 ] && [ "${SUITE_ALLOW_APT:-1}" != 0 ]; then
        say "installing Chromium for the browser tours"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) &&
            command -v chromium >/dev/null && return 0
    fi
    say "no Chromium: the browser tours will be skipped"
    return 1
}

# A font with Thai glyphs, so that Thai screenshots show text, not boxes.
ensure_thai_font() {
    command -v fc-list >/dev/null && [ -n "$(fc-list :lang=th 2>/dev/null)" ] && return 0
    if [ "$(id -u)" = 0 ] && [ "${SUITE_ALLOW_APT:-1}" != 0 ]; then
        say "installing a Thai font for the screenshots"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-thai-tlwg >/dev/null) &&
            return 0
    fi
    say "no Thai font: the Thai screenshot will show boxes"
}

# Stop the private cluster that ensure_postgres started, if it runs.
stop_private_postgres() {
    local bindir data="/var/tmp/odoo-suite-pg-$(id -u)" run_as=()
    [ -f "$data/main/postmaster.pid" ] || return 0
    bindir=$(pg_bindir) || return 0
    [ "$(id -u)" = 0 ] && run_as=(runuser -u postgres --)
    say "stopping the private PostgreSQL cluster in $data"
    "${run_as[@]}" "$bindir/pg_ctl" -D "$data/main" -w stop -m fast >/dev/null
}

# The suite's addons (folders with an installable manifest), comma-separated.
# With "all", test-only addons (test_*) are included.
suite_addons() {
    local which=${1:-product} dir names=()
    for dir in "$REPO_ROOT"/*/__manifest__.py; do
        dir=$(basename "$(dirname "$dir")")
        [ "$which" != all ] && [[ $dir == test_* ]] && continue
        grep -Eq "[\"']installable[\"']: *False" "$REPO_ROOT/$dir/__manifest__.py" && continue
        names+=("$dir")
    done
    (IFS=,; echo "${names[*]}")
}
