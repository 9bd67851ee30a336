#!/usr/bin/env bash
# HTTP load harness (not a test): starts the embedded default in a scratch home, then drives
# POST secret, GET payload and POST order with wrk (Debian package) and prints wrk's figures.
#   bench/http/run.sh [DURATION_SECONDS] [CONNECTIONS] [database|kmip]   (defaults: 30, 16, database)
# With "kmip" a PyKMIP server (deploy/pykmip) is started too and BOAT keeps keys there; after GET
# payload, PyKMIP's own Python client (bench/http/pykmip-get.py) Gets from the same server for the
# same duration, and the ratio of the two is printed (issue 11, goal 5: ≥ 0.9).
# Record results in bench/RESULTS.md with the date, machine and this command.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
duration="${1:-30}"; conns="${2:-16}"; store="${3:-database}"; threads=2
command -v wrk >/dev/null || { echo "wrk not found: sudo apt-get install wrk" >&2; exit 1; }
home="$(mktemp -d /tmp/boat-bench.XXXXXX)"
port="$("$root/deploy/free-port.sh")"
export BOAT_ADMIN_PASSWORD="bench-admin-password" BOAT_HOME="$home" BOAT_PORT="$port"
if [ "$store" = kmip ]; then
  kport="$("$root/deploy/free-port.sh")"
  "$root/deploy/pykmip/start-pykmip.sh" "$home/kmip" "$kport" >/dev/null
  export BOAT_KMIP_HOST=127.0.0.1 BOAT_KMIP_PORT="$kport" BOAT_KMIP_STORE_PASSWORD=changeit \
    BOAT_KMIP_KEYSTORE="$home/kmip/client.p12" BOAT_KMIP_TRUSTSTORE="$home/kmip/truststore.p12"
fi
"$root/deploy/boat.sh" > "$home/server.log" 2>&1 &
server=$!
cleanup() {
  kill $server 2>/dev/null; wait $server 2>/dev/null
  [ "$store" = kmip ] && "$root/deploy/pykmip/stop-pykmip.sh" "$home/kmip" >/dev/null 2>&1
  rm -rf "$home"
}
trap cleanup EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 180); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/" || true)" = 300 ] && break; sleep 1
done
read -r token secret <<< "$("$root/bench/http/session.sh" "$base")"
export BOAT_TOKEN="$token"
# Each scenario first runs 20 s unmeasured at the same concurrency, so the JIT has compiled the path.
warm() { wrk -t$threads -c"$conns" -d20s -s "$1" "$2" >/dev/null; }
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%FT%TZ); duration ${duration}s, connections $conns, store $store"
warm "$root/bench/http/get-payload.lua" "$secret/payload"
echo "== GET payload"
wrk -t$threads -c"$conns" -d"${duration}s" --latency -s "$root/bench/http/get-payload.lua" "$secret/payload" | tee "$home/get-payload.out"
if [ "$store" = kmip ]; then
  # Issue 11, goal 5: BOAT's GET payload against what PyKMIP's own client gets from the same server
  # in the same run (one session: PyKMIP serves one request at a time under a global lock).
  echo "== PyKMIP's own client, one session, ${duration}s, load $(cut -d' ' -f1 /proc/loadavg)"
  py=$(/usr/bin/python3 "$root/bench/http/pykmip-get.py" 127.0.0.1 "$kport" "$home/kmip/client.pem" \
    "$home/kmip/client.key" "$home/kmip/ca.pem" "$duration")
  boat=$(awk '/^Requests\/sec/{print $2}' "$home/get-payload.out")
  echo "PyKMIP client Gets/s: $py; BOAT GET payload/s: $boat; ratio BOAT / PyKMIP: $(echo "scale=2; $boat / $py" | bc)"
fi
warm "$root/bench/http/post-secret.lua" "$base/v1/secrets"
echo "== POST secret"
wrk -t$threads -c"$conns" -d"${duration}s" --latency -s "$root/bench/http/post-secret.lua" "$base/v1/secrets"
warm "$root/bench/http/post-order.lua" "$base/v1/orders"
echo "== POST order"
wrk -t$threads -c"$conns" -d"${duration}s" --latency -s "$root/bench/http/post-order.lua" "$base/v1/orders"
pending=$(curl -s "$base/v1/orders?limit=1" -H "X-Auth-Token: $token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "== orders accepted in total: $pending"
