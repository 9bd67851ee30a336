#!/usr/bin/env bash
# Writes the Payara Micro post-boot commands for BOAT: the JDBC pool behind jdbc/boat (H2 file
# database under $1 by default, PostgreSQL when BOAT_DB_URL is a jdbc:postgresql URL), the connector
# runtime's log level, metrics off (BOAT_METRICS=1 keeps them). The listeners' settings, HTTPS
# included, are pre-boot commands (deploy/preboot.sh).
# H2 runs with WRITE_DELAY=0: by default it writes commits to the file up to a second later, and
# a killed process lost an order it had acknowledged (RestartIT). With 0 every commit reaches the
# file before the client is answered; surviving power loss as well needs PostgreSQL.
# --sqltracelisteners null: Payara's default listener (SilentSqlTraceListener) does nothing, but its
# presence wraps every connection in a reflective proxy that reports each JDBC call to it (~5 % of a
# payload read's CPU, bench/RESULTS.md). "null" is the value Payara reads as no listener.
# --associatewiththread=true (H2): a request thread keeps the connection it last used and takes it
# back without going through the pool's free list (~4 % of a payload read's CPU went to acquiring
# it); the pool still reclaims an idle thread's connection when it runs dry. Measured on H2 only
# (bench/RESULTS.md, 2026-12-02), so PostgreSQL keeps Payara's default.
set -euo pipefail
home="$1"
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g' -e 's/;/\\;/g'; }
url="${BOAT_DB_URL:-jdbc:h2:$home/boat;WRITE_DELAY=0}"
case "$url" in
  jdbc:postgresql:*)
    rest="${url#jdbc:postgresql://}"; hostport="${rest%%/*}"; db="${rest#*/}"; db="${db%%\?*}"
    host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=5432
    echo "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --sqltracelisteners null --property serverName=$(esc "$host"):portNumber=$port:databaseName=$(esc "$db"):user=$(esc "${BOAT_DB_USER:-boat}"):password=$(esc "${BOAT_DB_PASSWORD:-}") boatPool" ;;
  jdbc:h2:*)
    echo "create-jdbc-connection-pool --datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.DataSource --sqltracelisteners null --associatewiththread=true --property url=$(esc "$url"):user=sa:password=sa boatPool" ;;
  *) echo "unsupported BOAT_DB_URL: $url" >&2; exit 2 ;;
esac
echo "create-jdbc-resource --connectionpoolid boatPool jdbc/boat"
# Payara's connection manager compares two copies of the pool's data-source settings on every
# connection it hands out, only to log at INFO when they differ (a diagnostic, "conmgr.mcf_not_equal"):
# ~1.5 % of a payload read's CPU, two HashMaps built per request. Its logger at WARNING skips the
# comparison; warnings and errors of the connector runtime (pool failures, leaks) are still logged.
echo "set-log-levels javax.enterprise.resource.resourceadapter.com.sun.enterprise.connectors=WARNING"
# No unauthenticated /metrics (JVM, threads, pool sizes; issue 10); /health stays open for load balancers.
[ "${BOAT_METRICS:-}" = "1" ] || echo "set-metrics-configuration --enabled=false"
# No OpenAPI document either: Payara would describe every resource to anyone without a token at
# /openapi (BOAT's API is Barbican's, documented upstream). Both disabled endpoints answer 403 with
# BOAT's JSON error (ContainerErrorPage), not Payara's HTML page.
echo "set-openapi-configuration --enabled=false"
