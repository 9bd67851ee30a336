#!/usr/bin/env bash
# Deploys the BOAT EAR to Payara Server 6 and starts it.
#
#   deploy/payara-server/start.sh PAYARA_DIR EAR [HTTP_PORT]
#
# PAYARA_DIR is an unpacked fish.payara.distributions:payara zip (the folder holding bin/asadmin).
# On first use a domain "boat" is created there with --portbase HTTP_PORT-80 (so every port of the
# domain lies in HTTP_PORT-80 .. HTTP_PORT+20: admin +48-80, IIOP, JMS, JMX, Hazelcast ...), all
# listeners bound to 127.0.0.1 (BOAT_BIND_ADDRESS to change the HTTP one). Then: the JDBC pool and
# jdbc/boat from deploy/postboot.sh (H2 file database under the domain, or BOAT_DB_URL for
# PostgreSQL), start-domain, deploy the EAR, wait until GET / answers 300.
# Data (master key store, H2 database): PAYARA_DIR/glassfish/domains/boat/boat-data, or BOAT_HOME.
# The bootstrap admin's password is $BOAT_ADMIN_PASSWORD (MicroProfile Config's environment source).
# Environment: BOAT_DOMAIN (boat), BOAT_HOME, BOAT_DB_URL/_USER/_PASSWORD, BOAT_JAVA_OPTS
# (space-separated JVM options, e.g. -Xmx512m), BOAT_START_TIMEOUT (seconds, 180).
# Stop with deploy/payara-server/stop.sh PAYARA_DIR.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
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
admin_port=$((port - 80 + 48))
bind="${BOAT_BIND_ADDRESS:-127.0.0.1}"
as() { "$asadmin" --interactive=false --host 127.0.0.1 --port "$admin_port" "$@"; }

started=$(date +%s)
if [ ! -d "$domaindir" ]; then
  base=$((port - 80))
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
  # Only the server's own config (server-config) is used; bind every listener to loopback, HTTP to $bind.
  sed -i -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/g' \
      -e 's|<network-listener port="\([0-9]*\)" protocol="http-listener-\([12]\)"|<network-listener address="'"$bind"'" port="\1" protocol="http-listener-\2"|' \
      -e 's|<network-listener port="\([0-9]*\)" protocol="admin-listener"|<network-listener address="127.0.0.1" port="\1" protocol="admin-listener"|' \
      "$xml"
  # JVM options of server-config (the first java-config): BOAT's data dir, and any BOAT_JAVA_OPTS.
  opts="<jvm-options>-Dboat.data-dir=$home</jvm-options>"
  for o in ${BOAT_JAVA_OPTS:-}; do
    case "$o" in -Xmx*) sed -i "0,/<jvm-options>-Xmx[^<]*<\/jvm-options>/s//<jvm-options>$o<\/jvm-options>/" "$xml" ;;
                 *) opts="$opts<jvm-options>$o</jvm-options>" ;; esac
  done
  sed -i "0,/<java-config \([^>]*\)>/s||&$opts|" "$xml"
  fresh=1
fi
mkdir -p "$home"
chmod 700 "$home"

echo "domain $domain ready to start after $(( $(date +%s) - started )) s"
t=$(date +%s)
"$asadmin" --interactive=false start-domain "$domain" >/dev/null
echo "Payara Server domain $domain started (admin port $admin_port) in $(( $(date +%s) - t )) s"

# One asadmin session: on a new domain the same JDBC pool and jdbc/boat as on Payara Micro (the
# Micro-only listener command left out), then the deployment. multimode reads one more level of
# backslash escapes than Micro's command files.
cmds="$domaindir/boat-deploy.asadmin"
: > "$cmds"
if [ "${fresh:-0}" = 1 ]; then
  "$here/../postboot.sh" "$home" | grep -v '^set ' | sed 's/\\/\\\\/g' >> "$cmds"
fi
printf 'deploy --force=true --name boat %s\n' "$(printf '%s' "$ear" | sed 's/\\/\\\\/g')" >> "$cmds"
t=$(date +%s)
as multimode --file "$cmds" > "$cmds.out" 2>&1 || { cat "$cmds.out" >&2; echo "asadmin failed; see $domaindir/logs/server.log" >&2; exit 1; }
echo "data source and EAR deployed in $(( $(date +%s) - t )) s"

timeout="${BOAT_START_TIMEOUT:-180}"
while :; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)
  [ "$code" = 300 ] && break
  if [ $(( $(date +%s) - started )) -ge "$timeout" ]; then
    echo "BOAT did not answer 300 on http://127.0.0.1:$port/ (last: $code); see $domaindir/logs/server.log" >&2
    exit 1
  fi
  sleep 1
done
echo "BOAT on Payara Server: http://127.0.0.1:$port/ ready after $(( $(date +%s) - started )) s"
