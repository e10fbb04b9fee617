#!/usr/bin/env bash
# Proves that the licence rule of the release (pom.xml, license-maven-plugin) fails a build that bundles a
# library without a licence, or one under a licence not allowed, and names it. Offline: the main build has
# resolved the plugin already.
#   licence-check.sh MAVEN_HOME LOCAL_REPOSITORY
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mvn=${1:?usage: licence-check.sh MAVEN_HOME LOCAL_REPOSITORY}/bin/mvn
repo=${2:?usage: licence-check.sh MAVEN_HOME LOCAL_REPOSITORY}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=0
refused() { # MODULES WHAT EXPECTED_MESSAGE
  if "$mvn" -o -B -Dmaven.repo.local="$repo" -f "$here/licence-check/pom.xml" -pl "$1" generate-resources > "$log" 2>&1; then
    cat "$log"; echo "licence-check: FAIL: a build bundling $2 passed the licence rule" >&2; failed=1; return
  fi
  if ! grep -q "$3" "$log" || ! grep -q "${2%% *}" "$log"; then
    cat "$log"; echo "licence-check: FAIL: the build bundling $2 failed, but not on its licence" >&2; failed=1; return
  fi
  echo "licence-check: ok: refused $2"
}
refused unlicensed,app-unlicensed "unlicensed-library (no licence)" "with no license"
refused gpl-only,app-gpl "gpl-only-library (GPL-3.0 only)" "forbidden license"
exit $failed
