#!/usr/bin/env bash
# Keywarden benchmark: in one run on this machine, with the same client (keywarden-loadgen) and the same
# concurrency, measures side by side, on H2 and then on PostgreSQL:
#   HTTP ceiling   loadgen --mix health=1 flat out (GET /api/v1/health: no database, no auth), after an unreported
#                  warm-up of the server (a mixed load as long as one measurement), so the JIT is not measured
#   DB ceiling     loadgen db-ceiling: rows shaped like recovery_key through plain JDBC on the same kind of
#                  database, committed per batch and committed per row (Keywarden commits each escrow)
#   Keywarden      loadgen --mix escrow=1 and --mix checkin=1: throughput and p50/p99 latency
#   HTTPS          the HTTP ceiling and the check-in again over HTTPS (the server's own TLS, ECDSA P-256), with
#                  keep-alive and with a new TLS connection per request (--new-connection-per-request: each
#                  request opens a connection, resumed by the client's session cache where the server allows)
# and prints a markdown table to stdout with each Keywarden figure as a ratio to the HTTP ceiling and to the
# DB ceiling (per-row commits). Everything else (progress, server output) goes to stderr and WORK_DIR.
#
#   bench/run.sh [--quick] [--work WORK_DIR] [--concurrency C] [--only h2|postgresql]
#
#   --quick        CI smoke: ~3 s per measurement, small counts, well under 2 minutes in all
#                  (full run: 30 s per measurement after a 5 s warm-up, about 14 minutes)
#   --work         default /tmp/keywarden-bench (emptied first): results.json (everything), results.md
#                  (the table), one JSON per measurement under h2/ and postgresql/, server logs
#   --concurrency  requests in flight for every measurement, and db-ceiling's connections (default 16)
#   --only         one database kind only
#
# Needs: the EAR and the load generator built (mvn -q install -DskipTests -pl persistence,ejb,web,ear;
# cd loadgen && mvn -q install), the WildFly 39 distribution and the PostgreSQL driver in ~/.m2 (see
# bench/lib.sh for the variables that override them), PostgreSQL server binaries (apt-get install
# postgresql), jq, curl, unzip. Ports: WildFly offset 700 (HTTP 8780, management 10690), PostgreSQL 55777.
# Every server it starts is stopped on exit, bounded in time.
# Exit 0 when every step succeeded; 1 when a step failed (a server did not start, a measurement had no
# successful request, ...); 2 on a bad command line.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib.sh
. "$here/lib.sh"

quick=0
work=/tmp/keywarden-bench
concurrency=16
dbs=(h2 postgresql)
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; shift ;;
    --work) work=${2:?--work DIR}; shift 2 ;;
    --concurrency) concurrency=${2:?--concurrency C}; shift 2 ;;
    --only) dbs=("${2:?--only h2|postgresql}"); shift 2 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for db in "${dbs[@]}"; do
  case "$db" in h2|postgresql) ;; *) echo "run.sh: --only h2 or postgresql" >&2; exit 2 ;; esac
done
if [ "$quick" = 1 ]; then
  warmup=1; duration=3; devices=20; db_seconds=1.5; db_rows=50000; db_batch=100
else
  warmup=5; duration=30; devices=200; db_seconds=30; db_rows=10000000; db_batch=100
fi
limit=$((warmup + duration + 120))   # per load generator run, enrollment included

needs_pg=0; [[ " ${dbs[*]} " == *" postgresql "* ]] && needs_pg=1
kw_preflight "$needs_pg" || exit 1
command -v jq >/dev/null || { kw_log "jq is needed"; exit 1; }
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
trap kw_cleanup EXIT
trap 'exit 130' INT TERM
export KEYWARDEN_ENROLLMENT_SECRET="bench-enrollment-secret-$$-$RANDOM$RANDOM"
failures=()
fail() { failures+=("$1"); kw_log "FAILED: $1"; }
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
kw_log "bench: $([ "$quick" = 1 ] && echo quick || echo full) run, concurrency $concurrency, work $work"

# One load generator measurement: NAME MIX [extra args]; fails when it has no successful request.
# The server is $measure_url (default: plain HTTP).
measure() {
  local db=$1 name=$2 mix=$3; shift 3
  local out="$work/$db/$name.json" rc=0
  kw_log "$db: $name (--mix $mix, ${duration} s)"
  kw_loadgen "$limit" --server "${measure_url:-$kw_url}" --mix "$mix" --concurrency "$concurrency" --devices "$devices" \
    --duration "$duration" --warmup "$warmup" --progress 0 --out "$out" "$@" > "$work/$db/$name.out" 2>&1 || rc=$?
  if [ "$rc" != 0 ] || [ ! -s "$out" ]; then
    fail "$db $name: loadgen exit $rc ($(tail -n 3 "$work/$db/$name.out" | tr '\n' ' '))"
    return
  fi
  local ok; ok=$(jq '.overall.count - .overall.errors' "$out")
  [ "$ok" -gt 0 ] || fail "$db $name: no successful request ($(jq -c .overall.errorsByCause "$out"))"
  local errs; errs=$(jq '.overall.errors' "$out")
  [ "$errs" = 0 ] || kw_log "$db $name: $errs error(s): $(jq -c .overall.errorsByCause "$out")"
}

# What one measurement cost (the capacity model of docs/performance.md): CPU of WildFly and of the PostgreSQL
# server (postmaster, backends and reaped children) and the write-ahead log written, sampled every second
# during the command and taken over the load generator's measured window (measuredFrom to endedAt); into
# WORK_DIR/DB/NAME.cost.json as per-request figures.
clock_ticks() { # PID...: utime + stime (+ reaped children) in clock ticks
  local total=0 pid fields
  for pid in "$@"; do
    fields=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    total=$((total + $(echo "$fields" | awk '{print $12 + $13 + $14 + $15}')))
  done
  echo "$total"
}
pg_pids() { local main; main=$(head -n 1 "$work/postgresql/pg/data/postmaster.pid" 2>/dev/null) || return 0; echo "$main $(pgrep -P "$main" | tr '\n' ' ')"; }
pg_wal() { PGPASSWORD=$kw_pg_password "$(kw_pg_bin)/psql" -h 127.0.0.1 -p "$kw_pg_port" -U "$kw_pg_user" -d keywarden -At \
  -c "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')" 2>/dev/null || echo 0; }
cost_sample() { # DB SERVER_PID: "epoch-seconds wildfly-ticks postgres-ticks wal-bytes"
  if [ "$1" = postgresql ]; then
    echo "$(date +%s.%N) $(clock_ticks "$2") $(clock_ticks $(pg_pids)) $(pg_wal)"
  else
    echo "$(date +%s.%N) $(clock_ticks "$2") 0 0"
  fi
}
sample_costs() { # DB SERVER_PID FILE: one line a second
  while :; do cost_sample "$1" "$2"; sleep 1; done > "$3"
}
costed() { # DB NAME JBOSS_HOME COMMAND...
  local db=$1 name=$2 server sampler; server=$(kw_server_pid "$3"); shift 3
  sample_costs "$db" "$server" "$work/$db/$name.samples" & sampler=$!
  "$@"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
  cost_sample "$db" "$server" >> "$work/$db/$name.samples"   # the load has ended: a sample after its window
  local out="$work/$db/$name.json"
  [ -s "$out" ] || return 0
  local from to requests
  from=$(date -d "$(jq -r .measuredFrom "$out")" +%s.%N) && to=$(date -d "$(jq -r .endedAt "$out")" +%s.%N) || return 0
  requests=$(jq '.overall.count' "$out")
  # the last sample at or before the window's start and the first at or after its end
  awk -v from="$from" -v to="$to" -v n="$requests" -v hz="$(getconf CLK_TCK)" '
    $1 <= from { a = $0 } $1 >= to && b == "" { b = $0 }
    END {
      if (a == "" || b == "" || n == 0) { print "null"; exit }
      split(a, s); split(b, e); t = e[1] - s[1]
      # the warm-up ran at the measured rate before the window; after it the load had stopped
      r = n + n / (to - from) * (from - s[1])
      printf "{\"requestsInSampledSpan\": %d, \"sampledSeconds\": %.2f, \"wildflyCpuMsPerRequest\": %.3f, ", r, t, (e[2] - s[2]) * 1000 / hz / r
      printf "\"postgresCpuMsPerRequest\": %.3f, \"walBytesPerRequest\": %.0f, \"wildflyCpuCores\": %.2f, \"postgresCpuCores\": %.2f}\n", (e[3] - s[3]) * 1000 / hz / r, (e[4] - s[4]) / r, (e[2] - s[2]) / hz / (to - s[1]), (e[3] - s[3]) / hz / (to - s[1])
    }' "$work/$db/$name.samples" > "$work/$db/$name.cost.json"
}

# Prepares a database kind before any measurement (the preparations run in parallel): WildFly unpacked
# and configured, and for PostgreSQL the throwaway server started (it idles until its turn).
prepare_db() { # h2|postgresql
  local db=$1 jboss
  jboss=$(kw_unpack "$work/$db/wildfly") && kw_configure "$jboss" "$db" > "$work/$db/configure.out" 2>&1 \
    || { echo "WildFly could not be unpacked or configured ($work/$db/configure.out)" > "$work/$db/prepare.failed"; return; }
  echo "$jboss" > "$work/$db/jboss_home"
}

run_db() { # h2|postgresql
  local db=$1 jdbc user password jboss
  export KEYWARDEN_DATA_DIR="$work/$db/data"
  if [ -f "$work/$db/prepare.failed" ]; then fail "$db: $(cat "$work/$db/prepare.failed")"; return; fi
  jboss=$(cat "$work/$db/jboss_home")
  if [ "$db" = postgresql ]; then
    jdbc=$kw_pg_url; user=$kw_pg_user; password=$kw_pg_password
    export KEYWARDEN_DB_URL=$jdbc KEYWARDEN_DB_USER=$user KEYWARDEN_DB_PASSWORD=$password
  else
    mkdir -p "$work/$db/ceiling"
    jdbc="jdbc:h2:file:$work/$db/ceiling/bench;WRITE_DELAY=0"; user=sa; password=sa   # the server's settings
    unset KEYWARDEN_DB_URL KEYWARDEN_DB_USER KEYWARDEN_DB_PASSWORD
  fi

  # DB ceiling first, while no application server competes for the machine
  kw_log "$db: db-ceiling (batch $db_batch and per-row commits, ${db_seconds} s each)"
  local rc=0
  kw_loadgen "$(awk -v s="$db_seconds" 'BEGIN { printf "%d", s * 2 + 120 }')" db-ceiling --jdbc-url "$jdbc" \
    --user "$user" --password "$password" --rows "$db_rows" --batch "$db_batch" --concurrency "$concurrency" \
    --max-seconds "$db_seconds" --out "$work/$db/db-ceiling.json" > "$work/$db/db-ceiling.out" 2>&1 || rc=$?
  if [ "$rc" != 0 ] || [ ! -s "$work/$db/db-ceiling.json" ]; then
    fail "$db db-ceiling: exit $rc ($(tail -n 2 "$work/$db/db-ceiling.out" | tr '\n' ' '))"
  elif [ "$(jq '.perRowCommit.rows' "$work/$db/db-ceiling.json")" = 0 ]; then
    fail "$db db-ceiling: no row committed"
  fi

  kw_start "$jboss" "$work/$db/server.out" || { fail "$db: WildFly did not start"; kw_stop "$jboss"; return; }
  # The JIT warm first (not reported): a cold server's ceiling is low, and every ratio to it would flatter
  measure "$db" warmup health=1,checkin=1,escrow=1
  measure "$db" health health=1
  costed "$db" escrow "$jboss" measure "$db" escrow escrow=1
  costed "$db" checkin "$jboss" measure "$db" checkin checkin=1
  local https="https://127.0.0.1:$((8443 + kw_offset))"
  if [ "$quick" = 0 ] || [ "$db" = "${dbs[0]}" ]; then   # the smoke checks them once
    measure_url=$https measure "$db" health-https health=1 --insecure
    measure_url=$https measure "$db" health-https-new-connection health=1 --insecure --new-connection-per-request
    measure_url=$https measure "$db" checkin-https checkin=1 --insecure
    measure_url=$https measure "$db" checkin-https-new-connection checkin=1 --insecure --new-connection-per-request
  fi
  local incidents
  incidents=$(grep -c -i 'incident' "$jboss/standalone/log/server.log" 2>/dev/null || true)
  [ "${incidents:-0}" = 0 ] || kw_log "$db: $incidents 'incident' line(s) in $jboss/standalone/log/server.log"
  kw_stop "$jboss"
  cp "$jboss/standalone/log/server.log" "$work/$db/server.log" 2>/dev/null || true
}

kw_log "preparing: WildFly for ${dbs[*]}$([ "$needs_pg" = 1 ] && echo ", PostgreSQL on $kw_pg_port")"
for db in "${dbs[@]}"; do mkdir -p "$work/$db"; done
for db in "${dbs[@]}"; do prepare_db "$db" & done
if [ "$needs_pg" = 1 ]; then
  kw_pg_start "$work/postgresql/pg" || echo "PostgreSQL did not start" > "$work/postgresql/prepare.failed.pg"
fi
wait
[ ! -f "$work/postgresql/prepare.failed.pg" ] || mv "$work/postgresql/prepare.failed.pg" "$work/postgresql/prepare.failed"
for db in "${dbs[@]}"; do run_db "$db"; done
[ "$needs_pg" = 0 ] || kw_pg_stop "$work/postgresql/pg"

# results.json: everything measured, plus the ratios
json_or_null() { if [ -s "$1" ]; then cat "$1"; else echo null; fi; }
{
  for db in "${dbs[@]}"; do
    jq -n --arg db "$db" \
      --argjson health "$(json_or_null "$work/$db/health.json")" \
      --argjson ceiling "$(json_or_null "$work/$db/db-ceiling.json")" \
      --argjson escrow "$(json_or_null "$work/$db/escrow.json")" \
      --argjson checkin "$(json_or_null "$work/$db/checkin.json")" \
      --argjson httpsCeiling "$(json_or_null "$work/$db/health-https.json")" \
      --argjson httpsNewCeiling "$(json_or_null "$work/$db/health-https-new-connection.json")" \
      --argjson checkinHttps "$(json_or_null "$work/$db/checkin-https.json")" \
      --argjson checkinHttpsNew "$(json_or_null "$work/$db/checkin-https-new-connection.json")" \
      --argjson escrowCost "$(json_or_null "$work/$db/escrow.cost.json")" \
      --argjson checkinCost "$(json_or_null "$work/$db/checkin.cost.json")" \
      '{($db): {httpCeiling: $health, dbCeiling: $ceiling, escrow: $escrow, checkin: $checkin,
        escrowCost: $escrowCost, checkinCost: $checkinCost,
        httpsCeiling: $httpsCeiling, httpsNewConnectionCeiling: $httpsNewCeiling, checkinHttps: $checkinHttps,
        checkinHttpsNewConnection: $checkinHttpsNew}}'
  done
} | jq -s --arg started "$started" --argjson quick "$quick" --argjson c "$concurrency" \
      --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" --argjson nproc "$(nproc)" \
      --argjson failures "$(printf '%s\n' "${failures[@]+"${failures[@]}"}" | jq -R . | jq -s 'map(select(length > 0))')" '
  def ratio(a; b): if (a // null) == null or (b // 0) == 0 then null else (a / b * 1000 | round) / 1000 end;
  (add // {}) as $m
  | {startedAt: $started, quick: ($quick == 1), concurrency: $c, availableProcessors: $nproc,
     loadAverageAtEnd: $load, failures: $failures,
     databases: ($m | with_entries(.value |= (. as $d | . + {ratios: {
        escrowToHttpCeiling: ratio($d.escrow.overall.successThroughput; $d.httpCeiling.overall.successThroughput),
        escrowToDbCeiling: ratio($d.escrow.overall.successThroughput; $d.dbCeiling.perRowCommit.rowsPerSecond),
        checkinToHttpCeiling: ratio($d.checkin.overall.successThroughput; $d.httpCeiling.overall.successThroughput),
        checkinToDbCeiling: ratio($d.checkin.overall.successThroughput; $d.dbCeiling.perRowCommit.rowsPerSecond),
        httpsCeilingToHttpCeiling: ratio($d.httpsCeiling.overall.successThroughput; $d.httpCeiling.overall.successThroughput),
        httpsNewConnectionCeilingToHttpCeiling: ratio($d.httpsNewConnectionCeiling.overall.successThroughput;
          $d.httpCeiling.overall.successThroughput),
        checkinHttpsToHttpCeiling: ratio($d.checkinHttps.overall.successThroughput; $d.httpCeiling.overall.successThroughput),
        checkinHttpsToDbCeiling: ratio($d.checkinHttps.overall.successThroughput; $d.dbCeiling.perRowCommit.rowsPerSecond),
        checkinHttpsNewConnectionToHttpCeiling: ratio($d.checkinHttpsNewConnection.overall.successThroughput;
          $d.httpCeiling.overall.successThroughput),
        checkinHttpsNewConnectionToDbCeiling: ratio($d.checkinHttpsNewConnection.overall.successThroughput;
          $d.dbCeiling.perRowCommit.rowsPerSecond)}})))}
' > "$work/results.json"

# The markdown table
jq -r '
  def n: if . == null then "–" elif . >= 100 then (round | tostring) else ((. * 10 | round) / 10 | tostring) end;
  def ms: if . == null then "–" else ((. * 100 | round) / 100 | tostring) end;
  def x: if . == null then "–" else ((. * 1000 | round) / 1000 | tostring) end;
  def load(name; r; a; b): [name, (r.overall.successThroughput | n), (r.overall.latencyMs.p50 | ms),
      (r.overall.latencyMs.p99 | ms), (r.overall.errors // null | if . == null then "–" else tostring end), a, b];
  "Keywarden benchmark (\(if .quick then "quick" else "full" end) run, concurrency \(.concurrency), \(.availableProcessors) CPUs, load average at the end \(.loadAverageAtEnd))",
  "",
  "| database | measurement | per second | p50 ms | p99 ms | errors | ÷ HTTP ceiling | ÷ DB ceiling (per-row) |",
  "|---|---|---:|---:|---:|---:|---:|---:|",
  (.databases | to_entries[] | .key as $db | .value as $d | (
    load("HTTP ceiling: GET /health"; $d.httpCeiling; (if $d.httpCeiling == null then "–" else "1" end); "–"),
    [ "DB ceiling: batch of \($d.dbCeiling.parameters.batch // "?") (rows)", ($d.dbCeiling.batched.rowsPerSecond | n), "–", "–", "–", "–", "–"],
    [ "DB ceiling: per-row commit (rows)", ($d.dbCeiling.perRowCommit.rowsPerSecond | n), "–", "–", "–", "–",
      (if $d.dbCeiling == null then "–" else "1" end)],
    load("Keywarden escrow"; $d.escrow; ($d.ratios.escrowToHttpCeiling | x); ($d.ratios.escrowToDbCeiling | x)),
    load("Keywarden check-in"; $d.checkin; ($d.ratios.checkinToHttpCeiling | x); ($d.ratios.checkinToDbCeiling | x)),
    load("HTTPS ceiling: GET /health, keep-alive"; $d.httpsCeiling; ($d.ratios.httpsCeilingToHttpCeiling | x); "–"),
    load("HTTPS ceiling: GET /health, new TLS connection each"; $d.httpsNewConnectionCeiling;
      ($d.ratios.httpsNewConnectionCeilingToHttpCeiling | x); "–"),
    load("Keywarden check-in, HTTPS keep-alive"; $d.checkinHttps; ($d.ratios.checkinHttpsToHttpCeiling | x);
      ($d.ratios.checkinHttpsToDbCeiling | x)),
    load("Keywarden check-in, HTTPS new TLS connection each"; $d.checkinHttpsNewConnection;
      ($d.ratios.checkinHttpsNewConnectionToHttpCeiling | x); ($d.ratios.checkinHttpsNewConnectionToDbCeiling | x))
  ) | "| \($db) | " + join(" | ") + " |"),
  "",
  "| database | measurement | WildFly CPU ms per request | PostgreSQL CPU ms per request | WAL bytes per request | WildFly cores busy | PostgreSQL cores busy |",
  "|---|---|---:|---:|---:|---:|---:|",
  (.databases | to_entries[] | .key as $db | .value as $d | (
    ["escrow", $d.escrowCost], ["check-in", $d.checkinCost]) | select(.[1] != null) | . as [$what, $c]
    | "| \($db) | \($what) | \($c.wildflyCpuMsPerRequest | ms) | \(if $db == "postgresql" then ($c.postgresCpuMsPerRequest | ms) else "(in WildFly)" end) | \(if $db == "postgresql" then ($c.walBytesPerRequest | n) else "–" end) | \($c.wildflyCpuCores | ms) | \(if $db == "postgresql" then ($c.postgresCpuCores | ms) else "–" end) |"),
  "",
  (if (.failures | length) > 0 then "FAILED: " + (.failures | join("; ")) else empty end)
' "$work/results.json" | tee "$work/results.md"

if [ ${#failures[@]} -gt 0 ]; then
  kw_log "bench: ${#failures[@]} step(s) failed; results in $work"
  exit 1
fi
kw_log "bench: done; results in $work/results.json and results.md"
