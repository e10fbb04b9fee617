#!/usr/bin/env bash
# Scale-out: two Keywarden nodes (WildFly) on one PostgreSQL behind HAProxy, as docs/performance.md and the
# README describe it. In one run:
#   1. both nodes started at the same moment on an empty database, configured alike (one shared encryption
#      keystore, KEYWARDEN_ENCRYPTION_KEYSTORE; no enrollment secret set anywhere): every migration is applied
#      once, one first administrator and one enrollment secret are created, one certificate is registered;
#   2. escrows acknowledged by node 1 are found by identical re-sends through node 2, and one of them is
#      disclosed through node 2's admin API with the same password;
#   3. (full run only) check-in throughput through HAProxy with one node, then with both;
#   4. an escrow + check-in load through HAProxy, node 1 killed with kill -9 in the middle: HAProxy moves
#      the traffic to node 2; afterwards every acknowledged escrow is found through the balancer (lost = 0);
#      node 1 restarted rejoins (HAProxy's health check says UP) and finds every one of them too;
#   5. a third start with a data directory of its own and no keystore configured (a node set up the way a
#      new user would, without the installation's keystore) refuses to start, naming the certificate it lacks,
#      and generates no keystore;
#   6. a re-wrap to a new certificate, node 1 killed in the middle of it, both nodes started again at the same
#      moment: both resume it, it ends once (one audit event), every key is sealed to the new certificate and
#      every acknowledged escrow is still found.
# Prints a summary (stdout) and writes WORK_DIR/results.json; progress and server output go to stderr and
# WORK_DIR.
#
#   bench/scaleout.sh [--quick] [--work WORK_DIR]
#
#   --quick   CI smoke: a 12 s kill -9 load of a few hundred requests, no throughput measurement
#   --work    default /tmp/keywarden-scaleout (emptied first)
#
# Needs what bench/run.sh needs, and HAProxy (apt-get install haproxy) and keytool. Ports: node 1 WildFly
# offset 720 (HTTP 8800), node 2 offset 740 (HTTP 8820), HAProxy 8790 (stats 8791), PostgreSQL 55779.
# Exit 0 when every check passed, 1 when one failed, 2 on a bad command line.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib.sh
. "$here/lib.sh"

quick=0
work=/tmp/keywarden-scaleout
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; shift ;;
    --work) work=${2:?--work DIR}; shift 2 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "scaleout.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ "$quick" = 1 ]; then kill_seconds=12; devices=40; else kill_seconds=40; devices=200; fi

offsets=(720 740)
lb_port=8790
stats_port=8791
lb_url="http://127.0.0.1:$lb_port"
kw_pg_port=55779
kw_pg_url="jdbc:postgresql://127.0.0.1:$kw_pg_port/keywarden"
node_url() { echo "http://127.0.0.1:$((8080 + offsets[$1]))"; }

kw_offset=${offsets[0]} kw_preflight 1 || exit 1
kw_offset=${offsets[1]} kw_preflight 0 || exit 1
command -v haproxy >/dev/null || { kw_log "HAProxy is needed (apt-get install haproxy)"; exit 1; }
command -v jq >/dev/null || { kw_log "jq is needed"; exit 1; }
for p in $lb_port $stats_port; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then kw_log "port $p is in use"; exit 1; fi
done
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
haproxy_pid=""
cleanup() {
  [ -z "$haproxy_pid" ] || kill "$haproxy_pid" 2>/dev/null || true
  kw_cleanup
}
trap cleanup EXIT
failures=()
check() { # DESCRIPTION COMMAND...: records a failure instead of stopping, so that the summary lists every one
  if "${@:2}"; then kw_log "ok: $1"; else kw_log "FAILED: $1"; failures+=("$1"); fi
}

# The installation: one PostgreSQL, one shared encryption keystore, one admin password. No enrollment secret:
# the first node generates it and the other uses the same one from the database.
kw_pg_start "$work/pg" || { kw_log "PostgreSQL did not start"; exit 1; }
export KEYWARDEN_DB_URL=$kw_pg_url KEYWARDEN_DB_USER=$kw_pg_user KEYWARDEN_DB_PASSWORD=$kw_pg_password
unset KEYWARDEN_ENROLLMENT_SECRET
export KEYWARDEN_ADMIN_PASSWORD="scaleout-admin-$$-$RANDOM$RANDOM"
mkdir -p "$work/shared" && chmod 700 "$work/shared"
keystore_password="scaleout-keystore-$$-$RANDOM$RANDOM"
keytool -genkeypair -alias keywarden-encryption -keyalg RSA -keysize 3072 -sigalg SHA256withRSA -validity 7300 \
  -dname "CN=Keywarden encryption" -ext KeyUsage=keyEncipherment -storetype PKCS12 \
  -keystore "$work/shared/encryption.p12" -storepass "$keystore_password" -keypass "$keystore_password" >/dev/null 2>&1 \
  || { kw_log "keytool could not generate the shared keystore"; exit 1; }
fingerprint=$(keytool -exportcert -alias keywarden-encryption -keystore "$work/shared/encryption.p12" \
  -storepass "$keystore_password" 2>/dev/null | sha256sum | cut -d' ' -f1)

psql_q() { # SQL: one value
  PGPASSWORD=$kw_pg_password "$(kw_pg_bin)/psql" -h 127.0.0.1 -p "$kw_pg_port" -U "$kw_pg_user" -d keywarden -At -c "$1"
}

homes=()
for n in 0 1; do
  homes[n]=$(kw_unpack "$work/node$((n + 1))/wildfly") && kw_configure "${homes[n]}" postgresql \
    > "$work/node$((n + 1))/configure.out" 2>&1 || { kw_log "node $((n + 1)) could not be configured"; exit 1; }
done

start_node() { # N(0|1) LOG [shared|own]: starts node N with its own data directory and waits for it
  local n=$1
  (
    export KEYWARDEN_DATA_DIR="$work/node$((n + 1))/data"
    if [ "${3:-shared}" = shared ]; then
      export KEYWARDEN_ENCRYPTION_KEYSTORE="$work/shared/encryption.p12"
      export KEYWARDEN_ENCRYPTION_KEYSTORE_PASSWORD="$keystore_password"
    fi
    kw_offset=${offsets[n]} kw_url=$(node_url "$n") kw_start "${homes[n]}" "$2"
  )
}

# 1. Both nodes at the same moment on the empty database.
kw_log "starting both nodes at the same moment on an empty database"
kw_started_jboss+=("${homes[0]}" "${homes[1]}")
start_node 0 "$work/node1/server-1.out" & first=$!
start_node 1 "$work/node2/server-1.out" & second=$!
wait "$first"; up1=$?
wait "$second"; up2=$?
[ "$up1" = 0 ] && [ "$up2" = 0 ] || { kw_log "a node did not start (node 1: $up1, node 2: $up2)"; exit 1; }

migrations=$(grep -c . "$kw_root/persistence/src/main/resources/db/migration/postgresql/index.txt")
applied_lines=$(cat "${homes[0]}/standalone/log/server.log" "${homes[1]}/standalone/log/server.log" \
  | grep -o 'Applied schema migration V[0-9]*' | sort)
check "each of the $migrations migrations applied once across the two nodes" \
  test "$(echo "$applied_lines" | grep -c .)" = "$migrations" -a "$(echo "$applied_lines" | uniq -d | grep -c .)" = 0
check "one schema history row per migration" test "$(psql_q 'SELECT COUNT(*) FROM keywarden_schema_history')" = "$migrations"
check "one first administrator" test "$(psql_q 'SELECT COUNT(*) FROM app_user')" = 1
admin_created=$(cat "${homes[0]}/standalone/log/server.log" "${homes[1]}/standalone/log/server.log" \
  | grep -c "Created the administrator 'admin'")
check "the administrator created by one node only" test "$admin_created" = 1
secrets=$(ls "$work"/node1/data/enrollment-secret "$work"/node2/data/enrollment-secret 2>/dev/null | wc -l)
check "one enrollment secret generated, by one node" test "$secrets" = 1 -a "$(psql_q 'SELECT COUNT(*) FROM installation_value WHERE value_name = '\''enrollment'\''')" = 1
check "one encryption certificate registered: the shared keystore's" \
  test "$(psql_q 'SELECT fingerprint FROM encryption_certificate')" = "$fingerprint"
# each node generated its own HTTPS key pair here, as a new user's nodes would: the one that started second says so
tls_warnings=$(cat "${homes[0]}/standalone/log/server.log" "${homes[1]}/standalone/log/server.log" \
  | grep -c "generated HTTPS certificate .* is not the one the installation's first node presents")
check "the node that started second warns that its HTTPS certificate differs" test "$tls_warnings" = 1
KEYWARDEN_ENROLLMENT_SECRET=$(cat "$work"/node*/data/enrollment-secret)
export KEYWARDEN_ENROLLMENT_SECRET

cat > "$work/haproxy.cfg" <<EOF
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    retries 3
    option redispatch
frontend keywarden
    bind 127.0.0.1:$lb_port
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /api/v1/health
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2
    server node1 127.0.0.1:$((8080 + offsets[0])) check
    server node2 127.0.0.1:$((8080 + offsets[1])) check
listen stats
    bind 127.0.0.1:$stats_port
    stats enable
    stats uri /stats
EOF
haproxy -f "$work/haproxy.cfg" -db > "$work/haproxy.out" 2>&1 & haproxy_pid=$!
status_of() { # NODE_NAME: UP, DOWN, ... as HAProxy's health check sees it
  curl -s -m 2 "http://127.0.0.1:$stats_port/stats;csv" | awk -F, -v s="$1" '$1 == "nodes" && $2 == s {print $18}'
}
await_status() { # NODE_NAME STATUS SECONDS
  local begin=$SECONDS
  while [ $((SECONDS - begin)) -lt "$3" ]; do
    [[ "$(status_of "$1")" == "$2"* ]] && return 0
    sleep 0.5
  done
  return 1
}
both_up() { await_status node1 UP 20 && await_status node2 UP 20; }
check "HAProxy sees both nodes up" both_up

# 2. What node 1 acknowledged, node 2 finds and opens.
kw_log "escrows through node 1, re-sent and disclosed through node 2"
kw_loadgen 120 --server "$(node_url 0)" --devices 5 --concurrency 2 --requests 20 --warmup 0 --mix escrow=1 \
  --ledger "$work/node1.jsonl" --out "$work/node1-escrow.json" --progress 0 > "$work/node1-escrow.out" 2>&1
check "node 1 enrolled devices and acknowledged escrows" test "$(grep -c . "$work/node1.jsonl" 2>/dev/null || echo 0)" -ge 20
check "node 2 finds every escrow node 1 acknowledged (identical re-sends: 200)" \
  kw_loadgen 120 verify --server "$(node_url 1)" --ledger "$work/node1.jsonl" --retries 3
disclosed_matches() {
  local line key expected got
  line=$(tail -n 1 "$work/node1.jsonl")
  key=$(jq -r .recoveryKeyId <<< "$line")
  expected=$(jq -r .recoveryPassword <<< "$line")
  got=$(curl -s -m 10 -u "admin:$KEYWARDEN_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d '{"reason":"OTHER","reasonText":"scale-out check: a key escrowed through node 1, read through node 2"}' \
    "$(node_url 1)/api/v1/recovery-keys/$key/disclosures" | jq -r .recoveryPassword)
  [ -n "$expected" ] && [ "$got" = "$expected" ]
}
check "a key escrowed through node 1 is disclosed through node 2 with its password" disclosed_matches

# 3. Throughput, one node and two (full run only).
one_node=null; two_nodes=null
if [ "$quick" = 0 ]; then
  measure() { # NAME
    kw_loadgen 300 --server "$lb_url" --devices "$devices" --concurrency 16 --duration 30 --warmup 5 --mix checkin=1 \
      --out "$work/$1.json" --progress 0 > "$work/$1.out" 2>&1 \
      && jq -c '.overall | {count, errors, successThroughput, latencyMs}' "$work/$1.json"
  }
  kw_stop "${homes[1]}"
  await_status node2 DOWN 20
  one_node=$(measure one-node) || one_node=null
  start_node 1 "$work/node2/server-2.out" && await_status node2 UP 20
  two_nodes=$(measure two-nodes) || two_nodes=null
fi

# 4. kill -9 of node 1 in the middle of an escrow and check-in load through HAProxy.
kw_log "escrow + check-in load through HAProxy; kill -9 of node 1 after $((kill_seconds / 2)) s"
kw_loadgen $((kill_seconds + 180)) --server "$lb_url" --devices "$devices" --concurrency 8 --duration "$kill_seconds" \
  --warmup 0 --mix escrow=1,checkin=1 --ledger "$work/ledger.jsonl" --out "$work/kill.json" --progress 0 \
  --timeline "$work/kill.timeline" \
  > "$work/kill.out" 2>&1 & load=$!
sleep $((kill_seconds / 2))
victim=$(kw_server_pid "${homes[0]}")
kw_log "kill -9 $victim (node 1)"
kill -9 "$victim"
check "HAProxy takes node 1 out" await_status node1 DOWN 20
wait "$load"; load_status=$?
tail -n 8 "$work/kill.out" >&2
# the load generator exits non-zero when requests failed, as those in flight to the killed node do; what must
# hold is that it ran and that escrows were acknowledged before and after the kill
check "the load ran through HAProxy" test -s "$work/kill.json"
acknowledged=$(grep -c . "$work/ledger.jsonl" 2>/dev/null || echo 0)
check "escrows were acknowledged during the load ($acknowledged, load exit $load_status)" test "$acknowledged" -gt "$devices"
after_kill() { # answered requests in the seconds after the kill, from the timeline
  jq -s --argjson k $((kill_seconds / 2 + 3)) '[.[] | select(.second >= $k) | .answers // {} | to_entries[]
    | select(.key | startswith("2")) | .value] | add // 0' "$work/kill.timeline"
}
check "HAProxy moved the load to node 2: requests succeeded after the kill" test "$(after_kill)" -gt 0
verify() { # SERVER NAME
  kw_loadgen 300 verify --server "$1" --ledger "$work/ledger.jsonl" --retries 10 > "$work/verify-$2.out" 2>&1
  local rc=$?
  cat "$work/verify-$2.out" >&2
  return $rc
}
check "every acknowledged escrow is found through HAProxy with node 1 dead (lost = 0)" verify "$lb_url" balancer
tally=$(grep -io 'sent[^,]*,.*lost[^,]*' "$work/verify-balancer.out" | tail -n 1)
kw_log "restarting node 1"
start_node 0 "$work/node1/server-2.out"
check "node 1 rejoins: HAProxy's health check says UP" await_status node1 UP 30
check "node 1 finds every acknowledged escrow too (lost = 0)" verify "$(node_url 0)" node1

# 5. A node without the installation's keystore refuses to start.
kw_log "a node with a data directory of its own and no keystore configured must refuse to start"
kw_stop "${homes[1]}"
rm -rf "$work/node2/data"
start_node 1 "$work/node2/server-refused.out" own && refused=0 || refused=1
check "the node without the installation's keystore does not start" test "$refused" = 1
check "its log names the certificate it lacks" grep -q "Keywarden cannot start: .*$fingerprint" "${homes[1]}/standalone/log/server.log"
check "it generated no keystore" test ! -e "$work/node2/data/encryption/keystore.p12"
check "still one certificate registered" test "$(psql_q 'SELECT COUNT(*) FROM encryption_certificate')" = 1

# 6. The re-wrap job, running when the nodes went down, resumed by both nodes started at the same moment: the
#    nodes share the records and the job ends once (one "finished" audit event), every key sealed to the new
#    certificate and still found.
kw_log "re-wrap to a new certificate, node 1 killed mid-job, both nodes restarted at the same moment"
kw_stop "${homes[1]}" # the refused node's WildFly still runs, without the application
admin_api() { # METHOD PATH [BODY]: the answer's body; fails unless 2xx
  curl -sf -m 30 -u "admin:$KEYWARDEN_ADMIN_PASSWORD" -H 'Content-Type: application/json' -X "$1" \
    ${3:+-d "$3"} "$(node_url 0)/api/v1$2"
}
records=$(psql_q 'SELECT COUNT(*) FROM recovery_key')
per_second=$((records / 15 > 10 ? records / 15 : 10)) # about 15 s of work for one node alone
old_certificate=$fingerprint
new_certificate=$(admin_api POST /admin/encryption/certificates | jq -r .fingerprint)
check "a second certificate was added to the shared keystore" test -n "$new_certificate" -a "$new_certificate" != "$old_certificate"
admin_api POST /admin/encryption/rewrap "{\"recordsPerSecond\": $per_second}" > /dev/null
some_moved() {
  local begin=$SECONDS
  while [ $((SECONDS - begin)) -lt 30 ]; do
    [ "$(psql_q "SELECT COUNT(*) FROM recovery_key WHERE sealed_with = '$new_certificate'")" -ge $((records / 5)) ] && return 0
    sleep 0.5
  done
  return 1
}
check "the re-wrap moves records ($records in all, $per_second/s per node)" some_moved
kill -9 "$(kw_server_pid "${homes[0]}")"
await_status node1 DOWN 20
log_lines=()
for n in 0 1; do log_lines[n]=$(wc -l < "${homes[n]}/standalone/log/server.log"); done
start_node 0 "$work/node1/server-3.out" & first=$!
start_node 1 "$work/node2/server-3.out" & second=$!
wait "$first"; up1=$?
wait "$second"; up2=$?
check "both nodes start again (node 1: $up1, node 2: $up2)" test "$up1" = 0 -a "$up2" = 0
resumed=0
for n in 0 1; do
  tail -n +$((log_lines[n] + 1)) "${homes[n]}/standalone/log/server.log" | grep -q "Resuming the re-wrap" && resumed=$((resumed + 1))
done
check "both nodes resumed the re-wrap" test "$resumed" = 2
rewrap_done() {
  local begin=$SECONDS
  while [ $((SECONDS - begin)) -lt 180 ]; do
    [ "$(admin_api GET /admin/encryption/rewrap | jq -r .state)" = DONE ] && return 0
    sleep 1
  done
  return 1
}
check "the re-wrap ends" rewrap_done
check "it ended once: one ENCRYPTION_REWRAP_FINISHED event" \
  test "$(psql_q "SELECT COUNT(*) FROM audit_event WHERE action = 'ENCRYPTION_REWRAP_FINISHED'")" = 1
check "no key is left sealed to the old certificate" \
  test "$(psql_q "SELECT COUNT(*) FROM recovery_key WHERE sealed_with IS DISTINCT FROM '$new_certificate'")" = 0
check "every acknowledged escrow is found after the re-wrap (lost = 0)" verify "$lb_url" rewrapped

jq -n --argjson one "$one_node" --argjson two "$two_nodes" --arg tally "$tally" \
  --argjson failures "$(printf '%s\n' "${failures[@]+"${failures[@]}"}" | jq -R . | jq -s 'map(select(. != ""))')" \
  '{oneNodeCheckin: $one, twoNodesCheckin: $two, killVerify: $tally, failures: $failures}' > "$work/results.json"
echo "scale-out: kill -9 run: $tally"
[ "$quick" = 1 ] || echo "scale-out: check-in through HAProxy, one node: $one_node; two nodes: $two_nodes"
if [ ${#failures[@]} -gt 0 ]; then
  printf 'scale-out: FAILED: %s\n' "${failures[@]}"
  exit 1
fi
echo "scale-out: PASS"
