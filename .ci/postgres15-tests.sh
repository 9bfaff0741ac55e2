#!/usr/bin/env bash
# The database tests once more against the system's PostgreSQL 15, in a
# throwaway cluster (trust auth, loopback only), to prove the oldest supported version.
set -euo pipefail
PG_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "[ci] PostgreSQL 15 not found in $PG_BIN: skipping the PostgreSQL 15 run (apt-get install postgresql brings it)."
  exit 0
fi
dir=$(mktemp -d)
chown postgres "$dir"
port=$(node -e 'const s=require("node:net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_postgres() { runuser -u postgres -- "$@"; }
as_postgres "$PG_BIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
trap 'as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; rm -rf "$dir"' EXIT
echo "[ci] Database tests on PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (port $port)"
TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres" npx vitest run
