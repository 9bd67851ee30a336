#!/usr/bin/env bash
# Stops the WildFly started by deploy/wildfly/start.sh: a management :shutdown, else SIGTERM to
# the server's pid (JBOSS_PIDFILE), else SIGKILL after 60 s.
#   deploy/wildfly/stop.sh WILDFLY_DIR
set -uo pipefail
[ $# -ge 1 ] || { echo "usage: $0 WILDFLY_DIR" >&2; exit 2; }
wf="$(cd "$1" && pwd)"
pidfile="$wf/standalone/boat.pid"
[ -f "$pidfile" ] || { echo "not running (no $pidfile)"; exit 0; }
pid="$(cat "$pidfile")"
mport="$(cat "$wf/standalone/boat.management-port" 2>/dev/null || echo 9990)"
"$wf/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$mport" --command=:shutdown >/dev/null 2>&1 \
  || kill "$pid" 2>/dev/null
for _ in $(seq 60); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "WildFly stopped"; exit 0; }
  sleep 1
done
kill -9 "$pid" 2>/dev/null
rm -f "$pidfile"
echo "WildFly killed"
