#!/usr/bin/env bash
# Run a command with LOCALOFFER_TEST_POSTGRES_URL pointing at a real PostgreSQL server.
#
#   scripts/with-test-postgres.sh .venv/bin/pytest
#
# If LOCALOFFER_TEST_POSTGRES_URL is already set, that server is used as it is. Otherwise a
# throwaway server is started on loopback in a temporary folder (installing PostgreSQL from
# the distribution's packages first if it is missing and we are root), and stopped and
# deleted afterwards. If no server can be had, this fails: the PostgreSQL tests are never
# skipped quietly.
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 command [args...]" >&2
    exit 2
fi

if [[ -n "${LOCALOFFER_TEST_POSTGRES_URL:-}" ]]; then
    export LOCALOFFER_TEST_POSTGRES_REQUIRED=1
    exec "$@"
fi

find_bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1; then
        dir="$(pg_config --bindir 2>/dev/null || true)"
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return 0
    fi
    return 1
}

if ! bindir="$(find_bindir)"; then
    if [[ "$(id -u)" -ne 0 ]]; then
        echo "PostgreSQL is not installed and only root can install it." >&2
        echo "Install it (e.g. apt-get install postgresql) or set LOCALOFFER_TEST_POSTGRES_URL." >&2
        exit 1
    fi
    echo "Installing PostgreSQL for the tests..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    bindir="$(find_bindir)" || { echo "PostgreSQL installed but initdb not found" >&2; exit 1; }
fi

# PostgreSQL refuses to run as root: run the server as an unprivileged user.
run_as=()
owner="$(id -un)"
if [[ "$(id -u)" -eq 0 ]]; then
    owner=postgres
    if ! id "$owner" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
    fi
    run_as=(runuser -u "$owner" --)
fi

workdir="$(mktemp -d "${TMPDIR:-/tmp}/localoffer-test-postgres.XXXXXX")"
chown "$owner" "$workdir"
chmod 700 "$workdir"

stop_server() {
    "${run_as[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$workdir"
}
trap stop_server EXIT

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

"${run_as[@]}" "$bindir/initdb" -D "$workdir/data" -U localoffer -A trust -E UTF8 \
    --no-sync >"$workdir/initdb.log" 2>&1 || { cat "$workdir/initdb.log" >&2; exit 1; }
# fsync off: a throwaway server for tests, not the durability the portal needs in production.
"${run_as[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c fsync=off" start >/dev/null \
    || { cat "$workdir/server.log" >&2; exit 1; }

export LOCALOFFER_TEST_POSTGRES_URL="postgresql+psycopg://localoffer@127.0.0.1:$port/postgres"
export LOCALOFFER_TEST_POSTGRES_REQUIRED=1
echo "Test PostgreSQL server: $LOCALOFFER_TEST_POSTGRES_URL" >&2
# Run the command in the background and wait, so that an interrupt or a CI time-out
# reaches it and the EXIT trap above still stops the server.
"$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 143' TERM
trap 'kill -INT "$child" 2>/dev/null; wait "$child"; exit 130' INT
wait "$child"
