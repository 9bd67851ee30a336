#!/usr/bin/env bash
# Profiles BOAT's embedded default under wrk with JDK Flight Recorder (not a test): one server,
# one recording per scenario (GET /, GET payload, POST order), each taken during DURATION seconds of wrk load
# (c=16, one wrk thread) after a warm-up of WARMUP_SECONDS (60), then summarised by bench/http/jfr-summary.py.
# The warm-up was 10 s until 2026-11-30: on 2 cores the JIT needs about a minute of load before GET
# payload is at its steady rate (bench/release/run.sh), so profiles before then partly show the JIT's
# start. JFR's profile settings also slow the server several-fold while they record: bench/http/asprof.sh
# (async-profiler) samples without that cost.
#   bench/http/profile.sh [DURATION=20] [OUT_DIR=/tmp/boat-profile] [WHICH=get-root,get-payload,post-order]
# Environment: BOAT_TUNING and BOAT_JAR (as deploy/boat.sh), JAVA (java on PATH).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
duration="${1:-20}"; out="${2:-/tmp/boat-profile}"; which=",${3:-get-root,get-payload,post-order},"
java="${JAVA:-java}"; jdk="$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")"
mkdir -p "$out"
home="$(mktemp -d /tmp/boat-profile.XXXXXX)"
port="$("$root/deploy/free-port.sh")"
export BOAT_ADMIN_PASSWORD=bench-admin-password
BOAT_HOME="$home" BOAT_PORT="$port" BOAT_JAVA="$java" \
  "$root/deploy/boat.sh" > "$out/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$home"; true' EXIT
base="http://127.0.0.1:$port"
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/" || true)" = 300 ]; do sleep 0.5; done
read -r token secret <<< "$("$root/bench/http/session.sh" "$base")"
export BOAT_TOKEN="$token" BENCH_STATUS=300
one() { # NAME URL LUA
  [[ "$which" == *",$1,"* ]] || return 0
  wrk -t1 -c16 -d"${WARMUP_SECONDS:-60}s" -s "$3" "$2" > /dev/null
  "$jdk/bin/jcmd" "$pid" JFR.start name="$1" settings=profile > /dev/null
  wrk -t1 -c16 -d"${duration}s" -s "$3" "$2" | grep -E 'Requests/sec|answers'
  "$jdk/bin/jcmd" "$pid" JFR.stop name="$1" filename="$out/$1.jfr" > /dev/null
  echo "== $1 ($out/$1.jfr)"
  python3 "$root/bench/http/jfr-summary.py" "$out/$1.jfr" "$jdk/bin/jfr"
}
one get-root "$base/" "$root/bench/http/status.lua"
one get-payload "$secret/payload" "$root/bench/http/get-payload.lua"
one post-order "$base/v1/orders" "$root/bench/http/post-order.lua"
