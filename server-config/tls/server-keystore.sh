#!/usr/bin/env bash
# The HTTPS key pair of a Keywarden server, generated once into DATA_DIR/tls/ (owner-only):
#   keystore.p12         ECDSA P-256 key and self-signed certificate (825 days), subject alternative
#                        names from KEYWARDEN_HOSTNAMES (comma-separated names or IP addresses; default
#                        the machine's name and localhost), the first name also its CN;
#   keystore.properties  keywarden.tls.keystore.password=... (random; the server reads it with -P);
#   certificate.pem      the certificate alone, for agents to trust (--trust-store);
#   certificate.sha256   its SHA-256 fingerprint, for agents to pin (--server-certificate-sha256).
# Nothing is changed when they exist. A keystore without its properties file (WildFly's own, with the
# password "password") is moved aside and replaced. Prints the properties file's path.
#
#   server-keystore.sh DATA_DIR
set -euo pipefail
data=${1:?usage: server-keystore.sh DATA_DIR}
tls="$data/tls"
keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool
umask 077
mkdir -p "$tls"
chmod 700 "$tls"
keystore="$tls/keystore.p12"
properties="$tls/keystore.properties"
run_keytool() { # keytool's messages only when it fails
  local output
  output=$("$keytool" "$@" 2>&1) || { echo "server-keystore.sh: keytool failed: $output" >&2; return 1; }
}
export_certificate() { # KEYSTORE PASSWORD_FILE: certificate.pem and certificate.sha256 beside it
  run_keytool -exportcert -rfc -alias keywarden -keystore "$1" -storepass:file "$2" -file "$tls/certificate.pem"
  "$keytool" -printcert -file "$tls/certificate.pem" | sed -n 's/^[[:space:]]*SHA256: *//p' | tr -d ':' \
    | tr 'A-F' 'a-f' > "$tls/certificate.sha256"
  [ -s "$tls/certificate.sha256" ] || { echo "server-keystore.sh: no fingerprint from keytool" >&2; return 1; }
}
if [ -f "$keystore" ] && [ -f "$properties" ]; then
  if [ ! -s "$tls/certificate.pem" ] || [ ! -s "$tls/certificate.sha256" ]; then
    existing=$(mktemp "$tls/.password.XXXXXX")
    sed -n 's/^keywarden\.tls\.keystore\.password=//p' "$properties" | tr -d '\n' > "$existing"
    export_certificate "$keystore" "$existing" || { rm -f "$existing"; exit 1; }
    rm -f "$existing"
  fi
  echo "$properties"
  exit 0
fi
if [ -f "$keystore" ]; then
  mv "$keystore" "$keystore.replaced-$(date +%Y%m%d%H%M%S)"
fi
names=${KEYWARDEN_HOSTNAMES:-$(hostname -f 2>/dev/null || hostname),localhost}
san=""
first=""
IFS=',' read -r -a entries <<< "$names"
for entry in "${entries[@]}"; do
  name=$(echo "$entry" | tr -d '[:space:]')
  [ -n "$name" ] || continue
  if [[ "$name" =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ || "$name" == *:* ]]; then
    kind=ip
  elif [[ "$name" =~ ^[A-Za-z0-9*]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]]; then
    kind=dns
  elif [ -z "${KEYWARDEN_HOSTNAMES:-}" ]; then
    echo "server-keystore.sh: this machine's name '$name' is no DNS name; left out (set KEYWARDEN_HOSTNAMES)" >&2
    continue
  else
    echo "server-keystore.sh: KEYWARDEN_HOSTNAMES: '$name' is neither a host name nor an IP address" >&2
    exit 2
  fi
  case ",$san," in *",$kind:$name,"*) continue ;; esac
  san="${san:+$san,}$kind:$name"
  first=${first:-$name}
done
[ -n "$san" ] || { echo "server-keystore.sh: KEYWARDEN_HOSTNAMES names no host" >&2; exit 2; }
password=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')
secret=$(mktemp "$tls/.password.XXXXXX")
trap 'rm -f "$secret" "$keystore.new"' EXIT
printf '%s' "$password" > "$secret"
run_keytool -genkeypair -alias keywarden -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -validity 825 \
  -dname "CN=$first" -ext "SAN=$san" -storetype PKCS12 -keystore "$keystore.new" \
  -storepass:file "$secret" -keypass:file "$secret"
export_certificate "$keystore.new" "$secret"
printf 'keywarden.tls.keystore.password=%s\n' "$password" > "$properties.new"
mv "$keystore.new" "$keystore"
mv "$properties.new" "$properties"
echo "$properties"
