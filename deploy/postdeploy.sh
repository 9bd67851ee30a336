#!/usr/bin/env bash
# Writes the Payara Micro post-deploy commands that point BOAT at a KMIP server through the
# kmip-connector resource adapter (deployed in the uber jar): a NoTransaction connection pool
# and the resource boat/kmip. Prints nothing unless BOAT_KMIP_HOST is set.
# BOAT_KMIP_HOST, BOAT_KMIP_PORT (5696), BOAT_KMIP_KEYSTORE / BOAT_KMIP_TRUSTSTORE (PKCS#12),
# BOAT_KMIP_STORE_PASSWORD, BOAT_KMIP_CONNECT_TIMEOUT_MS (5000), BOAT_KMIP_READ_TIMEOUT_MS (10000).
set -euo pipefail
[ -n "${BOAT_KMIP_HOST:-}" ] || exit 0
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g' -e 's/;/\\;/g'; }
props="host=$(esc "$BOAT_KMIP_HOST"):port=${BOAT_KMIP_PORT:-5696}"
props="$props:keyStorePath=$(esc "${BOAT_KMIP_KEYSTORE:?BOAT_KMIP_KEYSTORE is required}")"
props="$props:keyStorePassword=$(esc "${BOAT_KMIP_STORE_PASSWORD:?BOAT_KMIP_STORE_PASSWORD is required}")"
props="$props:trustStorePath=$(esc "${BOAT_KMIP_TRUSTSTORE:?BOAT_KMIP_TRUSTSTORE is required}")"
props="$props:trustStorePassword=$(esc "$BOAT_KMIP_STORE_PASSWORD")"
props="$props:connectTimeoutMillis=${BOAT_KMIP_CONNECT_TIMEOUT_MS:-5000}:readTimeoutMillis=${BOAT_KMIP_READ_TIMEOUT_MS:-10000}"
echo "create-connector-connection-pool --raname kmip-connector --connectiondefinition io.boat.kmip.api.KmipConnectionFactory --transactionsupport NoTransaction --isconnectvalidatereq true --failconnection false --property $props kmipPool"
echo "create-connector-resource --poolname kmipPool boat/kmip"
