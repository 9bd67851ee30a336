#!/usr/bin/env bash
# Stops the Payara Server domain started by deploy/payara-server/start.sh.
#   deploy/payara-server/stop.sh PAYARA_DIR     (BOAT_DOMAIN: boat)
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 PAYARA_DIR" >&2; exit 2; }
exec "$1/bin/asadmin" --interactive=false stop-domain --kill=false "${BOAT_DOMAIN:-boat}"
