#!/usr/bin/env bash
# Starts the BOAT attestation service on its embedded default: the attestation-service WAR on Payara
# Micro, listening on 127.0.0.1:9312, with an H2 database under ./var/attestation.
#
#   BOAT_ATTESTATION_EK_CA_CERTIFICATES=ca1.pem,ca2.pem deploy/attestation.sh            build if needed, then start
#   BOAT_ATTESTATION_EK_CA_CERTIFICATES=ca1.pem,ca2.pem deploy/attestation.sh --rebuild  rebuild first
#
# Environment (all optional except the EK CAs; the README's attestation table lists every setting):
#   BOAT_ATTESTATION_EK_CA_CERTIFICATES  comma-separated PEM files of the TPM manufacturers' EK CAs (required)
#   BOAT_ATTESTATION_PORT (9312), BOAT_ATTESTATION_BIND_ADDRESS (127.0.0.1), BOAT_ATTESTATION_HOME (./var/attestation)
#   BOAT_ATTESTATION_TLS_CERT/_KEY (PEM) or BOAT_ATTESTATION_TLS_KEYSTORE(_PASSWORD) (PKCS#12): HTTPS on
#                                        BOAT_ATTESTATION_HTTPS_PORT (9444); BOAT_ATTESTATION_TLS_CLIENT_AUTH
#                                        (none|want|need) with BOAT_ATTESTATION_TLS_CLIENT_CA; BOAT_ATTESTATION_HTTP
#                                        (on|off) keeps or drops plain HTTP (deploy/tls.sh)
#   BOAT_ATTESTATION_OPERATOR_TOKEN      static operator bearer token; generated, kept in HOME/operator-token
#                                        and printed once when not given
#   BOAT_KMS_URL                         a BOAT KMS (e.g. http://127.0.0.1:9311): its published token-signing key
#                                        is fetched so that KMS admin tokens work on the operator API
#   BOAT_ATTESTATION_ADMIN_TOKEN_PUBLIC_KEY  that key given directly (PEM file)
#   BOAT_ATTESTATION_SIGNING_KEYSTORE(_PASSWORD)  PKCS#12 key signing trust reports; generated in HOME when not given
#   BOAT_ATTESTATION_JDBC_URL/USER/PASSWORD  jdbc:postgresql://HOST:PORT/DB for PostgreSQL
#   BOAT_METRICS                         1 keeps Payara's unauthenticated /metrics on (off by default)
#   BOAT_JAVA_OPTS                       extra JVM options, e.g. -Dboat.attestation.trust-lifetime-seconds=300
#   BOAT_PAYARA_MICRO_JAR                a Payara Micro jar to use instead of fetching one
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/attestation-service/target"
war="$target/attestation-service.war"
micro="${BOAT_PAYARA_MICRO_JAR:-$target/payara-micro.jar}"
pg="$target/postgresql.jar"
version_of() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }

cas="${BOAT_ATTESTATION_EK_CA_CERTIFICATES:-}"
if [ -z "$cas" ]; then
  echo "attestation.sh: set BOAT_ATTESTATION_EK_CA_CERTIFICATES to the PEM file(s) of the EK CAs to trust" >&2
  echo "  (for a swtpm: deploy/tpm/swtpm-provision.sh STATE_DIR CA_DIR prints them)" >&2
  exit 2
fi
IFS=',' read -r -a ca_files <<< "$cas"
for f in "${ca_files[@]}"; do
  if [ ! -r "$f" ] || ! grep -q -- "-----BEGIN CERTIFICATE-----" "$f"; then
    echo "attestation.sh: BOAT_ATTESTATION_EK_CA_CERTIFICATES: $f is not a readable PEM certificate file" >&2
    exit 2
  fi
done

if [ "${1:-}" = "--rebuild" ] || [ ! -f "$war" ]; then
  (cd "$root" && mvn -q -B -ntp -DskipTests -pl attestation-service,agent -am package)
fi
fetch() { (cd "$root" && mvn -q -B -ntp dependency:copy -DoutputDirectory="$target" -Dmdep.stripVersion=true -Dartifact="$1"); }
[ -f "$micro" ] || fetch "fish.payara.extras:payara-micro:$(version_of payara.micro.version)"

home="${BOAT_ATTESTATION_HOME:-$PWD/var/attestation}"
umask 077
mkdir -p "$home"
home="$(cd "$home" && pwd)"

if [ -z "${BOAT_ATTESTATION_OPERATOR_TOKEN:-}" ]; then
  if [ ! -s "$home/operator-token" ]; then
    head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$home/operator-token"
    echo "attestation.sh: operator token (kept in $home/operator-token, shown only now): $(cat "$home/operator-token")"
  fi
  BOAT_ATTESTATION_OPERATOR_TOKEN="$(cat "$home/operator-token")"
fi
export BOAT_ATTESTATION_OPERATOR_TOKEN BOAT_ATTESTATION_EK_CA_CERTIFICATES="$cas"

# One trust-report signing key for the life of this home: relying parties keep verifying reports
# across restarts, and no RSA key is generated at each start.
if [ -z "${BOAT_ATTESTATION_SIGNING_KEYSTORE:-}" ]; then
  ks="$home/trust-report-signing.p12"
  if [ ! -s "$ks" ]; then
    head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$home/trust-report-signing.password"
    "$(dirname "$(readlink -f "$(command -v java)")")/keytool" -genkeypair -keystore "$ks" -storetype PKCS12 \
      -storepass:file "$home/trust-report-signing.password" -alias trust-reports -keyalg RSA -keysize 2048 \
      -dname "CN=BOAT attestation trust reports" -validity 3650 2>/dev/null
  fi
  export BOAT_ATTESTATION_SIGNING_KEYSTORE="$ks"
  BOAT_ATTESTATION_SIGNING_KEYSTORE_PASSWORD="$(cat "$home/trust-report-signing.password")"
  export BOAT_ATTESTATION_SIGNING_KEYSTORE_PASSWORD
fi

if [ -n "${BOAT_KMS_URL:-}" ] && [ -z "${BOAT_ATTESTATION_ADMIN_TOKEN_PUBLIC_KEY:-}" ]; then
  curl -fsS "${BOAT_KMS_URL%/}/v3/OS-BOAT/token-signing-key" -o "$home/kms-token-signing-key.pem"
  export BOAT_ATTESTATION_ADMIN_TOKEN_PUBLIC_KEY="$home/kms-token-signing-key.pem"
fi

url="${BOAT_ATTESTATION_JDBC_URL:-jdbc:h2:file:$home/attestation-db;WRITE_DELAY=0}"
export BOAT_ATTESTATION_JDBC_URL="$url"
libs=()
case "$url" in
  jdbc:postgresql:*)
    export BOAT_ATTESTATION_JDBC_CLASS="${BOAT_ATTESTATION_JDBC_CLASS:-org.postgresql.ds.PGSimpleDataSource}"
    [ -f "$pg" ] || fetch "org.postgresql:postgresql:$(version_of postgresql.version)"
    libs=(--addlibs "$pg") ;;
esac

. "$root/deploy/tls.sh"
# The listeners' settings before the boot: set after it, a running listener is restarted (deploy/preboot.sh).
echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=${BOAT_ATTESTATION_BIND_ADDRESS:-127.0.0.1}" \
  > "$home/preboot.asadmin"
# Disclose nothing about the server, as on the KMS (deploy/preboot.sh): no Server / X-Powered-By headers.
# (Errors the container answers itself get the service's JSON error page, attestation-service's web.xml.)
for protocol in http-listener https-listener; do
  echo "set configs.config.server-config.network-config.protocols.protocol.$protocol.http.xpowered-by=false"
  echo "set configs.config.server-config.network-config.protocols.protocol.$protocol.http.server-header=false"
done >> "$home/preboot.asadmin"
tls_https_preboot BOAT_ATTESTATION "$home" 9444 >> "$home/preboot.asadmin"
if grep -q https-listener.enabled=true "$home/preboot.asadmin"; then
  echo "attestation.sh: https://${BOAT_ATTESTATION_BIND_ADDRESS:-127.0.0.1}:${BOAT_ATTESTATION_HTTPS_PORT:-9444}/attestation-service/api/v1"
fi
echo "attestation.sh: http://${BOAT_ATTESTATION_BIND_ADDRESS:-127.0.0.1}:${BOAT_ATTESTATION_PORT:-9312}/attestation-service/api/v1 (OpenAPI at /openapi)"
# No unauthenticated /metrics (JVM, threads, memory), as on BOAT's KMS (deploy/postboot.sh); BOAT_METRICS=1
# keeps it. /health stays open for load balancers, the OpenAPI document stays (it documents this API).
{ [ "${BOAT_METRICS:-}" = "1" ] || echo "set-metrics-configuration --enabled=false"; } > "$home/postboot.asadmin"
cd "$home"
# A fresh runtime directory each start: Payara Micro redeploys what an old one holds, and then
# deploys the WAR again on top of it (twice the start-up time, and an undeploy in the log).
rm -rf "$home/payara"
exec java ${BOAT_JAVA_OPTS:-} -jar "$micro" --nohazelcast --port "${BOAT_ATTESTATION_PORT:-9312}" \
  --rootdir "$home/payara" --prebootcommandfile "$home/preboot.asadmin" \
  --postbootcommandfile "$home/postboot.asadmin" "${libs[@]}" --deploy "$war"
