#!/usr/bin/env bash
# Reliability: a PostgreSQL restart under load costs retries, never a 500, and needs no WildFly restart.
# Runs Keywarden on WildFly against a throwaway PostgreSQL, a check-in + escrow load, and in the middle of it
# `pg_ctl restart -m fast` of the database. Then:
#   - counts the answers by HTTP status over the whole load and during the outage (the load generator's
#     per-second timeline from the restart's start until 4 s after it ended), and the requests without answer;
#   - fails on any 500 (or any 5xx other than 503: 503 is the expected answer while the database is down)
#     and on requests without an answer, printing the server's 'incident' log lines and exception chains;
#   - runs a second, short load on the same WildFly (its pid unchanged) that must have 0 errors.
#
#   bench/pg-restart.sh [--work WORK_DIR] [--seconds S] [--down D]
#
#   --work     default /tmp/keywarden-pg-restart (emptied first): load.json, timeline.jsonl, after.json,
#              server.log, counts.json
#   --seconds  length of the load with the restart in its middle (default 20)
#   --down     instead of `pg_ctl restart -m fast` (well under a second here), `pg_ctl stop -m fast`, D seconds
#              down, then start: a longer outage (default 0: the restart)
# Needs what bench/run.sh needs (see there). Ports: WildFly offset 700 (HTTP 8780), PostgreSQL 55777.
# Exit 0 when it passed, 1 when not, 2 on a bad command line.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib.sh
. "$here/lib.sh"

work=/tmp/keywarden-pg-restart
seconds=20
down=0
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work=${2:?--work DIR}; shift 2 ;;
    --seconds) seconds=${2:?--seconds S}; shift 2 ;;
    --down) down=${2:?--down D}; shift 2 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "pg-restart.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ "$seconds" -ge 8 ] 2>/dev/null || { echo "pg-restart.sh: --seconds must be at least 8" >&2; exit 2; }
[ "$down" -ge 0 ] 2>/dev/null || { echo "pg-restart.sh: --down must be a whole number of seconds" >&2; exit 2; }

kw_preflight 1 || exit 1
command -v jq >/dev/null || { kw_log "jq is needed"; exit 1; }
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
load_pid=""
trap '[ -z "$load_pid" ] || kill "$load_pid" 2>/dev/null; kw_cleanup' EXIT
trap 'exit 130' INT TERM
export KEYWARDEN_ENROLLMENT_SECRET="pg-restart-enrollment-secret-$$-$RANDOM$RANDOM"
pg="$work/pg"

kw_serve postgresql "$work" || exit 1
jboss=$kw_jboss
wildfly_pid=$(kw_server_pid "$jboss")

load_args=(--server "$kw_url" --mix escrow=1,checkin=3 --concurrency 8 --warmup 0 --timeout-seconds 15)
kw_log "load: ${seconds} s of escrow=1,checkin=3, concurrency 8; PostgreSQL restart in the middle"
kw_loadgen $((seconds + 120)) "${load_args[@]}" --devices 20 --duration "$seconds" --progress 1 \
  --timeline "$work/timeline.jsonl" --out "$work/load.json" > "$work/load.out" 2> "$work/load.err" &
load_pid=$!
# the timeline starts once the devices are enrolled; restart when the load has run a third of its time
for _ in $(seq 1 240); do
  [ "$({ wc -l < "$work/timeline.jsonl"; } 2>/dev/null || echo 0)" -ge $((seconds / 3)) ] && break
  kill -0 "$load_pid" 2>/dev/null || break
  sleep 0.25
done
restart_from=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
restart_rc=0
if [ "$down" = 0 ]; then
  kw_log "pg_ctl restart -m fast"
  kw_pg_restart "$pg" || restart_rc=$?
else
  kw_log "pg_ctl stop -m fast, $down s down, start"
  kw_pg_bounce "$pg" "$down" || restart_rc=$?
fi
restart_to=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
kw_log "PostgreSQL restarted (exit $restart_rc), $restart_from .. $restart_to"
load_rc=0
wait "$load_pid" || load_rc=$?
load_pid=""
kw_log "load ended (exit $load_rc)"

# the short load after the restart, on the same WildFly
after_rc=0
kw_loadgen 150 "${load_args[@]}" --devices 10 --duration 5 --progress 0 --out "$work/after.json" \
  > "$work/after.out" 2>&1 || after_rc=$?
cp "$jboss/standalone/log/server.log" "$work/server.log" 2>/dev/null || true

# counts: whole load, outage window (timeline lines from the restart's start to 4 s after its end), after
outage=$(jq -s --arg from "$restart_from" --arg to "$restart_to" '
  def secs: sub("\\.[0-9]+Z$"; "Z") | fromdate;
  ($from | secs) as $f | (($to | secs) + 4) as $t
  | map(select((.at | secs) >= $f and (.at | secs) <= $t))
  | {seconds: length,
     answers: (map(.answers | to_entries[]) | group_by(.key) | map({key: .[0].key, value: (map(.value) | add)}) | from_entries),
     noAnswer: (map(.noAnswer | to_entries[]) | group_by(.key) | map({key: .[0].key, value: (map(.value) | add)}) | from_entries)}
' "$work/timeline.jsonl" 2>/dev/null || echo null)
jq -n --arg from "$restart_from" --arg to "$restart_to" --argjson restartExit "$restart_rc" \
  --argjson load "$(cat "$work/load.json" 2>/dev/null || echo null)" \
  --argjson after "$(cat "$work/after.json" 2>/dev/null || echo null)" --argjson outage "$outage" \
  --argjson wildflyPidBefore "${wildfly_pid:-0}" --argjson wildflyPidAfter "$(kw_server_pid "$jboss" | grep . || echo 0)" '
  def errors_only: with_entries(select(.key | startswith("HTTP ") | not));
  {restart: {from: $from, to: $to, exit: $restartExit},
   load: {count: $load.overall.count, answersByStatus: $load.overall.answersByStatus,
          noAnswer: ($load.overall.errorsByCause // {} | errors_only),
          byOperation: ($load.operations // {} | map_values({count, answersByStatus, errorsByCause}))},
   outage: $outage,
   after: {count: $after.overall.count, errors: $after.overall.errors, answersByStatus: $after.overall.answersByStatus,
           errorsByCause: $after.overall.errorsByCause},
   wildflyRestarted: ($wildflyPidBefore != $wildflyPidAfter or $wildflyPidAfter == 0)}
' > "$work/counts.json"

echo "PostgreSQL restart $restart_from .. $restart_to (pg_ctl exit $restart_rc)"
echo "Load around it:   $(jq -c '.load | {count, answersByStatus, noAnswer}' "$work/counts.json")"
echo "During the outage: $(jq -c '.outage' "$work/counts.json")"
echo "Load after:       $(jq -c '.after' "$work/counts.json")"
echo "Seconds of the load with an answer other than 200/201 (timeline; 'at' ends the second):"
jq -c 'select((.answers | keys - ["200", "201"] | length) > 0 or (.noAnswer | length) > 0)' "$work/timeline.jsonl" \
  2>/dev/null | sed 's/^/  /' || true

failed=()
[ "$restart_rc" = 0 ] || failed+=("pg_ctl restart failed (exit $restart_rc)")
[ "$load_rc" = 0 ] && [ -s "$work/load.json" ] || failed+=("the load generator failed (exit $load_rc; $work/load.err)")
bad=$(jq -r '.load.answersByStatus // {} | to_entries | map(select((.key | tonumber) >= 500 and .key != "503"))
             | map("\(.value) x HTTP \(.key)") | join(", ")' "$work/counts.json")
[ -z "$bad" ] || failed+=("server errors other than 503 during the restart: $bad")
noans=$(jq -r '.load.noAnswer // {} | to_entries | map("\(.value) x \(.key)") | join(", ")' "$work/counts.json")
[ -z "$noans" ] || failed+=("requests without an answer: $noans")
[ "$(jq '.load.answersByStatus // {} | to_entries | map(select(.key != "200" and .key != "201")) | length' "$work/counts.json")" != 0 ] \
  || echo "note: no request noticed the restart (no non-2xx answer)"
if [ "$after_rc" != 0 ] || [ "$(jq '.after.count // 0' "$work/counts.json")" = 0 ] \
   || [ "$(jq '.after.errors // 1' "$work/counts.json")" != 0 ]; then
  failed+=("requests after the restart did not all succeed: $(jq -c '.after.errorsByCause' "$work/counts.json") (exit $after_rc)")
fi
[ "$(jq .wildflyRestarted "$work/counts.json")" = false ] || failed+=("WildFly is not the same process any more")

# Each 'incident' the server logged, and for a 500 the exception chains (causes and suppressed exceptions)
# that the same request thread logged before it: what the exception mapper saw.
if grep -qi incident "$work/server.log" 2>/dev/null; then
  echo "Server 'incident' lines ($(grep -ci incident "$work/server.log")) and, for 500s, the request thread's exception chains before them:"
  awk '
    function flush() { if (thread != "" && summary != "") notes[thread] = notes[thread] summary; summary = "" }
    /^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] / {
      flush()
      thread = ""; if (match($0, /\([^)]*\)/)) thread = substr($0, RSTART, RLENGTH)
      if (tolower($0) ~ /incident/) {
        print "  " substr($0, 1, 1500)
        if ($0 ~ /SEVERE|ERROR/) { printf "%s", notes[thread] }
        notes[thread] = ""; thread = ""; next
      }
      if ($0 ~ /(WARN|ERROR|SEVERE|WARNING) / && $0 ~ /Exception/) summary = "      " substr($0, 1, 400) "\n"
      next
    }
    /^[ \t]*(Caused by|Suppressed):/ { if (summary != "") { line = $0; sub(/^[ \t]*/, "", line); summary = summary "        " substr(line, 1, 300) "\n" } }
  ' "$work/server.log" | head -n 80
fi
if [ ${#failed[@]} -gt 0 ]; then
  printf 'pg-restart: FAIL: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "pg-restart: PASS (no 500; requests succeed again after the restart, WildFly not restarted)"
