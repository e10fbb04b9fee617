#!/usr/bin/env bash
# Makes the upgrade fixture: the data an earlier version of Keywarden wrote, for upgrade-check.sh to upgrade.
# Builds COMMIT from this repository's history in a scratch worktree, runs it as its README says
# (mvn -P run, H2, ports 8080/8443/9990), lets that version's own agent enroll a simulated PC, escrow two
# volumes and a TPM owner hash, has the administrator disclose a key (the PC then rotates it at its
# check-in) and add a helpdesk user, and dumps the database as SQL: H2 by default, or with postgresql a
# PostgreSQL server this script starts on 127.0.0.1:55632 (server-config/postgresql/test-server.sh).
#   make-fixture.sh COMMIT OUT_DIR [h2|postgresql]   (needs the Maven repository of a build of this checkout, offline)
# The version runs with KEYWARDEN_ENCRYPTION=none, so the fixture holds no keystore: its recovery passwords
# are synthetic values of a simulated PC, written in plain text, as is the PC's state (its device token).
# Writes OUT_DIR/keywarden.sql, OUT_DIR/keys.tsv (key ID and recovery password, as that version disclosed
# them), OUT_DIR/pc/ (the agent's state) and OUT_DIR/fixture.env.
set -euo pipefail
commit=${1:?usage: make-fixture.sh COMMIT OUT_DIR}
out=${2:?usage: make-fixture.sh COMMIT OUT_DIR}
db=${3:-h2}
case "$db" in h2|postgresql) ;; *) echo "make-fixture: the database is h2 or postgresql, not $db" >&2; exit 2 ;; esac
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse --verify "$commit^{commit}")
work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2> /dev/null
  [ "$db" = postgresql ] && "$repo/server-config/postgresql/test-server.sh" stop "$work/pg" > /dev/null 2>&1
  git -C "$repo" worktree remove --force "$work/src" 2> /dev/null
  rm -rf "$work"
}
trap cleanup EXIT
log() { echo "make-fixture: $*"; }

# the values the old version runs with: test values of this fixture only, never an installation's
enrollment_secret=upgrade-fixture-enrollment-secret-not-for-production
admin_password=upgrade-fixture-admin-password
helpdesk_password=upgrade-fixture-helpdesk-password

git -C "$repo" worktree add --detach "$work/src" "$commit" > /dev/null
export KEYWARDEN_DATA_DIR="$work/data" KEYWARDEN_ENCRYPTION=none KEYWARDEN_ENROLLMENT_SECRET="$enrollment_secret" \
  KEYWARDEN_ADMIN_PASSWORD="$admin_password"
if [ "$db" = postgresql ]; then
  "$repo/server-config/postgresql/test-server.sh" start "$work/pg" 55632 > /dev/null
  export KEYWARDEN_DB_URL=jdbc:postgresql://127.0.0.1:55632/keywarden KEYWARDEN_DB_USER=keywarden \
    KEYWARDEN_DB_PASSWORD=keywarden-test PGPASSWORD=keywarden-test
  pg=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
log "building and starting $(git -C "$repo" log -1 --format='%h %ad' --date=short "$commit")"
(cd "$work/src" && exec mvn -o -q -P run -DskipTests package) > "$work/run.log" 2>&1 &
server=$!
http=http://127.0.0.1:8080
for _ in $(seq 1 900); do
  curl -sf -o /dev/null "$http/api/v1/health" && break
  kill -0 "$server" 2> /dev/null || { tail -30 "$work/run.log"; exit 1; }
  sleep 1
done
curl -sf -o /dev/null "$http/api/v1/health" || { tail -30 "$work/run.log"; log "the old version does not serve"; exit 1; }

agent() {
  java -jar "$work/src/agent/target/keywarden-agent-cli.jar" --state "$work/pc" --server https://localhost:8443 \
    --server-certificate-sha256 "$(cat "$work/data/tls/certificate.sha256")" --bitlocker SIMULATED "$@"
}
admin() { curl -sf -u "admin:$admin_password" -H 'Content-Type: application/json' "$@"; }
agent enroll --hostname PC-UPGRADE --domain CORP --user 'CORP\alice' > /dev/null
agent add-volume --type OS --drive C: > /dev/null
agent add-volume --type FIXED --drive D: > /dev/null
agent tpm > /dev/null
first=$(admin "$http/api/v1/recovery-keys?hostname=PC-UPGRADE" | jq -r '.keys[0].recoveryKeyId')
admin -X POST "$http/api/v1/recovery-keys/$first/disclosures" -d '{"reason": "LOST_PIN"}' > /dev/null
agent checkin > /dev/null   # the disclosed key is rotated: a new one escrowed, the disclosed one superseded
admin -X POST "$http/api/v1/admin/users" \
  -d "{\"username\": \"helpdesk1\", \"password\": \"$helpdesk_password\", \"roles\": [\"HELPDESK\"]}" > /dev/null

mkdir -p "$out"
: > "$out/keys.tsv"
for key in $(admin "$http/api/v1/recovery-keys?hostname=PC-UPGRADE" | jq -r '.keys[].recoveryKeyId' | sort); do
  printf '%s\t%s\n' "$key" "$(admin -X POST "$http/api/v1/recovery-keys/$key/disclosures" -d '{"reason": "LOST_PIN"}' \
    | jq -r .recoveryPassword)" >> "$out/keys.tsv"
done
[ "$(grep -cE $'\t''[0-9]{6}(-[0-9]{6}){7}$' "$out/keys.tsv")" -ge 3 ] \
  && ! grep -qvE $'\t''[0-9]{6}(-[0-9]{6}){7}$' "$out/keys.tsv" \
  || { log "expected at least 3 disclosed keys, got: $(cat "$out/keys.tsv")"; exit 1; }
verification=$(admin "$http/api/v1/audit/verification")
[ "$(echo "$verification" | jq -r .intact)" = true ] || { log "the old version's audit does not verify: $verification"; exit 1; }

wildfly=$(ls -d "$work"/src/dist/target/wildfly-*)
"$wildfly/bin/jboss-cli.sh" --connect --command=:shutdown > /dev/null
wait "$server" || true
server=""
if [ "$db" = postgresql ]; then
  "$pg/pg_dump" -h 127.0.0.1 -p 55632 -U keywarden --no-owner --no-privileges -f "$out/keywarden.sql" keywarden
  schema=$("$pg/psql" -h 127.0.0.1 -p 55632 -U keywarden -At -c "SELECT MAX(version) FROM keywarden_schema_history" keywarden)
else
  h2=$(find "$wildfly/modules" -name 'h2-*.jar' | head -n 1)
  java -cp "$h2" org.h2.tools.Script -url "jdbc:h2:file:$work/data/db/keywarden" -user sa -password sa \
    -script "$out/keywarden.sql"
  schema=$(java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/db/keywarden" -user sa -password sa \
    -sql "SELECT MAX(version) FROM keywarden_schema_history" | sed -n 2p | tr -d ' ')
fi
rm -rf "$out/pc"
cp -R "$work/pc" "$out/pc"
cat > "$out/fixture.env" <<ENV
# Written by make-fixture.sh: the version that wrote this data, and the test values it ran with
FIXTURE_COMMIT=$commit
FIXTURE_DATE=$(git -C "$repo" log -1 --format=%cs "$commit")
FIXTURE_DB=$db
FIXTURE_SCHEMA_VERSION=$schema
FIXTURE_AUDIT_EVENTS=$(echo "$verification" | jq -r .events)
FIXTURE_ENROLLMENT_SECRET=$enrollment_secret
FIXTURE_ADMIN_PASSWORD=$admin_password
FIXTURE_HELPDESK_PASSWORD=$helpdesk_password
ENV
log "wrote $out ($db): schema version $schema, $(wc -l < "$out/keys.tsv") keys, $(echo "$verification" | jq -r .events) audit events"
