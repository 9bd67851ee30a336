#!/usr/bin/env bash
# POST order, two builds side by side (not a test; figures go to bench/RESULTS.md): both uber jars
# run at once (tuned, deploy/boat.sh), each gets 20 s of orders to warm up, then they are measured
# in turns, so each A/B pair meets the same machine load even when the machine is shared. CPU per
# order is the server JVM's utime+stime over the wrk run plus 3 s after it, so that the background
# completion of the orders it accepted is counted too (the idle server's own ticks in those 3 s
# are counted as well, alike for both).
#   bench/http/ab-order.sh JAR_A JAR_B [ROUNDS=3] [SECONDS=10]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
a="$1"; b="$2"; rounds="${3:-3}"; dur="${4:-10}"
tck="$(getconf CLK_TCK)"; export BOAT_ADMIN_PASSWORD=bench-admin-password
work="$(mktemp -d /tmp/s3o-ab.XXXXXX)"; pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null; done; wait; rm -rf "$work"' EXIT
declare -A port pid tok
for s in A B; do
  jar="$a"; [ $s = B ] && jar="$b"
  port[$s]="$("$root/deploy/free-port.sh")"
  BOAT_HOME="$work/$s" BOAT_PORT="${port[$s]}" BOAT_JAR="$jar" "$root/deploy/boat.sh" > "$work/$s.log" 2>&1 &
  pid[$s]=$!; pids+=($!)
  sleep 1
done
for s in A B; do
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:${port[$s]}/" || true)" = 300 ]; do sleep 1; done
  read -r t sec <<< "$("$root/bench/http/session.sh" "http://127.0.0.1:${port[$s]}")"; tok[$s]="$t"
done
echo "both up $(date -u +%T) load $(cut -d' ' -f1 /proc/loadavg)"
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for s in A B; do BOAT_TOKEN="${tok[$s]}" wrk -t1 -c16 -d20s -s "$root/bench/http/post-order.lua" "http://127.0.0.1:${port[$s]}/v1/orders" > /dev/null; done
for r in $(seq "$rounds"); do
  for s in A B; do
    sleep 3   # let the other server's background work drain
    before=$(cpu "${pid[$s]}")
    out=$(BOAT_TOKEN="${tok[$s]}" wrk -t1 -c16 -d"${dur}s" -s "$root/bench/http/post-order.lua" "http://127.0.0.1:${port[$s]}/v1/orders")
    sleep 3   # count the background completion of what was accepted
    after=$(cpu "${pid[$s]}")
    reqs=$(echo "$out" | awk '/requests in/{print $1}'); rps=$(echo "$out" | awk '/^Requests\/sec/{printf "%d", $2}')
    printf 'round %s %s %6s req/s  cpu/order %s ms  load %s %s\n' "$r" "$s" "$rps" \
      "$(echo "scale=3; ($after - $before) * 1000 / $tck / $reqs" | bc)" "$(cut -d' ' -f1 /proc/loadavg)" "$(echo "$out" | grep -Eo 'non-[0-9]+ answers: [0-9]+' || true)"
  done
done
