#!/usr/bin/env bash
# Deploys the BOAT EAR to Payara Server 6 and starts it.
#
#   deploy/payara-server/start.sh PAYARA_DIR EAR [HTTP_PORT]
#
# PAYARA_DIR is an unpacked fish.payara.distributions:payara zip (the folder holding bin/asadmin).
# On first use a domain "boat" is created there with --portbase HTTP_PORT-80: HTTP HTTP_PORT,
# HTTPS +1, admin -32, IIOP -43/-42/-41, Hazelcast -31, JMX +6. Every listener is bound to
# 127.0.0.1 (BOAT_BIND_ADDRESS to change the HTTP ones) and the JMS broker BOAT does not use is
# disabled. The JDBC pool and jdbc/boat come from deploy/postboot.sh (H2 file database under the
# domain, or BOAT_DB_URL for PostgreSQL).
#
# Each run: if the domain already runs it says so and exits 0 without touching it. Otherwise it
# checks that every port the domain listens on is free (naming a busy one), starts the domain,
# waits until the domain has finished loading what is deployed, deploys the EAR only if it differs
# from the one deployed last (SHA-256), and waits until GET / answers 300. If any step fails it
# stops the domain it started and exits non-zero with the cause.
# Data (master key store, H2 database): PAYARA_DIR/glassfish/domains/boat/boat-data, or BOAT_HOME.
# Log: PAYARA_DIR/glassfish/domains/boat/logs/server.log.
# The bootstrap admin's password is $BOAT_ADMIN_PASSWORD (MicroProfile Config's environment source).
# Environment: BOAT_DOMAIN (boat), BOAT_HOME, BOAT_DB_URL/_USER/_PASSWORD, BOAT_JAVA_OPTS
# (space-separated JVM options, e.g. -Xmx512m), BOAT_START_TIMEOUT (seconds, 300).
# Stop with deploy/payara-server/stop.sh PAYARA_DIR.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../ear-server-lib.sh"
[ $# -ge 2 ] || { echo "usage: $0 PAYARA_DIR EAR [HTTP_PORT]" >&2; exit 2; }
payara="$(cd "$1" && pwd)"
ear="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
port="${3:-8380}"
[ -f "$ear" ] || { echo "no EAR at $ear" >&2; exit 2; }
[ "$port" -gt 80 ] || { echo "HTTP_PORT must be above 80" >&2; exit 2; }
domain="${BOAT_DOMAIN:-boat}"
asadmin="$payara/bin/asadmin"
domaindir="$payara/glassfish/domains/$domain"
home="${BOAT_HOME:-$domaindir/boat-data}"
bind="${BOAT_BIND_ADDRESS:-127.0.0.1}"
started=$(date +%s)
deadline=$(( started + ${BOAT_START_TIMEOUT:-300} ))

running="$(ear_java_pids "-Dcom.sun.aas.instanceRoot=$domaindir " | tr '\n' ' ')"
if [ -n "$running" ]; then
  echo "Payara Server domain $domain already running (pid ${running% }); nothing done"
  exit 0
fi

# The domain keeps the ports it was created with; a different HTTP_PORT would check and wait on
# ports the domain does not use.
if [ -f "$domaindir/boat-http-port" ] && [ "$(cat "$domaindir/boat-http-port")" != "$port" ]; then
  echo "domain $domain was created for HTTP port $(cat "$domaindir/boat-http-port"), not $port" >&2
  exit 2
fi
base=$((port - 80))
admin_port=$((base + 48))
ear_ports_free http=$port https=$((base + 81)) admin=$admin_port iiop=$((base + 37)) iiop-ssl=$((base + 38)) \
    iiop-mutual-auth=$((base + 39)) hazelcast=$((base + 49)) jmx=$((base + 86)) \
  || { echo "Payara Server domain $domain not started" >&2; exit 1; }

as() { "$asadmin" --interactive=false --host 127.0.0.1 --port "$admin_port" "$@"; }

if [ ! -d "$domaindir" ]; then
  template="$payara/glassfish/domains/domain1"
  if [ -f "$template/config/domain.xml" ] && [ ! -e "$template/osgi-cache" ] && [ ! -e "$template/generated" ] \
     && [ "${BOAT_CREATE_DOMAIN:-0}" != 1 ]; then
    # The zip's never-started domain1 is what create-domain would write, except for its ports and
    # name; copying it saves create-domain's ~30 s (key pair generation). Ports as --portbase sets them.
    cp -a "$template" "$domaindir"
    sed -i -e "s/port=\"8080\"/port=\"$((base + 80))\"/; s/port=\"8181\"/port=\"$((base + 81))\"/" \
        -e "s/port=\"4848\"/port=\"$((base + 48))\"/; s/port=\"3700\"/port=\"$((base + 37))\"/" \
        -e "s/port=\"3820\"/port=\"$((base + 38))\"/; s/port=\"3920\"/port=\"$((base + 39))\"/" \
        -e "s/port=\"8686\"/port=\"$((base + 86))\"/" \
        -e "s/name=\"JMS_PROVIDER_PORT\" value=\"7676\"/name=\"JMS_PROVIDER_PORT\" value=\"$((base + 76))\"/" \
        -e "s/-Dosgi.shell.telnet.port=6666/-Dosgi.shell.telnet.port=$((base + 66))/" \
        -e "s/address=9009/address=$((base + 9))/" \
        -e "s/start-port=\"5900\" das-port=\"4900\"/start-port=\"$((base + 59))\" das-port=\"$((base + 49))\"/" \
        -e "s/name=\"administrative.domain.name\" value=\"domain1\"/name=\"administrative.domain.name\" value=\"$domain\"/" \
        "$domaindir/config/domain.xml"
    rm -rf "$domaindir/logs/"*
  else
    "$asadmin" --interactive=false create-domain --nopassword --checkports=false --portbase "$base" "$domain" >/dev/null
  fi
  xml="$domaindir/config/domain.xml"
  # Only the server's own config (server-config) is used. Every listener on loopback, HTTP on
  # $bind. Hazelcast (the DAS's data grid; BOAT shares nothing through it) on 127.0.0.1 and not
  # auto-incrementing onto a port nobody checked: das-bind-address, not "interface", which
  # Hazelcast still binds as a wildcard. The JMS broker off: the zip's server-config has no
  # jms-service, so Payara would start an embedded broker on all addresses.
  sed -i -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/g' \
      -e 's|<network-listener port="\([0-9]*\)" protocol="http-listener-\([12]\)"|<network-listener address="'"$bind"'" port="\1" protocol="http-listener-\2"|' \
      -e 's|<network-listener port="\([0-9]*\)" protocol="admin-listener"|<network-listener address="127.0.0.1" port="\1" protocol="admin-listener"|' \
      -e 's|<hazelcast-runtime-configuration |&das-bind-address="127.0.0.1" das-public-address="127.0.0.1" |' \
      -e 's|auto-increment-port="true"|auto-increment-port="false"|' \
      -e 's|<jms-service type="EMBEDDED"|<jms-service type="DISABLED"|' \
      -e 's|<config name="server-config"[^>]*>|&<jms-service type="DISABLED" default-jms-host="default_JMS_host"><jms-host name="default_JMS_host" host="localhost" port="${JMS_PROVIDER_PORT}" lazy-init="true"/></jms-service>|' \
      "$xml"
  # JVM options of server-config (the first java-config): BOAT's data dir, and any BOAT_JAVA_OPTS.
  opts="<jvm-options>-Dboat.data-dir=$home</jvm-options>"
  for o in ${BOAT_JAVA_OPTS:-}; do
    case "$o" in -Xmx*) sed -i "0,/<jvm-options>-Xmx[^<]*<\/jvm-options>/s//<jvm-options>$o<\/jvm-options>/" "$xml" ;;
                 *) opts="$opts<jvm-options>$o</jvm-options>" ;; esac
  done
  sed -i "0,/<java-config \([^>]*\)>/s||&$opts|" "$xml"
  echo "$port" > "$domaindir/boat-http-port"
fi
mkdir -p "$home"
chmod 700 "$home"

# From here on a failure stops the domain this run started (and any JVM a failed start-domain
# left behind), so the next start finds the ports free.
ear_stop_on_failure "$here/stop.sh" "$payara"

log="$domaindir/logs/server.log"
log_from=$(( $(stat -c %s "$log" 2>/dev/null || echo 0) + 1 ))
echo "domain $domain ready to start after $(( $(date +%s) - started )) s"
t=$(date +%s)
AS_START_TIMEOUT=$(( (deadline - t) * 1000 )) "$asadmin" --interactive=false start-domain "$domain" >/dev/null \
  || { echo "start-domain failed; see $log" >&2; exit 1; }
echo "Payara Server domain $domain started (admin port $admin_port) in $(( $(date +%s) - t )) s"

# start-domain returns once the admin listener answers, while the domain is still loading the
# applications already deployed (after logging "startup time"); a deployment now would load BOAT a
# second time concurrently. The domain has finished when it starts its JMX connector (on
# SERVER_READY, after every application), when BOAT answers, or when loading BOAT failed.
# (grep -c, not -q: with pipefail an early exit of grep would fail the pipe with tail's SIGPIPE.)
since_start() {
  tail -c "+$log_from" "$log" 2>/dev/null
}
loaded() {
  # Payara rotates server.log past 2 MB; then all of the new file is this start's.
  [ "$(stat -c %s "$log" 2>/dev/null || echo 0)" -ge $((log_from - 1)) ] || log_from=1
  since_start | grep -c -e 'JMXStartupService has started JMXConnector' -e 'Exception while loading the app' >/dev/null \
    || [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)" = 300 ]
}
until loaded; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "the domain did not finish loading in time; see $log" >&2; exit 1; }
  sleep 1
done
echo "domain $domain finished loading after $(( $(date +%s) - started )) s"

# One asadmin session: the same JDBC pool and jdbc/boat as on Payara Micro where the domain lacks
# them (the Micro-only listener command left out; a first start that failed half-way may have
# made the pool only), then the deployment, only when the EAR changed. multimode reads one more
# level of backslash escapes than Micro's command files.
xml="$domaindir/config/domain.xml"
sum="$(sha256sum "$ear" | cut -d' ' -f1)"
cmds="$domaindir/boat-deploy.asadmin"
: > "$cmds"
if ! grep -q 'jndi-name="jdbc/boat"' "$xml"; then
  "$here/../postboot.sh" "$home" | grep -v '^set ' \
    | if grep -q '<jdbc-connection-pool [^>]*name="boatPool"' "$xml"; then grep -v '^create-jdbc-connection-pool'; else cat; fi \
    | sed 's/\\/\\\\/g' >> "$cmds"
fi
if [ "$(cat "$domaindir/boat-ear.sha256" 2>/dev/null)" != "$sum" ] || ! grep -q '<application [^>]*name="boat"' "$xml"; then
  printf 'deploy --force=true --name boat %s\n' "$(printf '%s' "$ear" | sed 's/\\/\\\\/g')" >> "$cmds"
elif since_start | grep -c 'Exception while loading the app' >/dev/null; then
  # The EAR deployed last, unchanged, did not load: deploying it again would not help.
  echo "BOAT failed to load (EAR unchanged since the last deployment); see $log" >&2
  exit 1
fi
if [ -s "$cmds" ]; then
  t=$(date +%s)
  as multimode --file "$cmds" > "$cmds.out" 2>&1 \
    || { cat "$cmds.out" >&2; echo "asadmin failed; see $log" >&2; exit 1; }
  echo "$sum" > "$domaindir/boat-ear.sha256"
  echo "data source and/or EAR deployed in $(( $(date +%s) - t )) s"
else
  echo "EAR unchanged since the last deployment (sha256 $sum); not redeployed"
fi

if ! ear_wait_for_boat "$port" "$deadline"; then
  echo "BOAT did not answer 300 on http://127.0.0.1:$port/ (last: $ear_last_status); see $log" >&2
  exit 1
fi
ear_started
echo "BOAT on Payara Server: http://127.0.0.1:$port/ ready after $(( $(date +%s) - started )) s"
