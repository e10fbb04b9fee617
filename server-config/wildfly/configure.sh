#!/usr/bin/env bash
# Applies Keywarden's configuration to an unpacked WildFly, offline (embedded CLI), from a pristine
# copy of standalone.xml each time, so it can be run again safely.
#
#   configure.sh JBOSS_HOME [--db h2|postgresql|sqlserver] [--config standalone-NAME.xml]
#                [--drivers DIR] [--property name=value]... [--base-dir DIR]
#
# --db defaults from KEYWARDEN_DB_URL (jdbc:postgresql:... or jdbc:sqlserver:...), else h2.
# --drivers is where postgresql-*.jar / mssql-jdbc-*.jar are (the Maven build copies them there).
# --property adds a system property to the configuration (tests use keywarden.h2.options).
# KEYWARDEN_LOG_FORMAT=json writes server.log and the console as one JSON object per line (default text).
# --base-dir is the server's own directory (jboss.server.base.dir: configuration, data, log, deployments),
#   made from JBOSS_HOME/standalone when it is missing; default JBOSS_HOME/standalone itself. A release
#   keeps it in the data directory, so that JBOSS_HOME is never written once its drivers are installed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jboss_home=${1:?usage: configure.sh JBOSS_HOME [--db h2|postgresql|sqlserver] [--config FILE] [--drivers DIR]}
shift
db=""
config=standalone.xml
drivers=""
properties=()
base=""
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --config) config=$2; shift 2 ;;
    --drivers) drivers=$2; shift 2 ;;
    --property) properties+=("$2"); shift 2 ;;
    --base-dir) base=$2; shift 2 ;;
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

case "${KEYWARDEN_LOG_FORMAT:-text}" in
  text|json) ;;
  *) echo "configure.sh: KEYWARDEN_LOG_FORMAT must be text or json" >&2; exit 2 ;;
esac

template="$jboss_home/standalone/configuration"
[ -f "$template/standalone.xml.pristine" ] || cp "$template/standalone.xml" "$template/standalone.xml.pristine"
base=${base:-$jboss_home/standalone}
if [ ! -d "$base/configuration" ]; then
  mkdir -p "$base"
  cp -R "$template" "$base/configuration"
  rm -rf "$base/configuration/standalone_xml_history"
fi
config_dir="$base/configuration"
cp "$template/standalone.xml.pristine" "$config_dir/$config"

install_module() { # name jar dependencies...
  local name=$1 jar=$2; shift 2
  local dir="$jboss_home/modules/${name//.//}/main"
  cmp -s "$jar" "$dir/driver.jar" && [ -f "$dir/module.xml" ] && return 0   # installed already
  mkdir -p "$dir"
  cp "$jar" "$dir/driver.jar"
  {
    echo "<module xmlns=\"urn:jboss:module:1.9\" name=\"$name\">"
    echo "  <resources><resource-root path=\"driver.jar\"/></resources>"
    echo "  <dependencies>"
    for dep in "$@"; do echo "    <module name=\"$dep\"/>"; done
    echo "  </dependencies>"
    echo "</module>"
  } > "$dir/module.xml"
}
find_driver() { # pattern
  local jar
  jar=$(ls "${drivers:-.}"/$1 2>/dev/null | head -n 1 || true)
  [ -n "$jar" ] || { echo "configure.sh: no $1 in ${drivers:-.} (pass --drivers DIR)" >&2; exit 2; }
  echo "$jar"
}
case "$db" in
  h2) ;;
  postgresql) install_module org.postgresql "$(find_driver 'postgresql-*.jar')" \
                java.logging java.sql java.naming java.security.jgss jakarta.transaction.api ;;
  sqlserver) install_module com.microsoft.sqlserver "$(find_driver 'mssql-jdbc-*.jar')" \
                java.logging java.sql java.naming java.xml java.security.jgss jakarta.transaction.api ;;
  *) echo "configure.sh: --db must be h2, postgresql or sqlserver" >&2; exit 2 ;;
esac

# The server runs in UTC, so that no local daylight-saving gap can shift a stored time.
conf="$jboss_home/bin/standalone.conf"
grep -q 'user.timezone=UTC' "$conf" || echo 'JAVA_OPTS="$JAVA_OPTS -Duser.timezone=UTC"  # Keywarden' >> "$conf"

script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
  echo "embed-server --server-config=$config --std-out=discard"
  cat "$here/keywarden.cli"
  cat "$here/datasource-$db.cli"
  if [ "${KEYWARDEN_LOG_FORMAT:-text}" = json ]; then
    echo '/subsystem=logging/json-formatter=KEYWARDEN-JSON:add(exception-output-type=formatted)'
    echo '/subsystem=logging/periodic-rotating-file-handler=FILE:write-attribute(name=named-formatter,value=KEYWARDEN-JSON)'
    echo '/subsystem=logging/console-handler=CONSOLE:write-attribute(name=named-formatter,value=KEYWARDEN-JSON)'
  fi
  for p in "${properties[@]+"${properties[@]}"}"; do
    echo "/system-property=${p%%=*}:add(value=\"${p#*=}\")"
  done
  echo "stop-embedded-server"
} > "$script"
# The server logs its first lines, before the logging subsystem is up, with logging.properties, which the
# embedded server does not rewrite: it gets the chosen format too, so that every line of server.log has it,
# and its file name back as the template has it (a server rewrites it to its own log's path).
boot_logging="$config_dir/logging.properties"
if [ -f "$boot_logging" ]; then
  sed -i -e 's|^handler\.FILE\.fileName=.*|handler.FILE.fileName=${org.jboss.boot.log.file:server.log}|' "$boot_logging"
  if [ "${KEYWARDEN_LOG_FORMAT:-text}" = json ]; then
    sed -i -e 's/^handler\.CONSOLE\.formatter=.*/handler.CONSOLE.formatter=KEYWARDEN-JSON/' \
           -e 's/^handler\.FILE\.formatter=.*/handler.FILE.formatter=KEYWARDEN-JSON/' "$boot_logging"
    grep -q '^formatter\.KEYWARDEN-JSON=' "$boot_logging" || cat >> "$boot_logging" <<'PROPERTIES'
formatter.KEYWARDEN-JSON=org.jboss.logmanager.formatters.JsonFormatter
formatter.KEYWARDEN-JSON.properties=exceptionOutputType,prettyPrint,recordDelimiter
formatter.KEYWARDEN-JSON.exceptionOutputType=FORMATTED
formatter.KEYWARDEN-JSON.prettyPrint=false
formatter.KEYWARDEN-JSON.recordDelimiter=\n
PROPERTIES
  else
    sed -i -e 's/^handler\.CONSOLE\.formatter=.*/handler.CONSOLE.formatter=COLOR-PATTERN/' \
           -e 's/^handler\.FILE\.formatter=.*/handler.FILE.formatter=PATTERN/' "$boot_logging"
  fi
fi

# The embedded server's own log goes beside the CLI's output, not into the server's server.log (which then
# holds only what the server itself logged, in the chosen format).
JAVA_OPTS="${JAVA_OPTS:-} -Djboss.server.base.dir=$base -Djboss.server.log.dir=$base/configure-log" \
  "$jboss_home/bin/jboss-cli.sh" --file="$script" > "$base/configure-$db.log" 2>&1 || {
  cat "$base/configure-$db.log" >&2
  echo "configure.sh: the WildFly CLI failed (see above)" >&2
  exit 1
}

echo "Keywarden: configured $jboss_home ($config) for $db"
