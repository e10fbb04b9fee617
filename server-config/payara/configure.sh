#!/usr/bin/env bash
# Applies Keywarden's configuration to an unpacked Payara Server 6, from a pristine copy of domain1
# each time (so it can be run again safely): copies it as domain NAME with its ports moved to
# PORTBASE + n (as create-domain --portbase would, without create-domain's slow certificate copying),
# adds the JDBC driver, then starts the domain once to run the asadmin scripts beside this file
# (keywarden.asadmin, datasource-DB.asadmin) and stops it again.
#
#   configure.sh PAYARA_HOME [--db h2|postgresql|sqlserver] [--domain NAME] [--portbase N]
#                [--drivers DIR] [--admin-password-file FILE] [--property name=value]...
#
# --db defaults from KEYWARDEN_DB_URL (jdbc:postgresql:... or jdbc:sqlserver:...), else h2.
# --domain defaults to keywarden (start it with PAYARA_HOME/bin/asadmin start-domain NAME).
# --portbase defaults to 8000: HTTP 8080, HTTPS 8081, admin 8048 (asadmin --port 8048 ...).
# --drivers is where postgresql-*.jar / mssql-jdbc-*.jar are (the Maven build copies them there).
# --admin-password-file: the administration password (the file's first line, at least 12 characters;
#   or KEYWARDEN_PAYARA_ADMIN_PASSWORD from the environment); without either one is generated. Either way it is kept for asadmin in DOMAIN/config/admin-password
#   (AS_ADMIN_PASSWORD=..., owner-only): asadmin --user admin --passwordfile THAT_FILE --port ADMIN_PORT ...
#   The administration listener accepts connections from this machine only (127.0.0.1), as WildFly's
#   management does; Payara's own "admin" with an empty password is gone.
# --property adds a system property to the configuration (tests may use keywarden.h2.options).
# The server reads KEYWARDEN_DATA_DIR, KEYWARDEN_DB_URL/USER/PASSWORD, KEYWARDEN_ENROLLMENT_SECRET and
# KEYWARDEN_BIND_ADDRESS from its environment at every start.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
usage="usage: configure.sh PAYARA_HOME [--db h2|postgresql|sqlserver] [--domain NAME] [--portbase N] [--drivers DIR] [--admin-password-file FILE] [--property name=value]..."
payara_home=${1:?$usage}
shift
db=""
domain=keywarden
portbase=8000
drivers=""
admin_password_file=""
properties=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --domain) domain=$2; shift 2 ;;
    --portbase) portbase=$2; shift 2 ;;
    --drivers) drivers=$2; shift 2 ;;
    --admin-password-file) admin_password_file=$2; shift 2 ;;
    --property) properties+=("$2"); shift 2 ;;
    *) echo "configure.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$db" ]; then
  case "${KEYWARDEN_DB_URL:-}" in
    jdbc:postgresql:*) db=postgresql ;;
    jdbc:sqlserver:*) db=sqlserver ;;
    "") db=h2 ;;
    *) echo "configure.sh: KEYWARDEN_DB_URL must be a jdbc:postgresql: or jdbc:sqlserver: URL" >&2; exit 2 ;;
  esac
fi
find_driver() { # pattern
  local jar
  jar=$(ls "${drivers:-.}"/$1 2>/dev/null | head -n 1 || true)
  [ -n "$jar" ] || { echo "configure.sh: no $1 in ${drivers:-.} (pass --drivers DIR)" >&2; exit 2; }
  echo "$jar"
}
case "$db" in
  h2) driver="" ;; # Payara's own h2db/bin/h2.jar is on the server's class path
  postgresql) driver=$(find_driver 'postgresql-*.jar') ;;
  sqlserver) driver=$(find_driver 'mssql-jdbc-*.jar') ;;
  *) echo "configure.sh: --db must be h2, postgresql or sqlserver" >&2; exit 2 ;;
esac
[[ "$domain" =~ ^[A-Za-z0-9_-]+$ ]] && [ "$domain" != domain1 ] \
  || { echo "configure.sh: --domain must be a plain name other than domain1 (the pristine template)" >&2; exit 2; }
[[ "$portbase" =~ ^[0-9]+$ ]] && [ "$portbase" -ge 1024 ] && [ "$portbase" -le 65435 ] \
  || { echo "configure.sh: --portbase must be a number from 1024 to 65435" >&2; exit 2; }

if [ -n "$admin_password_file" ]; then
  [ -r "$admin_password_file" ] || { echo "configure.sh: cannot read $admin_password_file" >&2; exit 2; }
  admin_password=$(head -n 1 "$admin_password_file")
elif [ -n "${KEYWARDEN_PAYARA_ADMIN_PASSWORD:-}" ]; then
  admin_password=$KEYWARDEN_PAYARA_ADMIN_PASSWORD
else
  admin_password=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')
fi
[ ${#admin_password} -ge 12 ] || { echo "configure.sh: the administration password must be at least 12 characters" >&2; exit 2; }
# asadmin reads its password file as Java properties, where a backslash would be taken as an escape
case "$admin_password" in *\\*) echo "configure.sh: the administration password must not contain a backslash" >&2; exit 2 ;; esac

asadmin="$payara_home/bin/asadmin"
[ -f "$asadmin" ] || { echo "configure.sh: no $asadmin (is $payara_home an unpacked Payara?)" >&2; exit 2; }
if [ -z "${AS_JAVA:-}" ] && [ -n "${JAVA_HOME:-}" ]; then export AS_JAVA=$JAVA_HOME; fi
domains="$payara_home/glassfish/domains"
pristine="$payara_home/glassfish/domain1.pristine"
dir="$domains/$domain"
[ -d "$pristine" ] || cp -a "$domains/domain1" "$pristine"
if [ -d "$dir" ]; then
  sh "$asadmin" stop-domain "$domain" > /dev/null 2>&1 || true
  rm -rf "$dir"
fi
cp -a "$pristine" "$dir"
rm -rf "$dir"/{osgi-cache,generated,applications,session-store,logs} "$dir"/config/pid*
[ -z "$driver" ] || cp "$driver" "$dir/lib/"

# Ports: PORTBASE plus the offsets create-domain --portbase uses; each default must be there to move.
xml="$dir/config/domain.xml"
move_port() { # text-before-port default-port offset
  local before=$1 old=$2 new=$((portbase + $3))
  grep -qF "$before$old" "$xml" || { echo "configure.sh: no $before$old in $xml (domain1 changed?)" >&2; exit 1; }
  sed -i "s|${before//./\\.}$old\\b|$before$new|g" "$xml"
}
move_port 'port="' 4848 48            # admin
move_port 'port="' 8080 80            # HTTP
move_port 'port="' 8181 81            # HTTPS
move_port 'port="' 3700 37            # IIOP
move_port 'port="' 3820 38            # IIOP/SSL
move_port 'port="' 3920 39            # IIOP/SSL with client authentication
move_port 'port="' 8686 86            # JMX
move_port 'name="JMS_PROVIDER_PORT" value="' 7676 76
move_port 'address=' 9009 9           # debugger
move_port 'osgi.shell.telnet.port=' 6666 66
move_port 'start-port="' 5900 59      # Hazelcast
move_port 'das-port="' 4900 49        # Hazelcast on the DAS
sed -i "s|name=\"administrative.domain.name\" value=\"domain1\"|name=\"administrative.domain.name\" value=\"$domain\"|" "$xml"
# Hazelcast off already for the one start below (keywarden.asadmin turns it off for good): saves seconds.
sed -i '0,/<hazelcast-config-specific-configuration>/s//<hazelcast-config-specific-configuration enabled="false">/' "$xml"
admin_port=$((portbase + 48))

script="$dir/config/keywarden-configure.asadmin"
log="$dir/logs/keywarden-configure.log"
{
  sed "s|@DEFAULT_DATA_DIR@|${HOME:?}/.keywarden|g" "$here/keywarden.asadmin"
  cat "$here/datasource-$db.asadmin"
  for p in "${properties[@]+"${properties[@]}"}"; do
    echo "create-system-properties '${p%%=*}=\"${p#*=}\"'"
  done
} > "$script"
mkdir -p "$dir/logs"
: > "$log"
fail() {
  cat "$log" >&2
  echo "configure.sh: $1 (see above and $dir/logs/server.log)" >&2
  sh "$asadmin" stop-domain "$domain" > /dev/null 2>&1 || true
  exit 1
}
# multimode goes on after a failed command and exits 0, so its output is checked too.
sh "$asadmin" start-domain "$domain" >> "$log" 2>&1 || fail "the domain did not start"
sh "$asadmin" --port "$admin_port" multimode --file "$script" >> "$log" 2>&1 || fail "asadmin failed"
! grep -E "^Command .* failed|remote failure" "$log" > /dev/null || fail "an asadmin command failed"
# Last, so that the commands above still ran as Payara's password-less admin.
password_file="$dir/config/admin-password"
change_file="$dir/config/admin-password.change"
(umask 077
 printf 'AS_ADMIN_PASSWORD=\nAS_ADMIN_NEWPASSWORD=%s\n' "$admin_password" > "$change_file"
 printf 'AS_ADMIN_PASSWORD=%s\n' "$admin_password" > "$password_file")
sh "$asadmin" --port "$admin_port" --user admin --passwordfile "$change_file" change-admin-password >> "$log" 2>&1 \
  || { rm -f "$change_file"; fail "the administration password could not be set"; }
rm -f "$change_file"
sh "$asadmin" stop-domain "$domain" >> "$log" 2>&1 || fail "the domain did not stop"
echo "Keywarden: configured $payara_home domain $domain for $db (HTTP port $((portbase + 80)), admin port $admin_port on 127.0.0.1, password for asadmin in $password_file)"
