#!/usr/bin/env bash
# Configures an unpacked Payara Server 6 for Keywarden, deploys the EAR and runs the server in the
# foreground (Ctrl+C stops it).
#   run.sh PAYARA_HOME EAR [configure.sh options]
# Environment: KEYWARDEN_DATA_DIR, KEYWARDEN_DB_URL/USER/PASSWORD, KEYWARDEN_ENROLLMENT_SECRET,
# KEYWARDEN_BIND_ADDRESS (default 127.0.0.1; 0.0.0.0 to accept devices from the network).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
payara_home=${1:?usage: run.sh PAYARA_HOME EAR [configure.sh options]}
ear=${2:?usage: run.sh PAYARA_HOME EAR [configure.sh options]}
[ -f "$ear" ] || { echo "run.sh: no EAR at $ear" >&2; exit 2; }
shift 2
"$here/configure.sh" "$payara_home" "$@"
domain=keywarden
portbase=8000
while [ $# -gt 0 ]; do
  case "$1" in
    --domain) domain=$2; shift 2 ;;
    --portbase) portbase=$2; shift 2 ;;
    *) shift ;;
  esac
done
# Deployed when the server has started (and again whenever the file changes).
mkdir -p "$payara_home/glassfish/domains/$domain/autodeploy"
cp "$ear" "$payara_home/glassfish/domains/$domain/autodeploy/keywarden.ear"
data=${KEYWARDEN_DATA_DIR:-$HOME/.keywarden}
bind=${KEYWARDEN_BIND_ADDRESS:-127.0.0.1}
host=$([ "$bind" = "0.0.0.0" ] && echo localhost || echo "$bind")
cat <<BANNER

  Keywarden is starting (Payara Server, domain $domain; stop it with Ctrl+C)
    Device API:  http://$host:$((portbase + 80))/api/v1   and   https://$host:$((portbase + 81))/api/v1 (self-signed certificate)
    OpenAPI:     http://$host:$((portbase + 80))/openapi.yaml
    Data:        $data ${KEYWARDEN_DB_URL:+(database: $KEYWARDEN_DB_URL)}
    Administration (this machine only): asadmin --port $((portbase + 48)) --user admin --passwordfile $payara_home/glassfish/domains/$domain/config/admin-password
    Enrollment secret: $([ -n "${KEYWARDEN_ENROLLMENT_SECRET:-}" ] && echo "from KEYWARDEN_ENROLLMENT_SECRET" || echo "cat $data/enrollment-secret   (generated at first start)")

BANNER
exec sh "$payara_home/bin/asadmin" start-domain --verbose "$domain"
