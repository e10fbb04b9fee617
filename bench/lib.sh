# Shared by bench/run.sh and bench/pg-restart.sh (sourced, not run): a throwaway WildFly with the
# Keywarden EAR on port offset 700 (HTTP 8780, management 10690) and a throwaway PostgreSQL on 55777.
# Every start is bounded in time; kw_cleanup (the scripts' EXIT trap) stops whatever was started.
#
# Inputs (environment, all optional):
#   KEYWARDEN_EAR          default ear/target/keywarden.ear
#   KEYWARDEN_LOADGEN_JAR  default loadgen/target/keywarden-loadgen.jar
#   WILDFLY_DIST           default ~/.m2/repository/org/wildfly/wildfly-dist/39.0.1.Final/wildfly-dist-39.0.1.Final.zip
#   POSTGRESQL_JAR         default ~/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar

kw_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kw_offset=700
kw_url="http://127.0.0.1:$((8080 + kw_offset))"
kw_pg_port=55777
kw_pg_url="jdbc:postgresql://127.0.0.1:$kw_pg_port/keywarden"
kw_pg_user=keywarden
kw_pg_password=keywarden-test   # set by server-config/postgresql/test-server.sh
kw_ear=${KEYWARDEN_EAR:-$kw_root/ear/target/keywarden.ear}
kw_jar=${KEYWARDEN_LOADGEN_JAR:-$kw_root/loadgen/target/keywarden-loadgen.jar}
kw_dist=${WILDFLY_DIST:-$HOME/.m2/repository/org/wildfly/wildfly-dist/39.0.1.Final/wildfly-dist-39.0.1.Final.zip}
kw_pg_jar=${POSTGRESQL_JAR:-$HOME/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar}
kw_started_jboss=()   # JBOSS_HOMEs whose server this script started
kw_started_pg=()      # PostgreSQL directories this script started

kw_log() { echo "$(date +%H:%M:%S) $*" >&2; }

# Checks the inputs exist and nothing already listens on our ports.
kw_preflight() { # needs_pg(0|1)
  local f
  for f in "$kw_ear" "$kw_jar" "$kw_dist"; do
    [ -f "$f" ] || { kw_log "missing $f (build: cd loadgen && mvn -q install; mvn -q install -DskipTests -pl persistence,ejb,web,ear)"; return 1; }
  done
  if [ "${1:-0}" = 1 ]; then
    [ -f "$kw_pg_jar" ] || { kw_log "missing $kw_pg_jar (POSTGRESQL_JAR)"; return 1; }
    ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || { kw_log "PostgreSQL server binaries not found (apt-get install postgresql)"; return 1; }
    if (exec 3<>"/dev/tcp/127.0.0.1/$kw_pg_port") 2>/dev/null; then kw_log "port $kw_pg_port is in use"; return 1; fi
  fi
  local p
  for p in $((8080 + kw_offset)) $((9990 + kw_offset)) $((8443 + kw_offset)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then kw_log "port $p is in use (another server on offset $kw_offset?)"; return 1; fi
  done
}

# Unpacks WildFly into DIR and prints its JBOSS_HOME; the EAR is copied into its deployments.
kw_unpack() { # DIR
  rm -rf "$1" && mkdir -p "$1"
  unzip -q "$kw_dist" -d "$1"
  local home; home=$(ls -d "$1"/wildfly-* | head -n 1)
  cp "$kw_ear" "$home/standalone/deployments/keywarden.ear"
  echo "$home"
}

kw_configure() { # JBOSS_HOME h2|postgresql
  local drivers
  drivers=$(mktemp -d)
  cp "$kw_pg_jar" "$drivers/"
  "$kw_root/server-config/wildfly/configure.sh" "$1" --db "$2" --drivers "$drivers" >&2
  local rc=$?
  rm -rf "$drivers"
  return $rc
}

# One throwaway Keywarden for a single-server script: WildFly with the EAR in WORK_DIR/wildfly on the given
# database (for postgresql, the throwaway PostgreSQL in WORK_DIR/pg started first), data in WORK_DIR/data,
# the KEYWARDEN_* settings exported, kw_jboss set to its JBOSS_HOME, started (kw_start). The caller sets
# KEYWARDEN_ENROLLMENT_SECRET and any other setting first, and traps EXIT with kw_cleanup.
kw_serve() { # h2|postgresql WORK_DIR
  export KEYWARDEN_DATA_DIR="$2/data"
  kw_jboss=$(kw_unpack "$2/wildfly") && kw_configure "$kw_jboss" "$1" > "$2/configure.out" 2>&1 \
    || { kw_log "WildFly could not be unpacked or configured ($2/configure.out)"; return 1; }
  if [ "$1" = postgresql ]; then
    kw_pg_start "$2/pg" || { kw_log "PostgreSQL did not start"; return 1; }
    export KEYWARDEN_DB_URL=$kw_pg_url KEYWARDEN_DB_USER=$kw_pg_user KEYWARDEN_DB_PASSWORD=$kw_pg_password
  fi
  kw_start "$kw_jboss" "$2/server.out"
}

kw_server_pid() { pgrep -f "jboss.home.dir=$1" | head -n 1 || true; }

# Starts WildFly (environment: KEYWARDEN_DATA_DIR, KEYWARDEN_ENROLLMENT_SECRET, KEYWARDEN_DB_*) and waits
# up to 150 s until the device API answers (401 without a token; needs no database and no health endpoint).
kw_start() { # JBOSS_HOME LOGFILE
  kw_started_jboss+=("$1")
  local markers="$1/standalone/deployments/keywarden.ear"
  rm -f "$markers".deployed "$markers".failed "$markers".undeployed
  # KW_JAVA_OPTS: extra JVM options for this start (bench/profile.sh: JFR's stack depth)
  if [ -n "${KW_JAVA_OPTS:-}" ] && ! grep -qF -- "$KW_JAVA_OPTS" "$1/bin/standalone.conf"; then
    echo "JAVA_OPTS=\"\$JAVA_OPTS $KW_JAVA_OPTS\"  # bench" >> "$1/bin/standalone.conf"
  fi
  local tls_properties
  tls_properties=$("$kw_root/server-config/tls/server-keystore.sh" "${KEYWARDEN_DATA_DIR:?}") \
    || { kw_log "the HTTPS keystore could not be generated"; return 1; }
  "$1/bin/standalone.sh" -Djboss.socket.binding.port-offset=$kw_offset -P="file:$tls_properties" > "$2" 2>&1 &
  local begin=$SECONDS code deployed=""
  while [ $((SECONDS - begin)) -lt 150 ]; do
    code=$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$kw_url/api/v1/devices/x/actions" || true)
    if [ "$code" = 401 ]; then kw_log "WildFly up after $((SECONDS - begin)) s ($kw_url)"; return 0; fi
    if [ -z "$(kw_server_pid "$1")" ] && [ $((SECONDS - begin)) -gt 5 ]; then break; fi
    if [ -f "$markers.failed" ]; then kw_log "the EAR failed to deploy: $(head -c 600 "$markers.failed")"; break; fi
    if [ -f "$markers.deployed" ]; then
      deployed=${deployed:-$SECONDS}
      if [ $((SECONDS - deployed)) -gt 10 ]; then kw_log "the EAR is deployed but $kw_url/api/v1 answers $code"; break; fi
    fi
    sleep 0.5
  done
  kw_log "WildFly did not come up; see $2 and $1/standalone/log/server.log"
  return 1
}

# Stops WildFly: TERM, up to 30 s, then KILL.
kw_stop() { # JBOSS_HOME
  local pid; pid=$(kw_server_pid "$1")
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kw_log "WildFly $pid did not stop in 30 s; kill -9"
  kill -9 "$pid" 2>/dev/null || true
}

kw_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
kw_as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

kw_pg_start() { # DIR
  kw_started_pg+=("$1")
  timeout 120 "$kw_root/server-config/postgresql/test-server.sh" start "$1" "$kw_pg_port" >&2
}

# pg_ctl restart -m fast, with the options of the running server (postmaster.opts).
kw_pg_restart() { # DIR
  set -- "$(readlink -f "$1")"   # test-server.sh may have linked DIR to a place the postgres user can reach
  timeout 120 bash -c "$(declare -f kw_as_postgres); kw_as_postgres '$(kw_pg_bin)/pg_ctl' -D '$1/data' -l '$1/server.log' -m fast -w -t 60 restart" >/dev/null
}

# A longer outage: pg_ctl stop -m fast, SECONDS down, start again with test-server.sh's options.
kw_pg_bounce() { # DIR SECONDS
  set -- "$(readlink -f "$1")" "$2"
  local bin; bin=$(kw_pg_bin)
  timeout 70 bash -c "$(declare -f kw_as_postgres); kw_as_postgres '$bin/pg_ctl' -D '$1/data' -m fast -w -t 60 stop" >/dev/null || return 1
  sleep "$2"
  timeout 70 bash -c "$(declare -f kw_as_postgres); kw_as_postgres '$bin/pg_ctl' -D '$1/data' -l '$1/server.log' -w -t 60 \
    -o '-p $kw_pg_port -k $1 -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200' start" >/dev/null
}

kw_pg_stop() { # DIR
  [ -f "$1/data/postmaster.pid" ] || return 0
  timeout 70 "$kw_root/server-config/postgresql/test-server.sh" stop "$1" >&2 \
    || timeout 30 bash -c "$(declare -f kw_as_postgres); kw_as_postgres '$(kw_pg_bin)/pg_ctl' -D '$(readlink -f "$1")/data' -m immediate -w stop" >/dev/null 2>&1 \
    || true
}

# EXIT trap: stops every server this script started, each bounded in time.
kw_cleanup() {
  local j d
  for j in "${kw_started_jboss[@]+"${kw_started_jboss[@]}"}"; do kw_stop "$j"; done
  for d in "${kw_started_pg[@]+"${kw_started_pg[@]}"}"; do kw_pg_stop "$d"; done
}

# Runs the load generator, bounded in time (SECONDS_LIMIT), and returns its exit code.
kw_loadgen() { # SECONDS_LIMIT args...
  local limit=$1; shift
  timeout -k 10 "$limit" java -jar "$kw_jar" "$@"
}
