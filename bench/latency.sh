#!/usr/bin/env bash
# Latency at fixed rates: the target is phrased as a rate with a latency bound (check-ins per second with
# p99 under 50 ms), so this offers check-ins at each given rate (open loop: keywarden-loadgen --rate, whose
# latencies count from the intended send time, so a stalled server cannot hide queueing) and prints p50,
# p99 and the achieved rate for each, on one WildFly with one database. Flat-out throughput (bench/run.sh)
# says how much the server can do at all; this says how fast it answers below that.
#
#   bench/latency.sh [--db h2|postgresql] [--mix checkin=1] [--rates "100 200 400"] [--seconds 20]
#                    [--concurrency 64] [--warm-up 60] [--work DIR]
#
# Before the first rate, the server is warmed up flat out for --warm-up seconds (the JIT: a cold server
# offered a fixed rate builds a queue that takes a whole measurement to drain).
#
# Needs what bench/run.sh needs. Prints a markdown table on stdout; WORK_DIR (default
# /tmp/keywarden-latency) keeps one loadgen JSON per rate and the server log.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib.sh
. "$here/lib.sh"

db=postgresql; mix=checkin=1; rates="100 200 300 400"; seconds=20; concurrency=64; work=/tmp/keywarden-latency
warmup_seconds=60
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=${2:?}; shift 2 ;;
    --mix) mix=${2:?}; shift 2 ;;
    --rates) rates=${2:?}; shift 2 ;;
    --seconds) seconds=${2:?}; shift 2 ;;
    --concurrency) concurrency=${2:?}; shift 2 ;;
    --work) work=${2:?}; shift 2 ;;
    --warm-up) warmup_seconds=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "latency.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$db" in h2|postgresql) ;; *) echo "latency.sh: --db h2 or postgresql" >&2; exit 2 ;; esac
needs_pg=0; [ "$db" = postgresql ] && needs_pg=1
kw_preflight "$needs_pg" || exit 1
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
trap kw_cleanup EXIT
trap 'exit 130' INT TERM
export KEYWARDEN_ENROLLMENT_SECRET="latency-enrollment-secret-$$-$RANDOM$RANDOM"
kw_serve "$db" "$work" || exit 1
jboss=$kw_jboss
# A fresh JVM is several times slower than a warm one: offered a fixed rate cold, the queue it builds in the
# first seconds takes the whole measurement to drain. So first a flat-out load until the JIT has settled.
kw_log "warm-up: ${warmup_seconds} s flat out"
kw_loadgen $((warmup_seconds + 150)) --server "$kw_url" --mix "$mix" --concurrency 16 --devices 500 \
  --duration "$warmup_seconds" --warmup 0 --progress 0 --out "$work/warm-up.json" > "$work/warm-up.out" 2>&1 \
  || { kw_log "warm-up failed ($(tail -n 2 "$work/warm-up.out" | tr '\n' ' '))"; exit 1; }
echo "Keywarden latency at fixed rates: $db, --mix $mix, ${warmup_seconds} s flat-out warm-up, then ${seconds} s per rate after 5 s at the rate, up to $concurrency in flight, $(nproc) CPUs"
echo
echo "| offered per second | achieved per second | p50 ms | p90 ms | p99 ms | p99.9 ms | errors |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
failed=0
for rate in $rates; do
  out="$work/rate-$rate.json"
  kw_loadgen $((seconds + 150)) --server "$kw_url" --mix "$mix" --rate "$rate" --concurrency "$concurrency" \
    --devices 500 --duration "$seconds" --warmup 5 --progress 0 --out "$out" > "$work/rate-$rate.out" 2>&1 \
    || { kw_log "rate $rate: loadgen failed ($(tail -n 2 "$work/rate-$rate.out" | tr '\n' ' '))"; failed=1; continue; }
  jq -r --arg r "$rate" '.overall | "| \($r) | \(.successThroughput | round) | \(.latencyMs.p50) | \(.latencyMs.p90) | \(.latencyMs.p99) | \(.latencyMs.p99_9) | \(.errors) |"' "$out"
done
cp "$jboss/standalone/log/server.log" "$work/server.log" 2>/dev/null || true
exit $failed
