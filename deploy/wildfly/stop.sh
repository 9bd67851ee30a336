#!/usr/bin/env bash
# Stops the WildFly started by deploy/wildfly/start.sh: a management :shutdown, then SIGTERM
# (SIGKILL after 30 s) to every JVM still running from WILDFLY_DIR, such as one a failed or
# repeated start left behind. Says so and exits 0 when nothing runs.
#   deploy/wildfly/stop.sh WILDFLY_DIR
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../ear-server-lib.sh"
[ $# -ge 1 ] || { echo "usage: $0 WILDFLY_DIR" >&2; exit 2; }
wf="$(cd "$1" && pwd)" || exit 2
needle="-Djboss.home.dir=$wf "
if [ -z "$(ear_java_pids "$needle")" ]; then
  rm -f "$wf/standalone/boat.pid"
  echo "WildFly in $wf not running"
  exit 0
fi
mport="$(cat "$wf/standalone/boat.management-port" 2>/dev/null || echo 9990)"
"$wf/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$mport" --command=:shutdown >/dev/null 2>&1
# shellcheck disable=SC2046 # one pid a word
ear_terminate $(ear_java_pids "$needle")
if [ -n "$(ear_java_pids "$needle")" ]; then
  echo "WildFly in $wf still running" >&2
  exit 1
fi
rm -f "$wf/standalone/boat.pid"
echo "WildFly stopped"
