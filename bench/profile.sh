#!/usr/bin/env bash
# Where a Keywarden request spends its CPU: one load (keywarden-loadgen, flat out) against a throwaway
# WildFly with the EAR while Java Flight Recorder samples the server; prints the methods most often on the
# server's request threads' stacks (bench/JfrTop.java), self and total. A tool for finding what to improve,
# not a measurement of throughput (the recording itself costs a few per cent).
#
#   bench/profile.sh [--db h2|postgresql] [--mix checkin=1] [--seconds 20] [--concurrency 16] [--work DIR]
#                    [--rows 40]
#
# Needs what bench/run.sh needs. Output: the table on stdout; WORK_DIR (default /tmp/keywarden-profile)
# holds server.jfr, loadgen's JSON and the server log.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib.sh
. "$here/lib.sh"

db=h2; mix=checkin=1; seconds=20; concurrency=16; work=/tmp/keywarden-profile; rows=40
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=${2:?}; shift 2 ;;
    --mix) mix=${2:?}; shift 2 ;;
    --seconds) seconds=${2:?}; shift 2 ;;
    --concurrency) concurrency=${2:?}; shift 2 ;;
    --work) work=${2:?}; shift 2 ;;
    --rows) rows=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "profile.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$db" in h2|postgresql) ;; *) echo "profile.sh: --db h2 or postgresql" >&2; exit 2 ;; esac
needs_pg=0; [ "$db" = postgresql ] && needs_pg=1
kw_preflight "$needs_pg" || exit 1
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
trap kw_cleanup EXIT
trap 'exit 130' INT TERM
export KEYWARDEN_ENROLLMENT_SECRET="profile-enrollment-secret-$$-$RANDOM$RANDOM"
# deep request stacks: JFR's default of 64 frames cuts off the servlet, JAX-RS and EJB layers above a query
export KW_JAVA_OPTS="-XX:FlightRecorderOptions:stackdepth=512"
kw_serve "$db" "$work" || exit 1
jboss=$kw_jboss
pid=$(kw_server_pid "$jboss")
warmup=10
# The recording starts once the devices are enrolled and the warm-up is over.
# JFR's "profile" settings, sampling every 2 ms instead of 10 (enough samples for a 20 s recording)
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
sed '/"jdk.ExecutionSample"/,/<\/event>/ s/>10 ms</>2 ms</' "$java_home/lib/jfr/profile.jfc" > "$work/sampling.jfc"
( sleep $((warmup + 8)); jcmd "$pid" JFR.start name=kw settings="$work/sampling.jfc" duration="${seconds}s" \
    filename="$work/server.jfr" > "$work/jfr.out" 2>&1 ) &
recorder=$!
kw_log "$db: --mix $mix, concurrency $concurrency, ${seconds} s recorded after a ${warmup} s warm-up"
kw_loadgen $((warmup + seconds + 150)) --server "$kw_url" --mix "$mix" --concurrency "$concurrency" --devices 200 \
  --duration $((seconds + 12)) --warmup "$warmup" --progress 0 --out "$work/loadgen.json" > "$work/loadgen.out" 2>&1 \
  || { kw_log "loadgen failed: $(tail -n 3 "$work/loadgen.out")"; exit 1; }
wait "$recorder"
for _ in $(seq 1 30); do [ -s "$work/server.jfr" ] && break; sleep 1; done
[ -s "$work/server.jfr" ] || { kw_log "no recording ($(cat "$work/jfr.out"))"; exit 1; }
jq -r '"\(.overall.successThroughput | round)/s, p50 \(.overall.latencyMs.p50) ms, p99 \(.overall.latencyMs.p99) ms, errors \(.overall.errors)"' \
  "$work/loadgen.json"
java "$here/JfrTop.java" "$work/server.jfr" "$rows" default
cp "$jboss/standalone/log/server.log" "$work/server.log" 2>/dev/null || true
