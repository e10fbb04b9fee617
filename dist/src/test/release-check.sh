#!/usr/bin/env bash
# The release as an administrator gets it: keywarden-<version>.zip unpacked in an empty directory, started with
# bin/keywarden and nothing from Maven (a fresh HOME, no Maven settings or repository), used by the release's
# own agent and admin CLI over HTTPS, stopped gracefully, started again with its data kept. Run as root (CI),
# the release stays owned by root and the server runs as nobody, as the systemd unit runs it as a user of its
# own: it must write nothing outside its data directory, and everything in there must be that user's.
# Also checks that THIRD-PARTY.txt lists every third-party jar the release bundles.
#   release-check.sh ZIP TAR_GZ LOCAL_REPOSITORY   (ports 8080/8443/9990 + KEYWARDEN_PORT_OFFSET, default 900)
# LOCAL_REPOSITORY: the Maven repository of the build, only to read the listed libraries' classes.
set -uo pipefail
usage="usage: release-check.sh ZIP TAR_GZ LOCAL_REPOSITORY"
zip=${1:?$usage}
tgz=${2:?$usage}
repo=${3:?$usage}
check=release-check
# shellcheck source=release-env.sh
. "$(dirname "$0")/release-env.sh"

chmod 755 "$work"
mkdir -p "$work/home" "$work/release" "$work/pc"
install -d -m 700 "$work/data"   # as the administrator makes it for the service user
[ ${#as_user[@]} -gt 0 ] && chown nobody "$work/home" "$work/pc" "$work/data"
started=$SECONDS
unzip -q "$zip" -d "$work/release" || fail "cannot unpack $zip"
home=$(ls -d "$work"/release/keywarden-*)
[ -d "$home" ] || fail "the zip has no keywarden-<version>/ directory"

# the .tar.gz holds the same files as the zip
zip_files=$(cd "$work/release" && find . -type f | sed 's|^\./||' | sort | md5sum)
tar_files=$(tar -tzf "$tgz" | grep -v '/$' | sort | md5sum)
[ "$zip_files" = "$tar_files" ] || fail "the .tar.gz and the .zip hold different files"

for f in bin/keywarden bin/keywarden-admin LICENSE NOTICE THIRD-PARTY.txt CHANGELOG.md README.md \
         wildfly/standalone/deployments/keywarden.ear agent/keywarden-agent-cli.jar agent/install.ps1 \
         cli/keywarden-admin.jar server-config/wildfly/configure.sh server-config/tls/server-keystore.sh \
         systemd/keywarden.service systemd/keywarden.env; do
  [ -f "$home/$f" ] || fail "the release lacks $f"
done
for f in bin/keywarden bin/keywarden-admin wildfly/bin/standalone.sh wildfly/bin/jboss-cli.sh server-config/wildfly/configure.sh; do
  [ -x "$home/$f" ] || fail "$f is not executable in the release"
done
grep -q "Apache License" "$home/LICENSE" || fail "LICENSE is not the Apache License"
log "ok: contents ($(du -sm "$zip" | cut -f1) MiB zip)"

# THIRD-PARTY.txt names every third-party jar: the EAR's lib/ (group-artifact-version.jar), the WAR's
# WEB-INF/lib/ (artifact-version[-classifier].jar), the drivers, and what the agent and CLI jars shade in
listed=$(grep -o '([a-zA-Z0-9_.-]*:[a-zA-Z0-9_.-]*:[a-zA-Z0-9_.-]* ' "$home/THIRD-PARTY.txt" | tr -d '( ')
[ -n "$listed" ] || fail "THIRD-PARTY.txt lists nothing"
unlisted=()
listed_as() { # KIND NAME: is NAME (a jar name or group:artifact:version) one of the listed artifacts?
  local gav g a v
  for gav in $listed; do
    IFS=: read -r g a v <<< "$gav"
    case "$1:$2" in
      ear:"$g-$a-$v.jar" | war:"$a-$v.jar" | war:"$a-$v-"*.jar | driver:"$a-$v.jar" | gav:"$g:$a:$v") return 0 ;;
    esac
  done
  return 1
}
ear="$home/wildfly/standalone/deployments/keywarden.ear"
mkdir -p "$work/unpacked"
unzip -q "$ear" -d "$work/unpacked/ear"
unzip -q "$work/unpacked/ear/keywarden-web.war" -d "$work/unpacked/war"
for jar in "$work"/unpacked/ear/lib/*.jar; do
  name=$(basename "$jar"); case "$name" in org.keywarden-*) continue ;; esac
  listed_as ear "$name" || unlisted+=("EAR lib/$name")
done
for jar in "$work"/unpacked/war/WEB-INF/lib/*.jar; do
  name=$(basename "$jar"); listed_as war "$name" || unlisted+=("WAR WEB-INF/lib/$name")
done
for jar in "$home"/drivers/*.jar; do
  name=$(basename "$jar"); listed_as driver "$name" || unlisted+=("drivers/$name")
done
# a shaded jar's classes must all come from listed artifacts (some, such as picocli, carry no pom.properties)
for gav in $listed; do
  IFS=: read -r g a v <<< "$gav"
  jar="$repo/${g//.//}/$a/$v/$a-$v.jar"
  [ -f "$jar" ] && unzip -Z1 "$jar" | grep '\.class$'
done | sort -u > "$work/listed-classes"
for jar in "$home/agent/keywarden-agent-cli.jar" "$home/cli/keywarden-admin.jar"; do
  stray=$(unzip -Z1 "$jar" | grep '\.class$' | grep -v '^org/keywarden/' | sort -u | comm -23 - "$work/listed-classes" | head -n 3)
  [ -z "$stray" ] || unlisted+=("$(basename "$jar"): classes of an unlisted library, such as $(echo $stray)")
done
[ ${#unlisted[@]} -eq 0 ] || fail "bundled but not in THIRD-PARTY.txt: ${unlisted[*]}"
log "ok: THIRD-PARTY.txt lists every bundled third-party jar ($(echo "$listed" | wc -l) entries)"

# start, and serve
touch "$work/before-start"
run "$home/bin/keywarden" start > "$work/start.out" 2>&1 || { cat "$work/start.out"; fail "bin/keywarden start failed"; }
serving=$((SECONDS - started))
run "$home/bin/keywarden" status > /dev/null || fail "bin/keywarden status does not say it serves"
log "ok: serving $serving s after unpacking began"
http="http://127.0.0.1:$((8080 + offset))"
https="https://localhost:$((8443 + offset))"
pin=$(cat "$work/data/tls/certificate.sha256")
curl -sf --cacert "$work/data/tls/certificate.pem" "$https/api/v1/health" > /dev/null || fail "HTTPS with the generated certificate does not serve"
curl -sfL "$http/" | grep -qi 'password' || fail "the portal's sign-in page is not served"
admin_password=$(cat "$work/data/initial-admin-password") || fail "no initial admin password file"

# the release's agent enrolls and escrows over HTTPS with the pinned certificate; the key discloses
agent() {
  run KEYWARDEN_ENROLLMENT_SECRET="$(cat "$work/data/enrollment-secret")" \
    "$java_home/bin/java" -jar "$home/agent/keywarden-agent-cli.jar" --state "$work/pc" --server "$https" \
    --server-certificate-sha256 "$pin" --bitlocker SIMULATED "$@"
}
agent enroll --hostname PC-RELEASE --domain CORP --user 'CORP\alice' > "$work/agent.out" 2>&1 \
  && agent add-volume --type OS --drive C: >> "$work/agent.out" 2>&1 || { cat "$work/agent.out"; fail "the agent could not enroll and escrow"; }
held=$(grep -rhoE '[0-9]{6}(-[0-9]{6}){7}' "$work/pc" | head -n 1)
[ -n "$held" ] || fail "the simulated PC holds no recovery password"
disclose() {
  local key
  key=$(curl -sf -u "admin:$admin_password" "$http/api/v1/recovery-keys?hostname=PC-RELEASE" | jq -r '.keys[0].recoveryKeyId')
  [ -n "$key" ] && [ "$key" != null ] || return 1
  curl -sf -u "admin:$admin_password" -H 'Content-Type: application/json' -X POST \
    "$http/api/v1/recovery-keys/$key/disclosures" -d '{"reason": "LOST_PIN"}' | jq -r .recoveryPassword
}
[ "$(disclose)" = "$held" ] || fail "the key escrowed through the release does not disclose as the PC holds it"
run KEYWARDEN_ADMIN_PASSWORD="$admin_password" "$home/bin/keywarden-admin" --server "$http" audit verify > "$work/verify.out" 2>&1 \
  || { cat "$work/verify.out"; fail "keywarden-admin audit verify failed"; }
log "ok: the release's agent escrowed over pinned HTTPS, the key disclosed, the release's CLI verified the audit"

# a backup through the release's CLI, with more keys in it; copied off the machine
agent add-volume --type FIXED --drive D: >> "$work/agent.out" 2>&1 && agent add-volume --type REMOVABLE --drive E: >> "$work/agent.out" 2>&1 \
  || { cat "$work/agent.out"; fail "the agent could not escrow more keys"; }
held_all=$(grep -rhoE '[0-9]{6}(-[0-9]{6}){7}' "$work/pc" | sort -u)
[ "$(echo "$held_all" | wc -l)" -eq 3 ] || fail "the simulated PC does not hold 3 recovery passwords: $held_all"
disclose_all() {
  local key
  for key in $(curl -sf -u "admin:$admin_password" "$http/api/v1/recovery-keys?hostname=PC-RELEASE" | jq -r '.keys[].recoveryKeyId'); do
    curl -sf -u "admin:$admin_password" -H 'Content-Type: application/json' -X POST \
      "$http/api/v1/recovery-keys/$key/disclosures" -d '{"reason": "LOST_PIN"}' | jq -r .recoveryPassword
  done | sort -u
}
curl -sf -o /dev/null -u "admin:$admin_password" -H 'Content-Type: application/json' -X POST "$http/api/v1/audit/checkpoints" \
  || fail "cannot write an audit checkpoint"
run KEYWARDEN_ADMIN_PASSWORD="$admin_password" "$home/bin/keywarden-admin" --server "$http" --json backup > "$work/backup.json" 2>&1 \
  || { cat "$work/backup.json"; fail "keywarden-admin backup failed"; }
backup_dir=$(jq -r .directory "$work/backup.json")
[ "$(jq -r .databaseIncluded "$work/backup.json")" = true ] && [ "$(jq -r .recoveryKeys "$work/backup.json")" -ge 3 ] \
  && jq -e '.files | any(startswith("audit-checkpoints/"))' "$work/backup.json" > /dev/null \
  || fail "the backup does not hold the database and its keys: $(cat "$work/backup.json")"
grep -qE '[0-9]{6}(-[0-9]{6}){7}' "$work/backup.json" && fail "the backup's answer holds a recovery password"
cp -R "$backup_dir" "$work/backup-copy" || fail "cannot copy the backup $backup_dir"
log "ok: backup of $(jq -r .recoveryKeys "$work/backup.json") key(s) taken: $(jq -r '.files | join(" ")' "$work/backup.json" | cut -c1-200)"

# graceful stop: suspended first, then stopped; nothing left listening
run "$home/bin/keywarden" stop > "$work/stop.out" 2>&1 || { cat "$work/stop.out"; fail "bin/keywarden stop failed"; }
run "$home/bin/keywarden" status > /dev/null; [ $? -eq 3 ] || fail "bin/keywarden status after stop is not 3 (not running)"
server_log="$work/data/server/log/server.log"
grep -q 'WFLYSRV0211' "$server_log" || fail "the stop did not suspend the server first (no WFLYSRV0211 in server.log)"
grep -q 'WFLYSRV0050' "$server_log" || fail "server.log does not say WildFly stopped"
curl -s -o /dev/null -m 2 "$http/api/v1/health" && fail "something still answers on $http after the stop"
log "ok: stopped gracefully"

# again, with the data kept, the way the systemd unit runs it: attached (start --foreground), stopped by
# ExecStop (bin/keywarden stop), the attached process then ends with a status systemd counts as success
run "$home/bin/keywarden" start --foreground > "$work/foreground.out" 2>&1 &
attached=$!
for _ in $(seq 1 180); do
  curl -sf -o /dev/null "$http/api/v1/health" && break
  kill -0 "$attached" 2> /dev/null || { tail -20 "$work/foreground.out"; fail "start --foreground ended before serving"; }
  sleep 1
done
[ "$(disclose_all)" = "$held_all" ] || fail "after a restart the keys do not disclose"
run "$home/bin/keywarden" stop > /dev/null 2>&1 || fail "the stop of the attached server failed"
wait "$attached"; status=$?
case $status in 0|143) ;; *) tail -20 "$work/foreground.out"; fail "start --foreground ended with $status after the stop (the unit accepts 0 and 143)" ;; esac
log "ok: restarted attached (as systemd runs it) with its data, the key still discloses; stopped, status $status"
# a newer release's schema (as after an upgrade of another node): this release refuses to start, writes nothing
h2=$(find "$home/wildfly/modules" -name 'h2-*.jar' | head -n 1)
sql() { "${as_user[@]}" "$java_home/bin/java" -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/db/keywarden" \
  -user sa -password sa -sql "$1"; }
sql "INSERT INTO keywarden_schema_history (version, description, checksum, installed_at) VALUES (9999, 'a later release', 0, 'x')" \
  > /dev/null || fail "cannot add a newer schema version to the H2 database"
audit_events() { sql "SELECT COUNT(*) FROM audit_event" | sed -n 2p | tr -d ' '; }
events_before=$(audit_events)
[[ $events_before =~ ^[0-9]+$ ]] && [ "$events_before" -gt 0 ] || fail "cannot count the audit events ($events_before)"
# refused_start NAME MESSAGE WHY: the start stops, server.log says MESSAGE, and no audit event is written
refused_start() {
  run "$home/bin/keywarden" start > "$work/start-$1.out" 2>&1 && fail "the release started $3"
  run "$home/bin/keywarden" stop > /dev/null 2>&1
  grep -q "$2" "$server_log" || fail "server.log does not say why the start $3 stopped"
  [ "$(audit_events)" = "$events_before" ] || fail "the refused start $3 wrote audit events"
}
refused_start newer "The database schema is at version 9999, newer than this Keywarden release knows" "on a schema newer than it knows"
sql "DELETE FROM keywarden_schema_history WHERE version = 9999" > /dev/null
log "ok: a schema newer than the release stops the start with a clear message, nothing written"
# a migration that differs from the one applied (a hand-edited release): the start stops, naming it
sql "UPDATE keywarden_schema_history SET checksum = checksum + 1 WHERE version = 1" > /dev/null \
  || fail "cannot change the recorded checksum of V1"
refused_start changed "Migration V1 was changed after it was applied" "with a migration changed after it was applied"
sql "UPDATE keywarden_schema_history SET checksum = checksum - 1 WHERE version = 1" > /dev/null
log "ok: a migration changed after it was applied stops the start, naming it, nothing written"

written=$(find "$home" -newer "$work/before-start" | head -n 5)
[ -z "$written" ] || fail "the server wrote into the release directory: $written"

# the machine is lost: data destroyed; the release unpacked afresh elsewhere restores the backup; every key
# discloses as the PC holds it and the audit trail verifies
rm -rf "$work/data" "$home"
unzip -q "$zip" -d "$work/fresh" || fail "cannot unpack the release again"
home=$(ls -d "$work"/fresh/keywarden-*)
install -d -m 700 "$work/data"
if [ ${#as_user[@]} -gt 0 ]; then chown nobody "$work/data"; chown -R nobody "$work/backup-copy"; fi
run "$home/bin/keywarden" restore "$work/backup-copy" > "$work/restore.out" 2>&1 || { cat "$work/restore.out"; fail "bin/keywarden restore failed"; }
run "$home/bin/keywarden" restore "$work/backup-copy" > /dev/null 2>&1 && fail "a second restore over the restored data was not refused"
KEYWARDEN_LOG_FORMAT=json run "$home/bin/keywarden" start > "$work/start-restored.out" 2>&1 \
  || { cat "$work/start-restored.out"; fail "the restored installation does not start"; }
[ "$(disclose_all)" = "$held_all" ] || fail "after the restore the keys do not disclose as the PC holds them"
run KEYWARDEN_ADMIN_PASSWORD="$admin_password" "$home/bin/keywarden-admin" --server "$http" audit verify > "$work/verify2.out" 2>&1 \
  || { cat "$work/verify2.out"; fail "the restored audit trail does not verify"; }
[ "$(cat "$work/data/tls/certificate.sha256")" = "$pin" ] || fail "the restored server has another TLS identity (pinned agents would refuse it)"
agent checkin > "$work/agent-restored.out" 2>&1 || { cat "$work/agent-restored.out"; fail "the PC cannot check in with the restored server"; }
run "$home/bin/keywarden" stop > /dev/null 2>&1 || fail "the stop of the restored server failed"
restored_log="$work/data/server/log/server.log"
jq -e -s 'length > 10' "$restored_log" > /dev/null 2>&1 || fail "with KEYWARDEN_LOG_FORMAT=json, server.log is not one JSON object per line"
jq -r .message "$restored_log" | grep -q 'WFLYSRV0025' || fail "the JSON server.log lacks the start message"
log "ok: KEYWARDEN_LOG_FORMAT=json: server.log is JSON lines ($(wc -l < "$restored_log") lines)"
log "ok: destroyed, restored onto a fresh release: all 3 keys disclose, the audit verifies ($(cut -c1-80 < "$work/verify2.out")), the PC checks in"

if command -v systemd-analyze > /dev/null; then
  # the unit as shipped, with this run's paths
  sed -e "s|/opt/keywarden|$home|g" -e "s|/var/lib/keywarden|$work/data|g" -e "s|/etc/keywarden/keywarden.env|$home/systemd/keywarden.env|" \
      -e "s|^User=keywarden|User=nobody|" -e "s|^Group=keywarden|Group=nogroup|" "$home/systemd/keywarden.service" > "$work/keywarden.service"
  problems=$(systemd-analyze verify "$work/keywarden.service" 2>&1 | grep -v 'Special user nobody configured')
  [ -z "$problems" ] || fail "systemd-analyze verify: $problems"
  log "ok: systemd-analyze verify accepts systemd/keywarden.service"
else
  log "systemd-analyze not installed: the unit file was not verified"
fi
[ -e "$work/home/.m2" ] && fail "something used Maven (\$HOME/.m2 appeared)"
log "ok: no Maven used"
if [ ${#as_user[@]} -gt 0 ]; then
  foreign=$(find "$work/data" ! -user nobody | head -n 5)
  [ -z "$foreign" ] || fail "files in the data directory that are not the server user's: $foreign"
  open=$(find "$work/data" -perm /o=rwx | head -n 5)
  [ -z "$open" ] || fail "files in the data directory that other users can use: $open"
  log "ok: ran as nobody; wrote only in its data directory, all of it nobody's and closed to others"
fi
log "PASS"
