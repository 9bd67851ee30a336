#!/usr/bin/env bash
# Stops the Payara Server domain started by deploy/payara-server/start.sh: asadmin stop-domain,
# then SIGTERM (SIGKILL after 30 s) to every JVM still running the domain, such as one a failed or
# repeated start left behind. Says so and exits 0 when nothing runs.
#   deploy/payara-server/stop.sh PAYARA_DIR     (BOAT_DOMAIN: boat)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../ear-server-lib.sh"
[ $# -ge 1 ] || { echo "usage: $0 PAYARA_DIR" >&2; exit 2; }
payara="$(cd "$1" && pwd)" || exit 2
domain="${BOAT_DOMAIN:-boat}"
needle="-Dcom.sun.aas.instanceRoot=$payara/glassfish/domains/$domain "
pids="$(ear_java_pids "$needle")"
if [ -z "$pids" ]; then
  echo "Payara Server domain $domain not running"
  exit 0
fi
"$payara/bin/asadmin" --interactive=false stop-domain --kill=false "$domain" >/dev/null 2>&1
# shellcheck disable=SC2046 # one pid a word
ear_terminate $(ear_java_pids "$needle")
if [ -n "$(ear_java_pids "$needle")" ]; then
  echo "Payara Server domain $domain still running" >&2
  exit 1
fi
echo "Payara Server domain $domain stopped"
