#!/usr/bin/env bash
# Configures an unpacked WildFly for Keywarden and runs it in the foreground (Ctrl+C stops it).
#   run.sh JBOSS_HOME [configure.sh options]
# Environment: KEYWARDEN_DATA_DIR, KEYWARDEN_DB_URL/USER/PASSWORD, KEYWARDEN_ENROLLMENT_SECRET,
# KEYWARDEN_BIND_ADDRESS (default 127.0.0.1; 0.0.0.0 to accept devices from the network),
# KEYWARDEN_HOSTNAMES (the names the HTTPS certificate is made for, at the first start).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jboss_home=${1:?usage: run.sh JBOSS_HOME [configure.sh options]}
"$here/configure.sh" "$@"
data=${KEYWARDEN_DATA_DIR:-$HOME/.keywarden}
# the HTTPS key pair, generated at the first start; WildFly reads its password from this file
tls_properties=$("$here/../tls/server-keystore.sh" "$data")
bind=${KEYWARDEN_BIND_ADDRESS:-127.0.0.1}
host=$( { [ "$bind" = "0.0.0.0" ] || [ "$bind" = "127.0.0.1" ]; } && echo localhost || echo "$bind")  # a name the certificate carries
backup=""
if [ -z "${KEYWARDEN_ENCRYPTION_KEYSTORE:-}" ]; then
  backup="
    Encryption keystore: $data/encryption/ (generated at first start). Unless you did already, BACK IT UP
                 now (without it no stored key can ever be read), then confirm: keywarden-admin encryption
                 confirm-backup --yes   (keywarden-admin encryption status tells; docs/disaster-recovery.md)"
fi
# printed when the server starts and again once it answers; the admin password file exists only after a first start
banner() {
  local admin_password
  admin_password=$([ -n "${KEYWARDEN_ADMIN_PASSWORD:-}" ] && echo "from KEYWARDEN_ADMIN_PASSWORD" \
    || { [ -f "$data/initial-admin-password" ] && echo "cat $data/initial-admin-password   (delete it once stored)" \
    || echo "cat $data/initial-admin-password   (generated at first start; delete the file once stored)"; })
cat <<BANNER

  Keywarden is $1 (WildFly; stop it with Ctrl+C)
    Portal:      http://${KEYWARDEN_HTTP_BIND_ADDRESS:-127.0.0.1}:8080/   and   https://$host:8443/
                 sign in as admin; the helpdesk recovers a drive at /helpdesk/
    Admin password:    $admin_password
    Device API:  https://$host:8443/api/v1 (self-signed certificate for ${KEYWARDEN_HOSTNAMES:-$(hostname) and localhost}:
                 agents trust $data/tls/certificate.pem or pin --server-certificate-sha256 $(cat "$data/tls/certificate.sha256"))
                 http://${KEYWARDEN_HTTP_BIND_ADDRESS:-127.0.0.1}:8080/api/v1 (plain HTTP: this machine only by default)
    OpenAPI:     https://$host:8443/openapi.yaml
    Data:        $data ${KEYWARDEN_DB_URL:+(database: $KEYWARDEN_DB_URL)}
    Enrollment secret: $([ -n "${KEYWARDEN_ENROLLMENT_SECRET:-}" ] && echo "from KEYWARDEN_ENROLLMENT_SECRET" || echo "cat $data/enrollment-secret   (generated at first start)")$backup

BANNER
}
banner starting
# The server's log is long; once it answers, the banner is printed again, last, where a first start sees it.
"$jboss_home/bin/standalone.sh" -b "$bind" -P="file:$tls_properties" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server"; exit 130' INT TERM
for _ in $(seq 1 180); do
  if ! kill -0 "$server" 2>/dev/null; then
    wait "$server"; exit $?
  fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://${KEYWARDEN_HTTP_BIND_ADDRESS:-127.0.0.1}:8080/api/v1/health" 2>/dev/null)" = 200 ]; then
    banner ready
    break
  fi
  sleep 1
done
wait "$server"
