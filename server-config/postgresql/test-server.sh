#!/usr/bin/env bash
# A throwaway PostgreSQL server for the integration tests, on 127.0.0.1 only.
#   test-server.sh start DIR PORT    fresh cluster in DIR, database and user "keywarden"
#   test-server.sh stop DIR
# Needs Debian's postgresql package (apt-get install postgresql). As root it runs the server as
# the "postgres" user, since PostgreSQL refuses to run as root; when that user cannot reach DIR (a
# checkout in a private directory), the cluster lives in /tmp/keywarden-test-pg.* and DIR links to it.
set -euo pipefail
command=${1:?usage: test-server.sh start DIR PORT | stop DIR}
dir=${2:?usage: test-server.sh start DIR PORT | stop DIR}
port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "test-server.sh: PostgreSQL server binaries not found; install them: sudo apt-get install -y postgresql" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$command" in
  start)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$(readlink -f "$dir")/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    if [ -L "$dir" ]; then rm -rf "$(readlink -f "$dir")"; fi
    rm -rf "$dir"
    mkdir -p "$(dirname "$dir")"
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$(cd "$(dirname "$dir")" && pwd)"; then
      ln -s "$(mktemp -d /tmp/keywarden-test-pg.XXXXXX)" "$dir"
    else
      mkdir -p "$dir"
    fi
    [ "$(id -u)" = 0 ] && chown postgres "$(readlink -f "$dir")"
    dir=$(readlink -f "$dir")   # the server's own paths, reachable by its user
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -q -v ON_ERROR_STOP=1 \
      -c "CREATE USER keywarden PASSWORD 'keywarden-test'" \
      -c "CREATE DATABASE keywarden OWNER keywarden" >/dev/null
    echo "PostgreSQL test server on 127.0.0.1:$port (database keywarden, user keywarden) in $dir"
    ;;
  stop)
    dir=$(readlink -f "$dir")
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null && echo "PostgreSQL test server stopped"
    fi
    ;;
  *) echo "test-server.sh: unknown command $command" >&2; exit 2 ;;
esac
