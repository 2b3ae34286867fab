#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server of its own, for the workspace and web tests against PostgreSQL:
# initdb into a temporary folder (as the postgres user when run as root), pg_ctl start on a free loopback port with
# password authentication, SVTK_TEST_POSTGRES set to its address, then stopped and removed whatever the command did.
# Where PostgreSQL is not installed (and cannot be: scripts/setup.sh installs it), the command runs without it
# and the PostgreSQL tests say they were skipped.
set -euo pipefail
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "with-postgres: PostgreSQL is not installed; the tests against PostgreSQL will be skipped" >&2
    exec "$@"
fi
folder="$(mktemp -d /tmp/svtk-postgres.XXXXXX)"
password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$password" > "$folder/password"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -ne 0 ] || chown -R postgres "$folder"
stop() {
    as_owner "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$folder"
}
trap stop EXIT
as_owner "$bin/initdb" -D "$folder/data" -U svtk --pwfile="$folder/password" --auth=scram-sha-256 -E UTF8 \
    --no-locale >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 1; }
as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -o \
    "-p $port -k $folder -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
    || { cat "$folder/server.log" >&2; exit 1; }
export SVTK_TEST_POSTGRES="postgres://svtk:$password@127.0.0.1:$port/postgres"
"$@"
