#!/usr/bin/env bash
# Keywarden benchmark: in one run on this machine, with the same client (keywarden-loadgen) and the same
# concurrency, measures side by side, on H2 and then on PostgreSQL:
#   HTTP ceiling   loadgen --mix health=1 flat out (GET /api/v1/health: no database, no auth)
#   DB ceiling     loadgen db-ceiling: rows shaped like recovery_key through plain JDBC on the same kind of
#                  database, committed per batch and committed per row (Keywarden commits each escrow)
#   Keywarden      loadgen --mix escrow=1 and --mix checkin=1: throughput and p50/p99 latency
# and prints a markdown table to stdout with each Keywarden figure as a ratio to the HTTP ceiling and to the
# DB ceiling (per-row commits). Everything else (progress, server output) goes to stderr and WORK_DIR.
#
#   bench/run.sh [--quick] [--work WORK_DIR] [--concurrency C] [--only h2|postgresql]
#
#   --quick        CI smoke: ~3 s per measurement, small counts, well under 2 minutes in all
#                  (full run: 30 s per measurement after a 5 s warm-up, about 8 minutes)
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
measure() {
  local db=$1 name=$2 mix=$3; shift 3
  local out="$work/$db/$name.json" rc=0
  kw_log "$db: $name (--mix $mix, ${duration} s)"
  kw_loadgen "$limit" --server "$kw_url" --mix "$mix" --concurrency "$concurrency" --devices "$devices" \
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
  measure "$db" health health=1
  measure "$db" escrow escrow=1
  measure "$db" checkin checkin=1
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
      '{($db): {httpCeiling: $health, dbCeiling: $ceiling, escrow: $escrow, checkin: $checkin}}'
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
        checkinToDbCeiling: ratio($d.checkin.overall.successThroughput; $d.dbCeiling.perRowCommit.rowsPerSecond)}})))}
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
    load("Keywarden check-in"; $d.checkin; ($d.ratios.checkinToHttpCeiling | x); ($d.ratios.checkinToDbCeiling | x))
  ) | "| \($db) | " + join(" | ") + " |"),
  "",
  (if (.failures | length) > 0 then "FAILED: " + (.failures | join("; ")) else empty end)
' "$work/results.json" | tee "$work/results.md"

if [ ${#failures[@]} -gt 0 ]; then
  kw_log "bench: ${#failures[@]} step(s) failed; results in $work"
  exit 1
fi
kw_log "bench: done; results in $work/results.json and results.md"
