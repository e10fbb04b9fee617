# Sourced by release-check.sh and upgrade-check.sh (which set $check, the name their messages start with):
# a scratch directory removed at exit, with the release stopped first, and run, which runs a command of the
# release with this environment only (plus extra_env, if the script sets it), as nobody when the script is root.
offset=${KEYWARDEN_PORT_OFFSET:-900}
work=$(mktemp -d)
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
extra_env=()
log() { echo "$check: $*"; }
fail() { log "FAIL: $*"; exit 1; }
stop_server() { [ -x "${home:-/nonexistent}/bin/keywarden" ] && run "$home/bin/keywarden" stop > /dev/null 2>&1; }
after_stop() { :; }   # a script's own clean-up after the release stopped (upgrade-check.sh: its database)
trap 'stop_server; after_stop; rm -rf "$work"' EXIT

as_user=()
if [ "$(id -u)" = 0 ]; then
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
  getent group nogroup > /dev/null || as_user=(setpriv --reuid=nobody --regid=nobody --clear-groups --)
fi
run() {
  "${as_user[@]}" env -i HOME="$work/home" PATH=/usr/local/bin:/usr/bin:/bin JAVA_HOME="$java_home" LANG=C.UTF-8 \
    KEYWARDEN_DATA_DIR="$work/data" KEYWARDEN_PORT_OFFSET="$offset" KEYWARDEN_LOG_FORMAT="${KEYWARDEN_LOG_FORMAT:-text}" \
    ${extra_env[@]+"${extra_env[@]}"} "$@"
}
