#!/usr/bin/env bash
# One-run comparison (not a test; figures go to bench/RESULTS.md): on the same Payara Micro, one
# server at a time, a bare one-resource JAX-RS WAR (bench/http/bare) untuned and tuned, then BOAT
# untuned and tuned (deploy/boat.sh with BOAT_TUNING=0 / default). For each: start to the first
# answer on / (wall seconds, and the server's CPU-seconds by then), then per scenario requests/s, p50/p99 (wrk --latency, one wrk thread) and server
# CPU-seconds per request (utime+stime of the server's JVM from /proc before and after the measured
# run); for BOAT also the RSS after BOAT_MIXED_REQUESTS (10,000) mixed requests on a fresh start.
#
#   bench/http/compare.sh [DURATION_SECONDS=15] [CONNECTIONS=16] [WHICH=bare,bare-tuned,boat,boat-tuned]
# WHICH may also name boat-before: BOAT untuned from the uber jar $BEFORE_JAR (an older build), or
# boat-before-tuned: the same jar tuned, to compare with boat-tuned.
# Environment: JAVA (java on PATH) runs every server on that JDK; WARMUP_SECONDS (20); BOAT_JAR
# (deploy/target/boat-micro.jar) is the jar under test, e.g. a copy, so the tree can be rebuilt meanwhile;
# BOAT_NMT=1 prints the JVM's native memory summary after the mixed load; BOAT_JAVA_OPTS reaches BOAT's JVM.
# The machine may be shared: every figure line carries the 1-minute load average; compare only
# figures printed by the same run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
duration="${1:-15}"; conns="${2:-16}"; which="${3:-bare,bare-tuned,boat,boat-tuned}"
warmup="${WARMUP_SECONDS:-20}"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
jar="${BOAT_JAR:-$root/deploy/target/boat-micro.jar}"
[ -f "$jar" ] || { echo "build first: mvn -B -q -DskipTests -pl deploy -am package" >&2; exit 1; }
# shellcheck source=bench/http/servers.sh
. "$root/bench/http/servers.sh"
work="$(mktemp -d /tmp/boat-compare.XXXXXX)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export BOAT_ADMIN_PASSWORD=bench-admin-password
[ "${BOAT_NMT:-0}" = 1 ] && export BOAT_JAVA_OPTS="${BOAT_JAVA_OPTS:-} -XX:NativeMemoryTracking=summary"

load() { cut -d' ' -f1 /proc/loadavg; }
# CPU-seconds the server has used so far: start-up's cost that, unlike its wall time, barely moves
# with the machine's load.
cpu_s() { echo "scale=1; $(proc_cpu "$1") / $tck" | bc; }

# Waits for STATUS on URL; prints seconds since T0.
first_answer() { # URL STATUS T0
  wait_for "$1" "$2" "$pid" "$work/server.log"
  echo "$(date +%s.%N) - $3" | bc | xargs printf '%.1f'
}

# Warm-up, then the measured run: LABEL URL LUA [extra wrk args]
scenario() {
  local label="$1" url="$2" lua="$3" before after out reqs rps p50 p99 bad
  wrk -t1 -c"$conns" -d"${warmup}s" -s "$lua" "$url" >/dev/null
  before=$(proc_cpu "$pid")
  out=$(wrk -t1 -c"$conns" -d"${duration}s" --latency -s "$lua" "$url")
  after=$(proc_cpu "$pid")
  reqs=$(echo "$out" | awk '/requests in/{print $1}')
  rps=$(echo "$out" | awk '/^Requests\/sec/{printf "%d", $2}')
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  bad=$(echo "$out" | grep -Eo '(unexpected|non-[0-9]+) answers: [0-9]+' || true)
  printf '%-12s %-14s %8s req/s  p50 %-8s p99 %-8s cpu/req %s ms  load %s %s\n' "$server" "$label" "$rps" "$p50" "$p99" \
    "$(echo "scale=3; ($after - $before) * 1000 / $tck / $reqs" | bc)" "$(load)" "$bad"
}

stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

# With BOAT_NMT=1: where BOAT's RSS is after the mixed load, by the JVM's own accounting (committed
# MiB per area, jcmd VM.native_memory); NMT itself costs a few MiB and a little CPU per allocation.
nmt() {
  jcmd "$pid" VM.native_memory summary scale=MB | awk -v s="$server" '
    /^Total:/ { print s, "NMT", $0 }
    /^-/ { name = $0; sub(/^- */, "", name); sub(/ *\(.*/, "", name); match($0, /committed=[0-9]+MB/)
           printf "%s NMT %s %s\n", s, name, substr($0, RSTART + 10, RLENGTH - 10) }'
}

bare() { # tuned?
  local port t0
  port="$("$root/deploy/free-port.sh")"
  t0=$(date +%s.%N)
  start_bare "$1" "$port" "$work" > "$work/server.log" 2>&1 &
  pid=$!
  echo "$server start-to-first-200 $(first_answer "http://127.0.0.1:$port/" 200 "$t0") s  cpu $(cpu_s "$pid") s  load $(load)"
  BENCH_STATUS=200 scenario "GET /" "http://127.0.0.1:$port/" "$root/bench/http/status.lua"
  stop
}

boat() { # tuned|untuned [JAR]
  local port t0 home base token secret
  port="$("$root/deploy/free-port.sh")"
  home="$work/boat-$server"
  # The class-data archive a build's first start records (deploy/cds.sh) is made untimed: the start
  # measured is a later one, as the goal ("start ... on a warm build") asks.
  env BOAT_CDS=record BOAT_TUNING="$([ "$1" = tuned ] && echo 1 || echo 0)" BOAT_HOME="$home" BOAT_PORT="$port" \
    BOAT_JAR="${2:-$jar}" BOAT_JAVA="$java" "$root/deploy/boat.sh" > "$work/record.log" 2>&1
  t0=$(date +%s.%N)
  env BOAT_TUNING="$([ "$1" = tuned ] && echo 1 || echo 0)" BOAT_HOME="$home" BOAT_PORT="$port" \
    BOAT_JAR="${2:-$jar}" BOAT_JAVA="$java" "$root/deploy/boat.sh" > "$work/server.log" 2>&1 &
  pid=$!
  base="http://127.0.0.1:$port"
  echo "$server start-to-first-300 $(first_answer "$base/" 300 "$t0") s  cpu $(cpu_s "$pid") s  load $(load)"
  read -r token secret <<< "$("$root/bench/http/session.sh" "$base")"
  export BOAT_TOKEN="$token" BOAT_PAYLOAD_PATH="${secret#"$base"}/payload"
  mixed_load "$base" "$token" "${secret#"$base"}/payload" "$conns" "$work/mixed.out"
  echo "$server mixed: $(grep -E '^answers' "$work/mixed.out")"
  echo "$server RSS after ${BOAT_MIXED_REQUESTS:-10000} mixed requests: $(proc_rss "$pid") MiB  load $(load)"
  [ "${BOAT_NMT:-0}" = 1 ] && nmt
  BENCH_STATUS=300 scenario "GET /" "$base/" "$root/bench/http/status.lua"
  scenario "GET payload" "$secret/payload" "$root/bench/http/get-payload.lua"
  scenario "POST secret" "$base/v1/secrets" "$root/bench/http/post-secret.lua"
  scenario "POST order" "$base/v1/orders" "$root/bench/http/post-order.lua"
  echo "$server RSS at the end: $(proc_rss "$pid") MiB"
  stop
}

echo "== $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $("$java" -version 2>&1 | head -1); $(date -u +%FT%TZ); commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo +); ${duration}s measured after ${warmup}s warm-up, c=$conns, 1 wrk thread"
for server in ${which//,/ }; do
  case "$server" in
    bare) bare untuned ;;
    bare-tuned) bare tuned ;;
    boat) boat untuned ;;
    boat-before) boat untuned "${BEFORE_JAR:?BEFORE_JAR names the older uber jar}" ;;
    boat-before-tuned) boat tuned "${BEFORE_JAR:?BEFORE_JAR names the older uber jar}" ;;
    boat-tuned) boat tuned ;;
    *) echo "unknown: $server" >&2; exit 2 ;;
  esac
done
