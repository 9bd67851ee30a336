#!/usr/bin/env bash
# Starts a PyKMIP test server (Debian python3-pykmip) in the background.
#   start-pykmip.sh DIR [PORT]   (PORT defaults to 5696)
# DIR receives: ca.pem server.pem/.key client.pem/.key (CN boat-kms, extendedKeyUsage clientAuth),
# client.p12 + truststore.p12 for the Java side (password: $KMIP_STORE_PASSWORD, default changeit),
# server.conf, pykmip.db, server.log and pykmip.pid. Existing certificates in DIR are reused.
set -euo pipefail
DIR=${1:?usage: start-pykmip.sh DIR [PORT]}
PORT=${2:-5696}
PASS=${KMIP_STORE_PASSWORD:-changeit}
SERVER=/usr/bin/pykmip-server
[ -x "$SERVER" ] || { echo "pykmip-server not found: sudo apt-get install python3-pykmip" >&2; exit 1; }
mkdir -p "$DIR/policies"
cd "$DIR"
if [ -f pykmip.pid ] && kill -0 "$(cat pykmip.pid)" 2>/dev/null; then
  echo "PyKMIP already running (pid $(cat pykmip.pid))" >&2; exit 1
fi
if [ ! -f ca.pem ]; then
  umask 077
  openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=BOAT test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout ca.key -out ca.pem 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n' > server.ext
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 365 -extfile server.ext -out server.pem 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=boat-kms" -keyout client.key -out client.csr 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n' > client.ext
  openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 365 -extfile client.ext -out client.pem 2>/dev/null
  openssl pkcs12 -export -name client -in client.pem -inkey client.key -certfile ca.pem -out client.p12 -passout "pass:$PASS"
  keytool -importcert -noprompt -alias ca -file ca.pem -keystore truststore.p12 -storetype PKCS12 -storepass "$PASS" >/dev/null
  rm -f server.csr client.csr server.ext client.ext
fi
cat > server.conf <<CONF
[server]
hostname=127.0.0.1
port=$PORT
certificate_path=$PWD/server.pem
key_path=$PWD/server.key
ca_path=$PWD/ca.pem
auth_suite=TLS1.2
policy_path=$PWD/policies
enable_tls_client_auth=True
tls_cipher_suites=
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256
    TLS_RSA_WITH_AES_256_CBC_SHA256
    TLS_RSA_WITH_AES_128_CBC_SHA256
logging_level=INFO
database_path=$PWD/pykmip.db
CONF
nohup "$SERVER" --config_path "$PWD/server.conf" --log_path "$PWD/server.log" > server.out 2>&1 &
echo $! > pykmip.pid
for _ in $(seq 1 300); do
  if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then
    echo "PyKMIP listening on 127.0.0.1:$PORT (pid $(cat pykmip.pid)); Java stores: $PWD/client.p12, $PWD/truststore.p12"
    exit 0
  fi
  kill -0 "$(cat pykmip.pid)" 2>/dev/null || { echo "pykmip-server exited; see $PWD/server.log" >&2; tail -20 server.out >&2; exit 1; }
  sleep 0.1
done
echo "PyKMIP did not open port $PORT in 30 s; see $PWD/server.log" >&2
exit 1
