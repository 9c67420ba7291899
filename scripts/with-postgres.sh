#!/usr/bin/env bash
# Runs a command beside a temporary PostgreSQL server, as the tests start theirs (Infrastructure/PostgresServer):
# this machine's binaries (pg_config --bindir, or /usr/lib/postgresql/N/bin), initdb into a temporary folder (as the
# unprivileged postgres user when run as root), a free port of 127.0.0.1 only, fsync off. The command finds the
# database's connection string in COPILOT_POSTGRES; the server is stopped and its folder removed afterwards.
# With --durable first, the server keeps its defaults (fsync and full-page writes on), as a benchmark of writes needs.
#
#   scripts/with-postgres.sh sh -c 'dotnet run -c Release --project tools/Copilot.Evaluation -- \
#       --out docs/evaluation.md --only results --postgres "$COPILOT_POSTGRES"'
set -euo pipefail

durability="-c fsync=off -c full_page_writes=off"
if [ "${1:-}" = "--durable" ]; then
  durability=""
  shift
fi
if [ $# -eq 0 ]; then
  echo "usage: $0 [--durable] command [args...]   (the command reads the connection string from COPILOT_POSTGRES)" >&2
  exit 64
fi

bin="$(pg_config --bindir 2>/dev/null || true)"
if [ ! -x "$bin/initdb" ]; then
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n | tail -n 1 || true)"
fi
if [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "No PostgreSQL server binaries (initdb, pg_ctl): install postgresql-15 (scripts/test.sh does)." >&2
  exit 69
fi

folder="$(mktemp -d "${TMPDIR:-/tmp}/copilot-pg-XXXXXX")"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$folder"
  as_owner=(runuser -u postgres --)
fi
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT

"${as_owner[@]}" "$bin/initdb" -D "$folder/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 -N >/dev/null
"${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
  -o "-p $port -k $folder -c listen_addresses=127.0.0.1 $durability" start >/dev/null

export COPILOT_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
"$@"
