#!/usr/bin/env bash
# Interleaved A/B of two BOAT builds (not a test; figures go to bench/RESULTS.md). compare.sh runs
# one server after another, and on this 2-core machine the same build moves by 20-30 % with its
# position in the run: a change of a few percent cannot show there. Here both servers (and, with
# BARE=1, the tuned bare endpoint) run at once, idle but for their turn, and take ROUNDS turns of
# SECONDS of wrk load each, the order rotating every round, so drift and position fall on every
# server alike. Per server: every turn's req/s and CPU per request (the JVM's utime+stime from /proc
# over its own turn), then the medians.
#
#   bench/http/ab.sh [ROUNDS=8] [SECONDS=10] [SCENARIO=get-payload|get-root|post-secret|post-order]
# Environment: A_ROOT / B_ROOT, the checkouts whose deploy/boat.sh (and deploy scripts) start A and B
# (this checkout); A_JAR / B_JAR, their uber jars (this checkout's deploy/target/boat-micro.jar);
# A_ENV / B_ENV, extra NAME=value words for one side's deploy/boat.sh (e.g. BOAT_HEAP_MB=128, or
# BOAT_JAVA=<another JDK's java>);
# BARE=1 adds the tuned bare endpoint (GET /), and BARE_SERVLET=1 with it the same server's plain servlet
# (GET /servlet, the container without JAX-RS); BARE_UNTUNED=1 the bare endpoint on an untuned container and JVM; MIXED=1 first sends each BOAT the 10,000 mixed requests of
# compare.sh and prints its RSS after them; WARMUP_SECONDS (120) of load per server first (with 60 the first two rounds still met C2 compiling);
# JAVA (java on PATH).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-8}"; secs="${2:-10}"; scenario="${3:-get-payload}"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
# shellcheck source=bench/http/servers.sh
. "$root/bench/http/servers.sh"
work="$(mktemp -d /tmp/boat-ab.XXXXXX)"
declare -A pids=() urls=() luas=() status=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export BOAT_ADMIN_PASSWORD=bench-admin-password

boat_side() { # NAME ROOT JAR ENV
  local port base token secret
  port="$("$root/deploy/free-port.sh")"
  # shellcheck disable=SC2086
  env BOAT_JAVA="$java" $4 BOAT_HOME="$work/$1" BOAT_PORT="$port" BOAT_JAR="$3" "$2/deploy/boat.sh" > "$work/$1.log" 2>&1 &
  pids[$1]=$!
  base="http://127.0.0.1:$port"
  wait_for "$base/" 300 "${pids[$1]}" "$work/$1.log"
  read -r token secret <<< "$("$root/bench/http/session.sh" "$base")"
  echo "$token" > "$work/$1.token"
  if [ "${MIXED:-0}" = 1 ]; then
    mixed_load "$base" "$token" "${secret#"$base"}/payload" 16 "$work/$1.mixed"
    echo "$1 RSS after ${BOAT_MIXED_REQUESTS:-10000} mixed requests: $(proc_rss "${pids[$1]}") MiB ($(grep -E '^answers' "$work/$1.mixed"))"
  fi
  case "$scenario" in
    get-payload) urls[$1]="$secret/payload"; luas[$1]=get-payload.lua ;;
    get-root) urls[$1]="$base/"; luas[$1]=status.lua; status[$1]=300 ;;
    post-secret) urls[$1]="$base/v1/secrets"; luas[$1]=post-secret.lua ;;
    post-order) urls[$1]="$base/v1/orders"; luas[$1]=post-order.lua ;;
    *) echo "unknown scenario: $scenario" >&2; exit 2 ;;
  esac
}

turn() { # NAME SECONDS -> "rps p99 cpu_ms_per_req"
  local before after out reqs
  before=$(proc_cpu "${pids[$1]}")
  out=$(BOAT_TOKEN="$(cat "$work/$1.token" 2>/dev/null || true)" BENCH_STATUS="${status[$1]:-200}" \
    wrk -t1 -c16 -d"$2s" --latency -s "$root/bench/http/${luas[$1]}" "${urls[$1]}")
  after=$(proc_cpu "${pids[$1]}")
  if echo "$out" | grep -Eq '(unexpected|non-[0-9]+) answers'; then echo "$1: wrong answers: $out" >&2; exit 1; fi
  reqs=$(echo "$out" | awk '/requests in/{print $1}')
  echo "$(echo "$out" | awk '/^Requests\/sec/{printf "%d", $2}') $(echo "$out" | awk '$1=="99%"{print $2}') \
$(echo "scale=4; ($after - $before) * 1000 / $tck / $reqs" | bc)"
}

echo "== $(nproc) cores; $("$java" -version 2>&1 | head -1); $(date -u +%FT%TZ); $rounds rounds of ${secs}s, $scenario, c=16, 1 wrk thread"
echo "A: $(git -C "${A_ROOT:-$root}" rev-parse --short HEAD)$(git -C "${A_ROOT:-$root}" diff --quiet || echo +) ${A_JAR:-default jar} ${A_ENV:-}"
echo "B: $(git -C "${B_ROOT:-$root}" rev-parse --short HEAD)$(git -C "${B_ROOT:-$root}" diff --quiet || echo +) ${B_JAR:-default jar} ${B_ENV:-}"
names=(A B)
boat_side A "${A_ROOT:-$root}" "${A_JAR:-$root/deploy/target/boat-micro.jar}" "${A_ENV:-}"
boat_side B "${B_ROOT:-$root}" "${B_JAR:-$root/deploy/target/boat-micro.jar}" "${B_ENV:-}"
bare_side() { # NAME tuned|untuned: the bare WAR's server, GET / in the turns; its port in $port
  port="$("$root/deploy/free-port.sh")"
  start_bare "$2" "$port" "$work" > "$work/$1.log" 2>&1 &
  pids[$1]=$!
  wait_for "http://127.0.0.1:$port/" 200 "${pids[$1]}" "$work/$1.log"
  urls[$1]="http://127.0.0.1:$port/"; luas[$1]=status.lua; status[$1]=200
  names+=("$1")
}
if [ "${BARE:-0}" = 1 ]; then
  bare_side bare tuned
  if [ "${BARE_SERVLET:-0}" = 1 ]; then
    # The same server's plain servlet: the container's floor, without JAX-RS.
    pids[servlet]=${pids[bare]}; urls[servlet]="http://127.0.0.1:$port/servlet"; luas[servlet]=status.lua; status[servlet]=200
    names+=(servlet)
  fi
fi
# The same WAR on the stock container and JVM settings: issue 11's second goal compares BOAT with it.
if [ "${BARE_UNTUNED:-0}" = 1 ]; then bare_side untuned untuned; fi
for n in "${names[@]}"; do turn "$n" "${WARMUP_SECONDS:-120}" > /dev/null; done

declare -A all_rps=() all_cpu=()
for ((r = 0; r < rounds; r++)); do
  order=("${names[@]:r % ${#names[@]}}" "${names[@]:0:r % ${#names[@]}}")
  line="round $((r + 1)):"
  for n in "${order[@]}"; do
    read -r rps p99 cpu <<< "$(turn "$n" "$secs")"
    all_rps[$n]+="$rps "; all_cpu[$n]+="$cpu "
    line+="  $n $rps/s p99 $p99 cpu/req ${cpu}ms"
  done
  echo "$line  load $(cut -d' ' -f1 /proc/loadavg)"
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for n in "${names[@]}"; do
  echo "median $n: $(echo "${all_rps[$n]}" | median) req/s, $(echo "${all_cpu[$n]}" | median) ms CPU/req  (RSS $(proc_rss "${pids[$n]}") MiB)"
done
