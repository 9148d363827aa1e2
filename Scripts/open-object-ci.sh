# Sourced by .ci/run: starts Open Object 4.0 (../shared/vendor/open-object/run-open-object.sh)
# with the project's objecttypes for the interop suite, and stops it again.
#
#   oo_ci_start   install if needed, start on free loopback ports, export OO_BASE_URL, OO_TOKEN,
#                 OO_HOME, OO_PG_PORT, OO_REDIS_PORT, OO_SRC, OO_SCRIPT (the tests restart its
#                 workers with these)
#   oo_ci_stop    stop uWSGI, Redis and PostgreSQL and remove the temporary state
#
# The shared folder may be read-only (CI): all state goes to a fresh temporary folder, readable
# by the postgres user. Under CI=true a missing or failing Open Object is an error with the
# reason; otherwise a warning, and the interop tests print SKIPPED.

_oo_ci_free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

_oo_ci_fail() {
    if [ "${CI:-}" = "true" ]; then
        echo "ERROR: Open Object for the interop suite: $*" >&2
        exit 1
    fi
    echo "WARNING: Open Object for the interop suite: $*; its tests will print SKIPPED" >&2
    unset OO_BASE_URL OO_TOKEN
    return 0
}

oo_ci_start() {
    local root; root=$(pwd)
    OO_SRC=${OO_SRC:-$root/../shared/vendor/open-object}
    OO_SCRIPT=$OO_SRC/run-open-object.sh
    [ -x "$OO_SCRIPT" ] || [ -f "$OO_SCRIPT" ] || { _oo_ci_fail "no $OO_SCRIPT"; return 0; }
    local tmp; tmp=$(mktemp -d "${TMPDIR:-/tmp}/kompas-oo.XXXXXX")
    chmod 755 "$tmp"
    export OO_HOME=$tmp/open-object OO_SRC OO_SCRIPT
    export OO_PG_PORT=${OO_PG_PORT:-$(_oo_ci_free_port)} OO_REDIS_PORT=${OO_REDIS_PORT:-$(_oo_ci_free_port)}
    export OO_OBJECTTYPES_FILE=$root/Fixtures/open-object/objecttypes.json
    local port; port=$(_oo_ci_free_port)
    local t0; t0=$(date +%s)
    if ! bash "$OO_SCRIPT" start "$OO_SRC" "$port" >"$tmp/start.out" 2>"$tmp/start.err"; then
        tail -20 "$tmp/start.err" >&2
        _oo_ci_fail "run-open-object.sh start failed (log above; state in $OO_HOME)"
        return 0
    fi
    OO_BASE_URL=$(sed -n 's/^OO_BASE_URL=//p' "$tmp/start.out")
    OO_TOKEN=$(sed -n 's/^OO_TOKEN=//p' "$tmp/start.out")
    [ -n "$OO_BASE_URL" ] && [ -n "$OO_TOKEN" ] || { _oo_ci_fail "start printed no OO_BASE_URL/OO_TOKEN"; return 0; }
    export OO_BASE_URL OO_TOKEN
    echo "Open Object answers at $OO_BASE_URL (started in $(( $(date +%s) - t0 )) s; state in $OO_HOME)"
}

oo_ci_stop() {
    [ -n "${OO_HOME:-}" ] && [ -d "$OO_HOME" ] || return 0
    bash "$OO_SCRIPT" stop >/dev/null 2>&1 || true
    rm -rf "$(dirname "$OO_HOME")"
}
