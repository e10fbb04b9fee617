#!/usr/bin/env bash
# Reliability: nothing acknowledged is ever lost. Runs an escrow-only load against Keywarden on WildFly
# (H2), kills the server with kill -9 in the middle, restarts it, and checks through the device API that
# every escrow that got a 2xx is there and opens (the load generator's ledger and `verify`).
#
#   kill9.sh JBOSS_HOME EAR LOADGEN_JAR WORK_DIR [LOAD_SECONDS]
#
# JBOSS_HOME must be configured already (server-config/wildfly/configure.sh). Ports: offset 500
# (HTTP 8580), so it can run beside a server on the default ports. Exit 0 when lost = 0.
set -euo pipefail
jboss=$(cd "${1:?JBOSS_HOME}" && pwd)
ear=${2:?EAR}
jar=${3:?LOADGEN_JAR}
work=${4:?WORK_DIR}
seconds=${5:-12}
offset=500
url="http://127.0.0.1:$((8080 + offset))"

rm -rf "$work" && mkdir -p "$work"
work=$(cd "$work" && pwd)
export KEYWARDEN_DATA_DIR="$work/data"
export KEYWARDEN_ENROLLMENT_SECRET="kill9-enrollment-secret-$$"
rm -f "$jboss"/standalone/deployments/keywarden.ear*
cp "$ear" "$jboss/standalone/deployments/keywarden.ear"

tls_properties=$("$(dirname "$0")/../server-config/tls/server-keystore.sh" "$KEYWARDEN_DATA_DIR")
server_pid() { pgrep -f "jboss.home.dir=$jboss" | head -n 1 || true; }
start() {
  "$jboss/bin/standalone.sh" -Djboss.socket.binding.port-offset=$offset -P="file:$tls_properties" > "$work/server-$1.out" 2>&1 &
  for _ in $(seq 1 240); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/devices/x/actions")" = 401 ]; then
      echo "kill9: server up ($1)"; return 0
    fi
    sleep 0.5
  done
  echo "kill9: the server did not come up ($1); see $work/server-$1.out" >&2
  return 1
}
stop() {
  local pid; pid=$(server_pid)
  [ -z "$pid" ] || { kill -TERM "$pid"; for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done; }
}
trap 'pid=$(server_pid); [ -z "$pid" ] || kill -9 "$pid" 2>/dev/null || true' EXIT

start first
java -jar "$jar" --server "$url" --devices 20 --concurrency 8 --duration "$seconds" --warmup 0 \
  --mix escrow=1 --ledger "$work/ledger.jsonl" --out "$work/load.json" --progress 0 > "$work/load.out" 2>&1 &
load=$!
sleep $((seconds / 2))
victim=$(server_pid)
echo "kill9: kill -9 $victim in the middle of the escrow load"
kill -9 "$victim"
sleep 1
start "after kill -9"
wait "$load" || true
tail -n 6 "$work/load.out"
status=0
java -jar "$jar" verify --server "$url" --ledger "$work/ledger.jsonl" --retries 30 | tee "$work/verify.out" || status=$?
stop
[ "$status" = 0 ] && echo "kill9: PASS (nothing acknowledged was lost)" || echo "kill9: FAIL" >&2
exit "$status"
