#!/usr/bin/env bash
# Stops the WildFly started by deploy/wildfly/start.sh: SIGTERM, which WildFly answers with a
# graceful shutdown (as :shutdown does, without starting a jboss-cli JVM first), to every JVM
# running from WILDFLY_DIR, such as one a failed or repeated start left behind; SIGKILL after 30 s.
# Says so and exits 0 when nothing runs.
#   deploy/wildfly/stop.sh WILDFLY_DIR
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../ear-server-lib.sh"
[ $# -ge 1 ] || { echo "usage: $0 WILDFLY_DIR" >&2; exit 2; }
wf="$(cd "$1" && pwd)" || exit 2
needle="-Djboss.home.dir=$wf "
pids="$(ear_java_pids "$needle")"
if [ -z "$pids" ]; then
  rm -f "$wf/standalone/boat.pid"
  echo "WildFly in $wf not running"
  exit 0
fi
# shellcheck disable=SC2086 # one pid a word
ear_terminate $pids
if [ -n "$(ear_java_pids "$needle")" ]; then
  echo "WildFly in $wf still running" >&2
  exit 1
fi
rm -f "$wf/standalone/boat.pid"
echo "WildFly stopped"
