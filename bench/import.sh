#!/usr/bin/env bash
# Import throughput: keywarden-admin import mbam of a generated CSV of N keys (valid recovery passwords,
# one computer per 2 keys) into a throwaway Keywarden (WildFly, offset 700), then the same file again (every
# key already present). Prints keys per second for both, and checks the counts.
#
#   bench/import.sh [--keys N] [--db h2|postgresql] [--work WORK_DIR]
#
#   --keys  default 100000
#   --db    default postgresql (the throwaway PostgreSQL on 55777)
#   --work  default /tmp/keywarden-import (emptied first): keys.csv, first.out, second.out, server.out
# Needs what bench/run.sh needs, and cli/target/keywarden-admin.jar (mvn -q -pl client,cli -am package -DskipTests).
# Exit 0 when the counts are right, 1 when not, 2 on a bad command line.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib.sh
. "$here/lib.sh"

keys=100000
db=postgresql
work=/tmp/keywarden-import
while [ $# -gt 0 ]; do
  case "$1" in
    --keys) keys=${2:?--keys N}; shift 2 ;;
    --db) db=${2:?--db h2|postgresql}; shift 2 ;;
    --work) work=${2:?--work DIR}; shift 2 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "import.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ "$keys" -ge 1 ] 2>/dev/null || { echo "import.sh: --keys must be a positive number" >&2; exit 2; }
admin_jar=$kw_root/cli/target/keywarden-admin.jar
[ -f "$admin_jar" ] || { kw_log "missing $admin_jar"; exit 1; }
kw_preflight "$([ "$db" = postgresql ] && echo 1 || echo 0)" || exit 1
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
trap kw_cleanup EXIT
trap 'exit 130' INT TERM
export KEYWARDEN_ENROLLMENT_SECRET="import-bench-enrollment-secret-$$-$RANDOM$RANDOM"
export KEYWARDEN_ADMIN_PASSWORD="import-bench-admin-$$-$RANDOM$RANDOM"
kw_serve "$db" "$work" || exit 1

kw_log "generating $keys keys"
awk -v n="$keys" -v seed="$$" 'BEGIN {
  srand(seed); print "\"Hostname\",\"RecoveryKeyId\",\"VolumeGuid\",\"RecoveryKey\",\"LastUpdateTime\"";
  for (i = 0; i < n; i++) {
    pw = ""; for (g = 0; g < 8; g++) pw = pw (g ? "-" : "") sprintf("%06d", int(rand() * 65536) * 11);
    printf "\"PC-B%06d\",\"%08X-%04X-4%03X-A%03X-%04X%08X\",\"%08X-%04X-4%03X-B%03X-%04X%08X\",\"%s\",\"2024-01-02 03:04:05\"\n",
      int(i / 2), i, int(rand() * 65536), int(rand() * 4096), int(rand() * 4096), int(rand() * 65536), int(rand() * 4294967295),
      i, int(rand() * 65536), int(rand() * 4096), int(rand() * 4096), int(rand() * 65536), int(rand() * 4294967295), pw
  } }' > "$work/keys.csv"

run_import() { # OUTFILE
  local start end
  start=$(date +%s.%N)
  KEYWARDEN_ADMIN_PASSWORD=$KEYWARDEN_ADMIN_PASSWORD java -jar "$admin_jar" --server "$kw_url" --allow-plain-http \
    import mbam --csv "$work/keys.csv" > "$1" 2> "$1.err"
  local rc=$?
  end=$(date +%s.%N)
  echo "$rc $(echo "$end - $start" | bc)"
}
read -r rc1 t1 < <(run_import "$work/first.out")
kw_log "first import: exit $rc1, $t1 s: $(cat "$work/first.out")"
read -r rc2 t2 < <(run_import "$work/second.out")
kw_log "second import: exit $rc2, $t2 s: $(cat "$work/second.out")"
ok=1
grep -q "Imported $keys, already present 0, conflicting 0, invalid 0" "$work/first.out" || ok=0
grep -q "Imported 0, already present $keys, conflicting 0, invalid 0" "$work/second.out" || ok=0
printf '{"keys": %d, "db": "%s", "firstSeconds": %s, "firstKeysPerSecond": %.0f, "secondSeconds": %s, "secondKeysPerSecond": %.0f}\n' \
  "$keys" "$db" "$t1" "$(echo "$keys / $t1" | bc -l)" "$t2" "$(echo "$keys / $t2" | bc -l)" | tee "$work/result.json"
[ "$ok" = 1 ] || { kw_log "the counts are wrong (see $work/first.out, second.out and their .err)"; exit 1; }
