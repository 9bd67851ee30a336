#!/usr/bin/env bash
# Writes the Payara Micro post-deploy commands that point BOAT at a KMIP server through the
# kmip-connector resource adapter: its deployment, a NoTransaction connection pool and the resource
# boat/kmip. Prints nothing unless BOAT_KMIP_HOST is set.
#   deploy/postdeploy.sh JAR HOME   (both needed only with BOAT_KMIP_HOST)
# The uber jar JAR carries the adapter outside MICRO-INF/deploy, so that a BOAT without a KMIP server
# does not deploy it at every start (~0.36 s of the start's main thread, bench/RESULTS.md); it is extracted into HOME here
# and deployed before the pool that names it. Nothing in the KMS needs it until a KMIP store is used
# (KmipStoreFactory looks the pool up then).
# BOAT_KMIP_HOST, BOAT_KMIP_PORT (5696), BOAT_KMIP_KEYSTORE / BOAT_KMIP_TRUSTSTORE (PKCS#12),
# BOAT_KMIP_STORE_PASSWORD, BOAT_KMIP_CONNECT_TIMEOUT_MS (5000), BOAT_KMIP_READ_TIMEOUT_MS (10000).
set -euo pipefail
[ -n "${BOAT_KMIP_HOST:-}" ] || exit 0
jar="${1:?usage: postdeploy.sh JAR HOME}"; home="${2:?usage: postdeploy.sh JAR HOME}"
entry=MICRO-INF/optional/kmip-connector.rar
mkdir -p "$home"; home="$(cd "$home" && pwd)"
rm -rf "$home/rar"; mkdir -p "$home/rar"
# shellcheck source=deploy/jar-extract.sh
. "$(dirname "$0")/jar-extract.sh"
if ! jar_extract "${BOAT_JAVA:-java}" "$jar" "$home/rar" "$entry"; then
  echo "postdeploy.sh: cannot extract $entry from $jar (needs the JDK's jar tool or unzip)" >&2; exit 2
fi
[ -s "$home/rar/$entry" ] || { echo "postdeploy.sh: $jar carries no $entry (an older build?)" >&2; exit 2; }
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g' -e 's/;/\\;/g'; }
props="host=$(esc "$BOAT_KMIP_HOST"):port=${BOAT_KMIP_PORT:-5696}"
props="$props:keyStorePath=$(esc "${BOAT_KMIP_KEYSTORE:?BOAT_KMIP_KEYSTORE is required}")"
props="$props:keyStorePassword=$(esc "${BOAT_KMIP_STORE_PASSWORD:?BOAT_KMIP_STORE_PASSWORD is required}")"
props="$props:trustStorePath=$(esc "${BOAT_KMIP_TRUSTSTORE:?BOAT_KMIP_TRUSTSTORE is required}")"
props="$props:trustStorePassword=$(esc "$BOAT_KMIP_STORE_PASSWORD")"
props="$props:connectTimeoutMillis=${BOAT_KMIP_CONNECT_TIMEOUT_MS:-5000}:readTimeoutMillis=${BOAT_KMIP_READ_TIMEOUT_MS:-10000}"
echo "deploy --name kmip-connector $home/rar/$entry"
echo "create-connector-connection-pool --raname kmip-connector --connectiondefinition io.boat.kmip.api.KmipConnectionFactory --transactionsupport NoTransaction --isconnectvalidatereq true --failconnection false --property $props kmipPool"
echo "create-connector-resource --poolname kmipPool boat/kmip"
