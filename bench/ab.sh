#!/usr/bin/env bash
# Health and check-in in alternating rounds on one server, so their ratio is read within a round (the
# machine's own speed drifts between rounds). KEYWARDEN_EAR picks the EAR (a patched build, say); AB_MIXES the
# loads of a round (default "health=1 checkin=1"; "health=1 escrow=1" for escrow).
#   bench/ab.sh LABEL [h2|postgresql]
set -uo pipefail
. "$(dirname "$0")/lib.sh"
label=$1; db=${2:-h2}; work=${TMPDIR:-/tmp}/ab-$label
kw_preflight $([ "$db" = postgresql ] && echo 1 || echo 0) || exit 1
rm -rf "$work" && mkdir -p "$work"
trap kw_cleanup EXIT
export KEYWARDEN_ENROLLMENT_SECRET="ab-enrollment-secret-$$-$RANDOM$RANDOM"
export KEYWARDEN_ADMIN_PASSWORD="ab-admin-$$-$RANDOM$RANDOM"
kw_serve "$db" "$work" || exit 1
for round in 1 2 3; do
  for mix in ${AB_MIXES:-health=1 checkin=1}; do
    kw_loadgen 200 --server "$kw_url" --mix "$mix" --concurrency 16 --devices 200 --duration 15 --warmup 5 \
      --progress 0 --out "$work/$round-$mix.json" > "$work/$round-$mix.out" 2>&1 || { echo "loadgen failed $mix"; tail -3 "$work/$round-$mix.out"; }
    printf '%s round %s %-10s %s\n' "$label" "$round" "$mix" "$(jq -r '"\(.overall.successThroughput|round)/s p99 \(.overall.latencyMs.p99) errors \(.overall.errors)"' "$work/$round-$mix.json")"
  done
done
# How many unchanged check-ins (and new-key escrows) each group commit stored, over the whole run.
curl -s -u "admin:$KEYWARDEN_ADMIN_PASSWORD" -H 'Accept: text/plain' "$kw_url/api/v1/metrics" \
  | awk '/^keywarden_checkins_unchanged_total /{u=$2} /^keywarden_checkin_group_commits_total /{c=$2} /^keywarden_checkins_total /{t=$2} /^keywarden_escrows_grouped_total /{eg=$2} /^keywarden_escrow_group_commits_total /{ec=$2}
         END{if (c > 0) printf "%s check-ins %d, unchanged %d, group commits %d, %.1f per commit\n", "'"$label"'", t, u, c, u/c; if (ec > 0) printf "%s escrows grouped %d, group commits %d, %.1f per commit\n", "'"$label"'", eg, ec, eg/ec}'
