#!/usr/bin/env bash
# Deploys the BOAT EAR to WildFly (38, standalone.xml: the microprofile profile lacks EJB) and starts it.
#
#   deploy/wildfly/start.sh WILDFLY_DIR EAR [HTTP_PORT]
#
# WILDFLY_DIR is an unpacked org.wildfly:wildfly-dist zip. On first use standalone/configuration/
# standalone-boat.xml is made from standalone.xml with the data source java:/jdbc/boat (the
# persistence unit's jdbc/boat; WildFly resolves a jta-data-source without "java:" under "java:/"),
# an H2 file database under standalone/data/boat (or BOAT_DB_URL=jdbc:postgresql://... with a
# "postgresql" JDBC driver the operator has installed). The server listens on 127.0.0.1 only
# (BOAT_BIND_ADDRESS for HTTP): HTTP on HTTP_PORT, HTTPS +1, management HTTP +2 (HTTPS +3 when
# the operator configures it).
#
# Each run: if this WildFly already runs it says so and exits 0 without touching it. Otherwise it
# checks that those ports are free (naming a busy one), copies the EAR to standalone/deployments
# only if it differs from the one there (deployed at boot), starts the server and waits until
# GET / answers 300. If any step fails it stops the server it started and exits non-zero with the cause.
# Data (master key store, H2 database): WILDFLY_DIR/standalone/data/boat, or BOAT_HOME.
# Logs: WILDFLY_DIR/standalone/log/server.log, and the console in standalone/boat-console.log.
# The bootstrap admin's password is $BOAT_ADMIN_PASSWORD (MicroProfile Config's environment source).
# Environment: BOAT_HOME, BOAT_DB_URL/_USER/_PASSWORD, BOAT_JAVA_OPTS (e.g. -Xmx512m, replaces
# WildFly's default heap settings), BOAT_START_TIMEOUT (seconds, 300).
# Stop with deploy/wildfly/stop.sh WILDFLY_DIR.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../ear-server-lib.sh"
[ $# -ge 2 ] || { echo "usage: $0 WILDFLY_DIR EAR [HTTP_PORT]" >&2; exit 2; }
wf="$(cd "$1" && pwd)"
ear="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
port="${3:-8380}"
[ -f "$ear" ] || { echo "no EAR at $ear" >&2; exit 2; }
home="${BOAT_HOME:-$wf/standalone/data/boat}"
config=standalone-boat.xml
bind="${BOAT_BIND_ADDRESS:-127.0.0.1}"
started=$(date +%s)
deadline=$(( started + ${BOAT_START_TIMEOUT:-300} ))

running="$(ear_java_pids "-Djboss.home.dir=$wf " | tr '\n' ' ')"
if [ -n "$running" ]; then
  echo "WildFly in $wf already running (pid ${running% }); nothing done"
  exit 0
fi
ear_ports_free http=$port https=$((port + 1)) management-http=$((port + 2)) \
  || { echo "WildFly not started" >&2; exit 1; }

if [ ! -f "$wf/standalone/configuration/$config" ]; then
  cp "$wf/standalone/configuration/standalone.xml" "$wf/standalone/configuration/$config"
  url="${BOAT_DB_URL:-jdbc:h2:file:$home/boat;WRITE_DELAY=0}"
  case "$url" in
    jdbc:postgresql:*) driver=postgresql; user="${BOAT_DB_USER:-boat}"; password="${BOAT_DB_PASSWORD:-}" ;;
    jdbc:h2:*) driver=h2; user=sa; password=sa ;;
    *) echo "unsupported BOAT_DB_URL: $url" >&2; exit 2 ;;
  esac
  q() { printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"; }
  cat > "$wf/standalone/configuration/boat-setup.cli" <<CLI
embed-server --server-config=$config --std-out=discard
/subsystem=datasources/data-source=boat:add(jndi-name="java:/jdbc/boat", driver-name=$driver, connection-url=$(q "$url"), user-name=$(q "$user"), password=$(q "$password"), enabled=true, use-java-context=true)
stop-embedded-server
CLI
  "$wf/bin/jboss-cli.sh" --file="$wf/standalone/configuration/boat-setup.cli" >/dev/null
  rm -f "$wf/standalone/configuration/boat-setup.cli"
fi
mkdir -p "$home"
chmod 700 "$home"

# The deployment scanner deploys what is in deployments/ at boot; the server is down now, so
# replacing the file cannot race a running deployment. A marker of an earlier failure would keep
# the scanner from trying again.
deployed="$wf/standalone/deployments/boat.ear"
rm -f "$deployed.failed" "$deployed.isdeploying" "$deployed.pending" "$deployed.undeployed"
if cmp -s "$ear" "$deployed"; then
  echo "EAR unchanged since the last deployment; not copied again"
else
  rm -f "$deployed".*
  cp "$ear" "$deployed"
fi

# From here on a failure stops the server this run started.
ear_stop_on_failure "$here/stop.sh" "$wf"

log="$wf/standalone/log/server.log"
export JBOSS_PIDFILE="$wf/standalone/boat.pid" LAUNCH_JBOSS_IN_BACKGROUND=1
[ -n "${BOAT_JAVA_OPTS:-}" ] && export JAVA_OPTS="$BOAT_JAVA_OPTS -Djava.net.preferIPv4Stack=true"
nohup "$wf/bin/standalone.sh" -c "$config" -b "$bind" -bmanagement 127.0.0.1 \
  -Djboss.http.port="$port" -Djboss.https.port=$((port + 1)) \
  -Djboss.management.http.port=$((port + 2)) -Djboss.management.https.port=$((port + 3)) \
  -Dboat.data-dir="$home" \
  > "$wf/standalone/boat-console.log" 2>&1 < /dev/null &
launcher=$!

while ! ear_wait_for_boat "$port" $(( $(date +%s) + 1 )); do
  if [ -f "$deployed.failed" ]; then
    echo "deployment failed: $(cat "$deployed.failed"); see $log" >&2
    exit 1
  fi
  if ! kill -0 "$launcher" 2>/dev/null; then
    echo "WildFly exited while starting; see $wf/standalone/boat-console.log and $log" >&2
    exit 1
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "BOAT did not answer 300 on http://127.0.0.1:$port/ (last: $ear_last_status); see $log" >&2
    exit 1
  fi
done
ear_started
echo "BOAT on WildFly: http://127.0.0.1:$port/ ready after $(( $(date +%s) - started )) s"
