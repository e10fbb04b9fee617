#!/usr/bin/env bash
# An upgrade as an administrator makes it: the data an earlier version wrote (a fixture made by
# upgrade/make-fixture.sh from that version's commit) under a freshly unpacked release. The release
# migrates the schema at its start; every key the earlier version held discloses as it did then, the audit
# trail written by both versions verifies, the PC checks in and escrows with its state from before, the
# earlier version's users sign in, and the re-wrap seals the earlier plain values. Run as root (CI), the
# server runs as nobody, as in release-check.sh.
#   upgrade-check.sh ZIP FIXTURE_DIR   (ports 8080/8443/9990 + KEYWARDEN_PORT_OFFSET, default 900)
set -uo pipefail
usage="usage: upgrade-check.sh ZIP FIXTURE_DIR"
zip=${1:?$usage}
fixture=${2:?$usage}
# shellcheck source=/dev/null
. "$fixture/fixture.env" || { echo "upgrade-check: no $fixture/fixture.env" >&2; exit 1; }
check=upgrade-check
# shellcheck source=release-env.sh
. "$(dirname "$0")/release-env.sh"
extra_env=(KEYWARDEN_ENROLLMENT_SECRET="$FIXTURE_ENROLLMENT_SECRET")
db=${FIXTURE_DB:-h2}
if [ "$db" = postgresql ]; then
  pg_server=$(cd "$(dirname "$0")/../../../server-config/postgresql" && pwd)/test-server.sh
  pg=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1)
  after_stop() { "$pg_server" stop "$work/pg" > /dev/null 2>&1; }
  "$pg_server" start "$work/pg" 55632 > /dev/null || fail "cannot start a PostgreSQL server"
  extra_env+=(KEYWARDEN_DB_URL=jdbc:postgresql://127.0.0.1:55632/keywarden KEYWARDEN_DB_USER=keywarden
    KEYWARDEN_DB_PASSWORD=keywarden-test)
  export PGPASSWORD=keywarden-test
fi

chmod 755 "$work"
mkdir -p "$work/home" "$work/release"
install -d -m 700 "$work/data"
cp -R "$fixture/pc" "$work/pc"
cp "$fixture/keywarden.sql" "$work/previous.sql"
[ ${#as_user[@]} -gt 0 ] && chown -R nobody "$work/home" "$work/pc" "$work/data" "$work/previous.sql"
unzip -q "$zip" -d "$work/release" || fail "cannot unpack $zip"
home=$(ls -d "$work"/release/keywarden-*)
h2=$(find "$home/wildfly/modules" -name 'h2-*.jar' | head -n 1)
if [ "$db" = postgresql ]; then
  psql() { "$pg/psql" -h 127.0.0.1 -p 55632 -U keywarden -v ON_ERROR_STOP=1 "$@" keywarden; }
  sql() { psql -At -c "$1"; }
else
  sql() { run "$java_home/bin/java" -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/db/keywarden" \
    -user sa -password sa -sql "$1" | sed -n 2p | tr -d ' '; }
fi

# the earlier version's database, as it left it, in the data directory (H2) or the database server
if [ "$db" = postgresql ]; then
  psql -q -f "$work/previous.sql" > "$work/load.out" 2>&1 || { cat "$work/load.out"; fail "cannot load the fixture's database"; }
else
  run "$java_home/bin/java" -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:file:$work/data/db/keywarden" \
    -user sa -password sa -script "$work/previous.sql" || fail "cannot load the fixture's database"
fi
[ "$(sql "SELECT MAX(version) FROM keywarden_schema_history")" = "$FIXTURE_SCHEMA_VERSION" ] \
  || fail "the fixture's database is not at schema version $FIXTURE_SCHEMA_VERSION"
log "the $db database of ${FIXTURE_COMMIT:0:7} ($FIXTURE_DATE, schema version $FIXTURE_SCHEMA_VERSION) is in place"

run "$home/bin/keywarden" start > "$work/start.out" 2>&1 || { cat "$work/start.out"; tail -30 "$work/data/server/log/server.log"; fail "the release does not start on the earlier version's data"; }
http="http://127.0.0.1:$((8080 + offset))"
https="https://localhost:$((8443 + offset))"
admin() { curl -sf -u "admin:$FIXTURE_ADMIN_PASSWORD" -H 'Content-Type: application/json' "$@"; }

# every key discloses as the earlier version disclosed it
disclosed=$(for key in $(cut -f1 "$fixture/keys.tsv"); do
  printf '%s\t%s\n' "$key" "$(admin -X POST "$http/api/v1/recovery-keys/$key/disclosures" -d '{"reason": "LOST_PIN"}' \
    | jq -r .recoveryPassword)"; done)
[ "$disclosed" = "$(cat "$fixture/keys.tsv")" ] || fail "after the upgrade these keys do not disclose as before: $(
  diff <(echo "$disclosed") "$fixture/keys.tsv" | sed -n 's/^> //p' | cut -f1 | tr '\n' ' ')"
device=$(admin "$http/api/v1/recovery-keys?hostname=PC-UPGRADE" | jq -r '.keys[0].deviceId')
admin -X POST "$http/api/v1/devices/$device/tpm/disclosures" -d '{"reason": "RESET_PIN_LOCKOUT"}' \
  | jq -e '.ownerAuthHash | length > 0' > /dev/null || fail "the TPM owner hash of the earlier version does not disclose"
curl -sf -o /dev/null -u "helpdesk1:$FIXTURE_HELPDESK_PASSWORD" "$http/api/v1/recovery-keys?hostname=PC-UPGRADE" \
  || fail "the earlier version's helpdesk user cannot sign in"
log "ok: all $(wc -l < "$fixture/keys.tsv") keys and the TPM owner hash disclose as before; the earlier users sign in"

# the PC, with its state from before, checks in and escrows a new volume through the upgraded server
agent() {
  run "$java_home/bin/java" -jar "$home/agent/keywarden-agent-cli.jar" --state "$work/pc" --server "$https" \
    --server-certificate-sha256 "$(cat "$work/data/tls/certificate.sha256")" --bitlocker SIMULATED "$@"
}
agent checkin > "$work/agent.out" 2>&1 && agent add-volume --type REMOVABLE --drive E: >> "$work/agent.out" 2>&1 \
  || { cat "$work/agent.out"; fail "the PC cannot check in and escrow with the upgraded server"; }
new_key=$(admin "$http/api/v1/recovery-keys?hostname=PC-UPGRADE" | jq -r '.keys[] | select(.driveLetter == "E:") | .recoveryKeyId')
held=$(admin -X POST "$http/api/v1/recovery-keys/$new_key/disclosures" -d '{"reason": "LOST_PIN"}' | jq -r .recoveryPassword)
grep -rqF "$held" "$work/pc" || fail "the key escrowed after the upgrade is not the one the PC holds"
log "ok: the PC checked in with its earlier state and escrowed a new volume"

# the earlier plain values are sealed by the re-wrap, and still disclose
admin -X POST "$http/api/v1/admin/encryption/rewrap" -d '{}' > /dev/null || fail "the re-wrap does not start"
for _ in $(seq 1 60); do
  [ "$(admin "$http/api/v1/admin/encryption/rewrap" | jq -r .remaining)" = 0 ] && break
  sleep 1
done
progress=$(admin "$http/api/v1/admin/encryption/rewrap")
[ "$(echo "$progress" | jq -r .remaining)" = 0 ] && [ "$(echo "$progress" | jq -r '.failedRecords | length')" = 0 ] \
  || fail "the re-wrap did not seal every earlier value: $progress"
first=$(head -n 1 "$fixture/keys.tsv")
[ "$(admin -X POST "$http/api/v1/recovery-keys/${first%%$'\t'*}/disclosures" -d '{"reason": "LOST_PIN"}' \
  | jq -r .recoveryPassword)" = "${first#*$'\t'}" ] || fail "a re-wrapped earlier key does not disclose"

run KEYWARDEN_ADMIN_PASSWORD="$FIXTURE_ADMIN_PASSWORD" "$home/bin/keywarden-admin" --server "$http" audit verify \
  > "$work/verify.out" 2>&1 || { cat "$work/verify.out"; fail "the audit trail of both versions does not verify"; }
run "$home/bin/keywarden" stop > /dev/null 2>&1 || fail "the upgraded server does not stop"

schema=$(sql "SELECT MAX(version) FROM keywarden_schema_history")
[ "$schema" -gt "$FIXTURE_SCHEMA_VERSION" ] || fail "the schema was not migrated (still at $schema)"
plain=$(sql "SELECT COUNT(*) FROM recovery_key WHERE sealed_with = 'plain'")
[ "$plain" = 0 ] || fail "$plain earlier key(s) still in plain text after the re-wrap"
events=$(sql "SELECT COUNT(*) FROM audit_event")
[ "$db" = h2 ] || [ ! -e "$work/data/db" ] || fail "the release wrote an H2 database beside the $db one"
[ "$events" -gt "$FIXTURE_AUDIT_EVENTS" ] || fail "the audit trail lost events ($events, before $FIXTURE_AUDIT_EVENTS)"
log "ok: migrated from schema version $FIXTURE_SCHEMA_VERSION to $schema; re-wrapped; $(cut -c1-70 < "$work/verify.out")"
log "PASS"
