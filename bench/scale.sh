#!/usr/bin/env bash
# Scale: do lookups and check-ins stay flat as the number of escrowed keys grows?
# Keywarden on WildFly against a throwaway PostgreSQL (bench/lib.sh). First 2,000 real escrows through the
# API give the bytes stored per escrowed volume (database size growth: rows, indexes and audit events).
# Then, for each size, the key tables are filled in bulk up to that many keys (rows shaped like the
# service's: recovery key IDs in GUID form, a 768-byte sealed value, one volume per key, two keys per
# device) and measured:
#   - key-ID prefix lookup and hostname lookup: database execution time of the SQL the server runs
#     (EXPLAIN ANALYZE, median of 50 random keys) and the admin API's answer time (GET /api/v1/recovery-keys,
#     median and p99 over 50 requests; includes HTTP Basic's PBKDF2 check, about the same at every size);
#   - check-in latency: keywarden-loadgen --mix checkin=1, 10 s, concurrency 8 (p50, p99).
#
#   bench/scale.sh [--work WORK_DIR] [--sizes "10000 1000000"]
#
# Prints a markdown table to stdout. Needs what bench/run.sh needs. Not a test; never run in CI.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

work=/tmp/keywarden-scale
sizes="10000 1000000"
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work=${2:?}; shift 2 ;;
    --sizes) sizes=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "scale.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
kw_preflight 1 || exit 1
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
trap kw_cleanup EXIT
trap 'exit 130' INT TERM
export KEYWARDEN_ENROLLMENT_SECRET="scale-enrollment-secret-$$-$RANDOM$RANDOM"
export KEYWARDEN_ADMIN_PASSWORD="scale-admin-$$-$RANDOM"
pg="$work/pg"
kw_serve postgresql "$work" || exit 1

sql() { kw_as_postgres "$(kw_pg_bin)/psql" -h "$pg" -p "$kw_pg_port" -U postgres -d keywarden -qAt -v ON_ERROR_STOP=1 -c "$1"; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else printf "%.2f\n", a[int((NR+1)/2)]}'; }
p99() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else {i=int(NR*0.99); if (i<1) i=1; printf "%.2f\n", a[i]}}'; }

# Bytes per escrowed volume, from real escrows through the API
before=$(sql "SELECT pg_database_size('keywarden')")
kw_loadgen 300 --server "$kw_url" --mix escrow=1 --devices 50 --volumes-per-device 1 --no-initial-keys \
  --requests 2000 --concurrency 8 --warmup 0 --out "$work/escrow.json" > "$work/escrow.out" 2>&1 \
  || { kw_log "the escrow load failed ($work/escrow.out)"; exit 1; }
sql "CHECKPOINT" >/dev/null
escrowed=$(sql "SELECT COUNT(*) FROM recovery_key")
after=$(sql "SELECT pg_database_size('keywarden')")
per_volume=$(( (after - before) / escrowed ))
kw_log "bytes per escrowed volume: $per_volume (database growth $((after - before)) bytes for $escrowed keys)"

filled=0
echo "| keys | prefix lookup, DB ms (median) | prefix lookup, API ms (median / p99) | hostname lookup, DB ms | hostname lookup, API ms (median / p99) | check-in p50 / p99 ms |"
echo "|---:|---:|---:|---:|---:|---:|"
for size in $sizes; do
  if [ "$size" -gt "$filled" ]; then
    kw_log "filling to $size keys"
    from=$filled to=$((size - 1))
    sql "INSERT INTO device (device_id, hostname, domain_name, enrolled_at, token_hash, migrated_from_mbam)
         SELECT 'bench-device-' || d, 'BENCH-' || d, 'CORP', now(), md5('t' || d) || md5('u' || d), false
         FROM generate_series($((from / 2)), $((to / 2))) d ON CONFLICT DO NOTHING" || exit 1
    sql "INSERT INTO volume (volume_id, device_id, volume_guid, volume_type, drive_letter)
         SELECT 'bench-volume-' || k, 'bench-device-' || (k / 2), upper(md5('v' || k)), 'OS', 'C:'
         FROM generate_series($from, $to) k" || exit 1
    sql "INSERT INTO recovery_key (recovery_key_id, key_id_prefix, device_id, volume_id, recovery_password, state,
           escrowed_at, sealed_with)
         SELECT upper(substr(h,1,8) || '-' || substr(h,9,4) || '-' || substr(h,13,4) || '-' || substr(h,17,4) || '-'
           || substr(h,21,12)), upper(substr(h,1,8)), 'bench-device-' || (k / 2), 'bench-volume-' || k,
           decode(repeat(h, 48), 'hex'), 'ACTIVE', now(), 'bench'
         FROM (SELECT k, md5('k' || k) AS h FROM generate_series($from, $to) k) s" || exit 1
    sql "ANALYZE" >/dev/null
    filled=$size
  fi
  mapfile -t prefixes < <(sql "SELECT key_id_prefix FROM recovery_key WHERE sealed_with = 'bench' ORDER BY random() LIMIT 50")
  mapfile -t hosts < <(sql "SELECT hostname FROM device WHERE device_id LIKE 'bench-%' ORDER BY random() LIMIT 50")
  db_prefix=$(for p in "${prefixes[@]}"; do sql "EXPLAIN (ANALYZE, FORMAT JSON) SELECT k.recovery_key_id, k.device_id,
      d.hostname, v.volume_guid FROM recovery_key k JOIN volume v ON v.volume_id = k.volume_id JOIN device d
      ON d.device_id = k.device_id WHERE k.key_id_prefix = '$p' AND k.recovery_key_id LIKE '$p%'
      ORDER BY k.escrowed_at DESC LIMIT 100" | jq '.[0]["Execution Time"]'; done | median)
  db_host=$(for h in "${hosts[@]}"; do sql "EXPLAIN (ANALYZE, FORMAT JSON) SELECT k.recovery_key_id FROM recovery_key k
      JOIN volume v ON v.volume_id = k.volume_id JOIN device d ON d.device_id = k.device_id
      WHERE d.hostname = '$h' ORDER BY k.escrowed_at DESC LIMIT 100" | jq '.[0]["Execution Time"]'; done | median)
  api() { for q in "$@"; do curl -s -o /dev/null -w '%{time_total}\n' -u "admin:$KEYWARDEN_ADMIN_PASSWORD" \
      "$kw_url/api/v1/recovery-keys?$q" | awk '{printf "%.2f\n", $1 * 1000}'; done; }
  api $(printf 'keyId=%s ' "${prefixes[@]}") > "$work/api-prefix-$size.txt"
  api $(printf 'hostname=%s ' "${hosts[@]}") > "$work/api-host-$size.txt"
  kw_loadgen 120 --server "$kw_url" --mix checkin=1 --devices 20 --duration 10 --warmup 3 --concurrency 8 \
    --out "$work/checkin-$size.json" > "$work/checkin-$size.out" 2>&1 || { kw_log "check-in load failed"; exit 1; }
  checkin=$(jq -r '.operations.checkin.latencyMs | "\(.p50) / \(.p99)"' \
    "$work/checkin-$size.json" 2>/dev/null || echo "see $work/checkin-$size.json")
  echo "| $size | $db_prefix | $(median < "$work/api-prefix-$size.txt") / $(p99 < "$work/api-prefix-$size.txt") | $db_host | $(median < "$work/api-host-$size.txt") / $(p99 < "$work/api-host-$size.txt") | $checkin |"
done
echo
echo "Bytes stored per escrowed volume (2,000 real escrows through the API, rows, indexes and audit): $per_volume"
