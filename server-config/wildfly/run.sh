#!/usr/bin/env bash
# Configures an unpacked WildFly for Keywarden and runs it in the foreground (Ctrl+C stops it).
#   run.sh JBOSS_HOME [configure.sh options]
# Environment: KEYWARDEN_DATA_DIR, KEYWARDEN_DB_URL/USER/PASSWORD, KEYWARDEN_ENROLLMENT_SECRET,
# KEYWARDEN_BIND_ADDRESS (default 127.0.0.1; 0.0.0.0 to accept devices from the network).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jboss_home=${1:?usage: run.sh JBOSS_HOME [configure.sh options]}
"$here/configure.sh" "$@"
data=${KEYWARDEN_DATA_DIR:-$HOME/.keywarden}
bind=${KEYWARDEN_BIND_ADDRESS:-127.0.0.1}
host=$([ "$bind" = "0.0.0.0" ] && echo localhost || echo "$bind")
admin_password=$([ -n "${KEYWARDEN_ADMIN_PASSWORD:-}" ] && echo "from KEYWARDEN_ADMIN_PASSWORD" \
  || { [ -f "$data/initial-admin-password" ] && echo "cat $data/initial-admin-password" \
  || echo "cat $data/initial-admin-password   (generated at first start; delete the file once stored)"; })
backup=""
if [ -z "${KEYWARDEN_ENCRYPTION_KEYSTORE:-}" ]; then
  backup="
    Encryption keystore: $data/encryption/ (generated at first start). Unless you did already, BACK IT UP
                 now (without it no stored key can ever be read), then confirm: keywarden-admin encryption
                 confirm-backup --yes   (keywarden-admin encryption status tells; docs/disaster-recovery.md)"
fi
cat <<BANNER

  Keywarden is starting (WildFly; stop it with Ctrl+C)
    Portal:      http://${KEYWARDEN_HTTP_BIND_ADDRESS:-127.0.0.1}:8080/   and   https://$host:8443/
                 sign in as admin; the helpdesk recovers a drive at /helpdesk/
    Admin password:    $admin_password
    Device API:  https://$host:8443/api/v1 (self-signed certificate until you install yours)
                 http://${KEYWARDEN_HTTP_BIND_ADDRESS:-127.0.0.1}:8080/api/v1 (plain HTTP: this machine only by default)
    OpenAPI:     https://$host:8443/openapi.yaml
    Data:        $data ${KEYWARDEN_DB_URL:+(database: $KEYWARDEN_DB_URL)}
    Enrollment secret: $([ -n "${KEYWARDEN_ENROLLMENT_SECRET:-}" ] && echo "from KEYWARDEN_ENROLLMENT_SECRET" || echo "cat $data/enrollment-secret   (generated at first start)")$backup

BANNER
exec "$jboss_home/bin/standalone.sh" -b "$bind"
