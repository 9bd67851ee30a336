#!/usr/bin/env bash
# For the HTTP benches: logs in as the bootstrap admin (password BOAT_ADMIN_PASSWORD) at BASE,
# stores one 32-byte secret, and prints "TOKEN SECRET_REF" on one line.
#   bench/http/session.sh BASE
set -euo pipefail
base="$1"
token=$(curl -si "$base/v3/auth/tokens" -H 'Content-Type: application/json' -d '{"auth":{"identity":{"methods":["password"],
  "password":{"user":{"name":"admin","domain":{"name":"Default"},"password":"'"$BOAT_ADMIN_PASSWORD"'"}}},
  "scope":{"project":{"name":"admin","domain":{"name":"Default"}}}}}' | awk 'tolower($1)=="x-subject-token:"{print $2}' | tr -d '\r')
secret=$(curl -s "$base/v1/secrets" -H "X-Auth-Token: $token" -H 'Content-Type: application/json' \
  -d '{"name":"bench","payload":"RwuBgu6vnzM8VBb7JFJ1Kwrd871cTgw2QFIFW07ZuUk=","payload_content_type":"application/octet-stream","payload_content_encoding":"base64"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret_ref"])')
echo "$token $secret"
