#!/usr/bin/env bash
# Two builds of Keywarden measured at the same time: two throwaway WildFly servers (each its own data
# directory, and for PostgreSQL each its own throwaway PostgreSQL), each with its own load generator, the two
# loads started at the same moment. On this shared 2-core machine the speed of the machine drifts by a third
# within minutes, so runs one after the other compare the machine, not the builds; two at once share the
# same conditions, and the ratio of their rates is what one build costs against the other. (Each gets about
# half the machine, so the rates are about half of a single server's.)
#
#   bench/sidebyside.sh EAR_A EAR_B [--db h2|postgresql] [--mix checkin=1] [--seconds 30] [--work DIR]
#
# Prints one line per build (rate, p50, p99, errors) and the ratio B/A. Run it twice with the EARs swapped
# to see how much the slot itself favours one (ports, start order). Needs what bench/run.sh needs. Ports:
# WildFly offsets 700 and 760 (HTTP 8780 and 8840), PostgreSQL 55777 and 55787.
# Exit 0 when both loads ran, 1 when not, 2 on a bad command line.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 2 ] || { sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2; }
ear_a=$(readlink -f "$1"); ear_b=$(readlink -f "$2"); shift 2
db=h2; mix=checkin=1; seconds=30; work=/tmp/keywarden-sidebyside
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=${2:?}; shift 2 ;;
    --mix) mix=${2:?}; shift 2 ;;
    --seconds) seconds=${2:?}; shift 2 ;;
    --work) work=${2:?}; shift 2 ;;
    *) echo "sidebyside.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$db" in h2|postgresql) ;; *) echo "sidebyside.sh: --db h2 or postgresql" >&2; exit 2 ;; esac
for f in "$ear_a" "$ear_b"; do [ -f "$f" ] || { echo "sidebyside.sh: no EAR $f" >&2; exit 2; }; done
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)

# One side: NAME EAR OFFSET PG_PORT. Starts its server, says ready, waits for go, runs its load.
side() {
  local name=$1
  export KEYWARDEN_EAR=$2
  # shellcheck source=bench/lib.sh
  . "$here/lib.sh"
  kw_offset=$3; kw_url="http://127.0.0.1:$((8080 + kw_offset))"
  kw_pg_port=$4; kw_pg_url="jdbc:postgresql://127.0.0.1:$kw_pg_port/keywarden"
  trap kw_cleanup EXIT
  export KEYWARDEN_ENROLLMENT_SECRET="sidebyside-secret-$$-$RANDOM$RANDOM"
  kw_preflight "$([ "$db" = postgresql ] && echo 1 || echo 0)" || exit 1
  kw_serve "$db" "$work/$name" > "$work/$name.serve.log" 2>&1 || { kw_log "$name: the server did not start"; exit 1; }
  touch "$work/ready-$name"
  while [ ! -f "$work/go" ]; do sleep 0.2; done
  kw_loadgen $((seconds + 150)) --server "$kw_url" --mix "$mix" --concurrency 16 --devices 200 --duration "$seconds" \
    --warmup 5 --progress 0 --out "$work/$name.json" > "$work/$name.out" 2>&1
  [ -s "$work/$name.json" ]
}
mkdir -p "$work/A" "$work/B"
( side A "$ear_a" 700 55777 ) & a=$!
( side B "$ear_b" 760 55787 ) & b=$!
for _ in $(seq 1 600); do
  [ -f "$work/ready-A" ] && [ -f "$work/ready-B" ] && break
  kill -0 "$a" 2>/dev/null && kill -0 "$b" 2>/dev/null || break
  sleep 0.5
done
sleep 3; touch "$work/go"
rc=0; wait "$a" || rc=1; wait "$b" || rc=1
[ "$rc" = 0 ] || { echo "sidebyside.sh: a side failed (see $work)" >&2; exit 1; }
for s in A B; do
  jq -r --arg s "$s" --arg ear "$([ $s = A ] && echo "$ear_a" || echo "$ear_b")" \
    '"\($s) \($ear): \(.overall.successThroughput | round)/s, p50 \(.overall.latencyMs.p50) ms, p99 \(.overall.latencyMs.p99) ms, errors \(.overall.errors)"' \
    "$work/$s.json"
done
ra=$(jq '.overall.successThroughput' "$work/A.json"); rb=$(jq '.overall.successThroughput' "$work/B.json")
awk -v a="$ra" -v b="$rb" -v what="$db $mix" 'BEGIN { printf "B/A: %.2f (%s)\n", b / a, what }'
