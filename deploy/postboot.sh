#!/usr/bin/env bash
# Writes the Payara Micro post-boot commands for BOAT: the JDBC pool behind jdbc/boat (H2 file
# database under $1 by default, PostgreSQL when BOAT_DB_URL is a jdbc:postgresql URL) and the
# HTTP listener bound to 127.0.0.1 (BOAT_BIND_ADDRESS to change it) with a read timeout
# (BOAT_READ_TIMEOUT_MS, 10000); with BOAT_TLS_* set, the HTTPS listener too (deploy/tls.sh).
# H2 runs with WRITE_DELAY=0: by default it writes commits to the file up to a second later, and
# a killed process lost an order it had acknowledged (RestartIT). With 0 every commit reaches the
# file before the client is answered; surviving power loss as well needs PostgreSQL.
set -euo pipefail
home="$1"
. "$(dirname "$0")/tls.sh"
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g' -e 's/;/\\;/g'; }
url="${BOAT_DB_URL:-jdbc:h2:$home/boat;WRITE_DELAY=0}"
case "$url" in
  jdbc:postgresql:*)
    rest="${url#jdbc:postgresql://}"; hostport="${rest%%/*}"; db="${rest#*/}"; db="${db%%\?*}"
    host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=5432
    echo "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --property serverName=$(esc "$host"):portNumber=$port:databaseName=$(esc "$db"):user=$(esc "${BOAT_DB_USER:-boat}"):password=$(esc "${BOAT_DB_PASSWORD:-}") boatPool" ;;
  jdbc:h2:*)
    echo "create-jdbc-connection-pool --datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.DataSource --property url=$(esc "$url"):user=sa:password=sa boatPool" ;;
  *) echo "unsupported BOAT_DB_URL: $url" >&2; exit 2 ;;
esac
echo "create-jdbc-resource --connectionpoolid boatPool jdbc/boat"
echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=${BOAT_BIND_ADDRESS:-127.0.0.1}"
# Slow clients (issue 10): a request body's bytes must keep coming (10 s without one ends the
# connection); the application bounds the whole body to boat.http.body-timeout-ms and the threads
# that requests without a valid token may hold (SlowBodyGuard).
echo "set configs.config.server-config.network-config.transports.transport.tcp.read-timeout-millis=${BOAT_READ_TIMEOUT_MS:-10000}"
# Disclose nothing about the server (issue 10): no Server / X-Powered-By headers, and no
# unauthenticated /metrics (JVM, threads, pool sizes); /health stays open for load balancers.
echo "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false"
echo "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false"
[ "${BOAT_METRICS:-}" = "1" ] || echo "set-metrics-configuration --enabled=false"
# --- listener guard (issue 10) ---
# Malformed request lines, CONNECT, an HTTP/2 preface on the cleartext listener, malformed percent
# escapes and an empty Host get an immediate 4xx with a JSON body instead of a 30 s hold or an empty
# 200 (listener-guard/). Payara builds each HTTP listener's filter chain from its config and looks
# the Comet add-on up by name; the guard module answers that lookup, so this flag installs it.
for protocol in http-listener https-listener; do
  echo "set configs.config.server-config.network-config.protocols.protocol.$protocol.http.comet-support-enabled=true"
done
# --- end of listener guard ---
tls_https_postboot BOAT "$home" 9443
