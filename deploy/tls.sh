# TLS for BOAT's start scripts (sourced, not run): the HTTPS listener of a Payara Micro (the KMS's
# and the attestation service's) and BOAT's trust in the attestation service. The README's
# "HTTPS" section lists every setting; in short, for PREFIX=BOAT (KMS) or BOAT_ATTESTATION:
#   PREFIX_TLS_CERT + PREFIX_TLS_KEY          PEM server certificate (chain after it) and its key, or
#   PREFIX_TLS_KEYSTORE(_PASSWORD)            a PKCS#12 file holding one key entry and its chain
#   PREFIX_HTTPS_PORT                         (9443 for the KMS, 9444 for the attestation service)
#   PREFIX_TLS_CLIENT_AUTH                    none (default) | want | need
#   PREFIX_TLS_CLIENT_CA                      PEM file of the CA(s) whose client certificates are accepted
#   PREFIX_HTTP                               on (default) | off: keep the plain HTTP listener
# The HTTPS listener binds PREFIX_BIND_ADDRESS (127.0.0.1), as the HTTP listener does.

tls_keytool() {
  "$(dirname "$(readlink -f "$(command -v java)")")/keytool" "$@"
}

tls_fail() {
  echo "$1" >&2
  exit 2
}

tls_random_password() {
  head -c 24 /dev/urandom | base64 | tr -d '/+=\n'
}

# tls_trust_store PEM OUT PASSWORD: a PKCS#12 trust store holding every certificate of the PEM file
# (keytool -importcert reads only the first certificate of a file, so the bundle is split first).
tls_trust_store() {
  local pem="$1" out="$2" password="$3" dir n=0
  [ -r "$pem" ] && grep -q -- "-----BEGIN CERTIFICATE-----" "$pem" || tls_fail "$pem is not a readable PEM certificate file"
  dir="$(mktemp -d)"
  awk -v dir="$dir" '/-----BEGIN CERTIFICATE-----/ { n++; f = dir "/" n ".pem" } f { print > f } /-----END CERTIFICATE-----/ { f = "" }' "$pem"
  rm -f "$out"
  for cert in "$dir"/*.pem; do
    n=$((n + 1))
    TLS_STORE_PASSWORD="$password" tls_keytool -importcert -noprompt -alias "ca-$n" -file "$cert" -keystore "$out" \
      -storetype PKCS12 -storepass:env TLS_STORE_PASSWORD > "$dir/keytool.out" 2>&1 \
      || tls_fail "keytool could not import $pem: $(cat "$dir/keytool.out")"
  done
  rm -rf "$dir"
}

# The alias of the first key entry in a PKCS#12 file: Payara's listener names its key by alias.
tls_key_alias() {
  TLS_STORE_PASSWORD="$2" tls_keytool -list -keystore "$1" -storetype PKCS12 -storepass:env TLS_STORE_PASSWORD 2>/dev/null \
    | sed -n 's/^\([^,]*\), .*, PrivateKeyEntry,.*$/\1/p' | head -1 || true
}

# tls_https_preboot PREFIX HOME DEFAULT_PORT: prints the pre-boot commands enabling the HTTPS listener
# when PREFIX's certificate is configured (nothing otherwise); converts PEM input to PKCS#12 under
# HOME/tls (Payara's listener reads key and trust stores, not PEM).
# Pre-boot, as the HTTP listener's settings (deploy/preboot.sh): post-boot, each `set` restarted the
# running HTTPS listener on a background thread, and one of those racing restarts could leave it
# unbound (a CI run where HTTPS never answered).
tls_https_preboot() {
  local p="$1" home="$2" default_port="$3"
  local cert_var="${p}_TLS_CERT" key_var="${p}_TLS_KEY" ks_var="${p}_TLS_KEYSTORE" ksp_var="${p}_TLS_KEYSTORE_PASSWORD"
  local port_var="${p}_HTTPS_PORT" auth_var="${p}_TLS_CLIENT_AUTH" ca_var="${p}_TLS_CLIENT_CA" http_var="${p}_HTTP"
  local bind_var="${p}_BIND_ADDRESS"
  local keystore password alias auth="${!auth_var:-none}" http="${!http_var:-on}"
  local ssl="configs.config.server-config.network-config.protocols.protocol.https-listener.ssl"
  local listener="configs.config.server-config.network-config.network-listeners.network-listener"

  case "$http" in
    on|off) ;;
    *) tls_fail "$http_var: $http is not on or off" ;;
  esac
  if [ -n "${!cert_var:-}" ] || [ -n "${!key_var:-}" ]; then
    [ -r "${!cert_var:-}" ] || tls_fail "$cert_var: set it to a readable PEM certificate file (with $key_var)"
    [ -r "${!key_var:-}" ] || tls_fail "$key_var: set it to the readable PEM private key of $cert_var"
    mkdir -p "$home/tls"
    keystore="$home/tls/https-listener.p12"
    password="$(tls_random_password)"
    alias=boat
    TLS_STORE_PASSWORD="$password" openssl pkcs12 -export -in "${!cert_var}" -inkey "${!key_var}" -name "$alias" \
      -out "$keystore" -passout env:TLS_STORE_PASSWORD \
      || tls_fail "$cert_var/$key_var: openssl could not make a PKCS#12 file of them (does the key match the certificate?)"
  elif [ -n "${!ks_var:-}" ]; then
    [ -r "${!ks_var}" ] || tls_fail "$ks_var: ${!ks_var} is not readable"
    keystore="$(readlink -f "${!ks_var}")"
    password="${!ksp_var:-}"
    alias="$(tls_key_alias "$keystore" "$password")"
    [ -n "$alias" ] || tls_fail "$ks_var: no key entry found (is it PKCS#12, and $ksp_var its password?)"
  else
    [ "$http" = on ] || tls_fail "$http_var=off needs HTTPS: set $cert_var and $key_var (or $ks_var)"
    return 0
  fi

  local trust_store="" trust_password=""
  case "$auth" in
    none) ;;
    want|need)
      [ -n "${!ca_var:-}" ] || tls_fail "$auth_var=$auth: set $ca_var to the PEM file of the client certificates' CA(s)"
      mkdir -p "$home/tls"
      trust_store="$home/tls/https-client-ca.p12"
      trust_password="$(tls_random_password)"
      tls_trust_store "${!ca_var}" "$trust_store" "$trust_password" ;;
    *) tls_fail "$auth_var: $auth is not one of none, want, need" ;;
  esac

  # Every setting is checked before the first command is printed: a refused configuration
  # leaves no half-configured listener behind.
  echo "set $listener.https-listener.address=${!bind_var:-127.0.0.1}"
  echo "set $listener.https-listener.port=${!port_var:-$default_port}"
  echo "set $listener.https-listener.enabled=true"
  echo "set $ssl.key-store=$keystore"
  echo "set $ssl.cert-nickname=$alias"
  # TLS 1.2 and 1.3 only: Payara has no switch for older versions, and Java 17 disables them.
  echo "set $ssl.tls12-enabled=true"
  echo "set $ssl.tls13-enabled=true"
  # Payara logs each boot command's result, values included: not the passwords.
  echo "set-log-levels fish.payara.boot.runtime.BootCommand=WARNING"
  echo "set $ssl.key-store-password=$password"
  if [ -n "$trust_store" ]; then
    echo "set $ssl.trust-store=$trust_store"
    echo "set $ssl.trust-store-password=$trust_password"
    echo "set $ssl.client-auth=$auth"
  fi
  echo "set-log-levels fish.payara.boot.runtime.BootCommand=INFO"
  if [ "$http" = off ]; then
    echo "set $listener.http-listener.enabled=false"
  fi
}

# tls_attestation_client HOME: the MicroProfile Rest Client settings (configKey attestation-service)
# for BOAT -> attestation service over HTTPS, exported as environment variables (MicroProfile Config
# maps attestation-service/mp-rest/trustStore to ATTESTATION_SERVICE_MP_REST_TRUSTSTORE), so no
# password appears on a command line.
#   BOAT_ATTESTATION_SERVICE_CA                 PEM file of the CA(s) that issued the service's certificate, or
#   BOAT_ATTESTATION_SERVICE_TRUSTSTORE(_PASSWORD, _TYPE)   a trust store (PKCS12 by default)
#   BOAT_ATTESTATION_SERVICE_KEYSTORE(_PASSWORD, _TYPE)     BOAT's client certificate, for mutual TLS
tls_attestation_client() {
  local home="$1" password
  if [ -n "${BOAT_ATTESTATION_SERVICE_CA:-}" ]; then
    mkdir -p "$home/tls"
    password="$(tls_random_password)"
    tls_trust_store "$BOAT_ATTESTATION_SERVICE_CA" "$home/tls/attestation-service-ca.p12" "$password"
    export ATTESTATION_SERVICE_MP_REST_TRUSTSTORE="file:$home/tls/attestation-service-ca.p12"
    export ATTESTATION_SERVICE_MP_REST_TRUSTSTOREPASSWORD="$password"
    export ATTESTATION_SERVICE_MP_REST_TRUSTSTORETYPE=PKCS12
  elif [ -n "${BOAT_ATTESTATION_SERVICE_TRUSTSTORE:-}" ]; then
    [ -r "$BOAT_ATTESTATION_SERVICE_TRUSTSTORE" ] || tls_fail "BOAT_ATTESTATION_SERVICE_TRUSTSTORE is not readable"
    export ATTESTATION_SERVICE_MP_REST_TRUSTSTORE="file:$(readlink -f "$BOAT_ATTESTATION_SERVICE_TRUSTSTORE")"
    export ATTESTATION_SERVICE_MP_REST_TRUSTSTOREPASSWORD="${BOAT_ATTESTATION_SERVICE_TRUSTSTORE_PASSWORD:-}"
    export ATTESTATION_SERVICE_MP_REST_TRUSTSTORETYPE="${BOAT_ATTESTATION_SERVICE_TRUSTSTORE_TYPE:-PKCS12}"
  fi
  if [ -n "${BOAT_ATTESTATION_SERVICE_KEYSTORE:-}" ]; then
    [ -r "$BOAT_ATTESTATION_SERVICE_KEYSTORE" ] || tls_fail "BOAT_ATTESTATION_SERVICE_KEYSTORE is not readable"
    export ATTESTATION_SERVICE_MP_REST_KEYSTORE="file:$(readlink -f "$BOAT_ATTESTATION_SERVICE_KEYSTORE")"
    export ATTESTATION_SERVICE_MP_REST_KEYSTOREPASSWORD="${BOAT_ATTESTATION_SERVICE_KEYSTORE_PASSWORD:-}"
    export ATTESTATION_SERVICE_MP_REST_KEYSTORETYPE="${BOAT_ATTESTATION_SERVICE_KEYSTORE_TYPE:-PKCS12}"
  fi
  return 0
}
