#!/usr/bin/env bash
# Start-up of the attestation WAR on Payara Micro, as measured for bench/RESULTS.md: seconds from
# `java -jar payara-micro` to the first 200 of GET /v1/keys, plus Payara's own "deployed in" and
# "ready in" figures. No signing keystore is configured (as in AttestationServicePayaraIT), so the
# per-instance key is generated. Run two WARs back to back to compare them under the same load:
#
#   bench/startup/run.sh before.war after.war [runs=3]
#
# Each WAR must be named attestation-service.war (the context root); put them in two directories.
# BOAT_PAYARA_MICRO_JAR: the Payara Micro jar (default: the pom's version in ~/.m2).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="$(sed -n 's:.*<payara.micro.version>\(.*\)</payara.micro.version>.*:\1:p' "$root/pom.xml" | head -1)"
micro="${BOAT_PAYARA_MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$version/payara-micro-$version.jar}"
work="$(mktemp -d)"
port="$("$root/deploy/free-port.sh")"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/ca.key" -out "$work/ca.pem" -subj /CN=bench-ek-ca -days 1 2>/dev/null
export BOAT_ATTESTATION_EK_CA_CERTIFICATES="$work/ca.pem"
BOAT_ATTESTATION_OPERATOR_TOKEN="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
export BOAT_ATTESTATION_OPERATOR_TOKEN

one() { # WAR LABEL
  local d="$work/$2" t0 t1 pid
  mkdir -p "$d"
  export BOAT_ATTESTATION_JDBC_URL="jdbc:h2:file:$d/db;WRITE_DELAY=0"
  t0=$(date +%s.%N)
  java -jar "$micro" --nohazelcast --port "$port" --rootdir "$d/payara" --deploy "$1" > "$d/log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/attestation-service/api/v1/keys")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "$2: Payara Micro exited, see $d/log" >&2; return 1; }
    sleep 0.2
  done
  t1=$(date +%s.%N)
  echo "$2 first-answer-s=$(echo "$t1 - $t0" | bc) deployed-ms=$(grep -o 'successfully deployed in [0-9,]*' "$d/log" | tr -dc 0-9) ready-ms=$(grep -o 'ready in [0-9,]*' "$d/log" | tr -dc 0-9) load=$(cut -d' ' -f1 /proc/loadavg)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
for i in $(seq "${3:-3}"); do one "$1" "before-$i"; one "$2" "after-$i"; done
rm -rf "$work"
