#!/usr/bin/env bash
# Attested release next to plain GET payload, in one run, on the embedded default (tuned as
# deploy/boat.sh starts it): a swtpm host enrolled and attested with the real attestation service,
# one 32-byte secret, then wrk (one thread, CONNS connections, DURATION s, after a warm-up of the
# same length of every scenario) for
#   plain    GET payload, Accept: application/octet-stream (the ordinary read)
#   jwe      GET payload with X-BOAT-AK-Name, Accept: application/jose (cached trust report)
#   raw      GET payload with X-BOAT-AK-Name, Accept: application/octet-stream (cached trust report)
# and a second BOAT with boat.release.report-cache-seconds=0 for the uncached release latency
# (sequential curl, N requests, p50/p99: every release fetches and verifies the report).
# Each figure line carries the 1-minute load average; compare figures of the same run only.
# Before anything is measured the three scenarios run in turn for WARMUP_SECONDS (120): on 2 cores
# the JIT needs about a minute of load before the payload read reaches its steady rate (measured:
# 420/s in the first 8 s after start, 3,100/s after 48 s, 7,100/s after 64 s), and a shorter warm-up
# measured the JIT, not the read. The plain read is measured first and again last, so a run whose
# two plain figures disagree shows it was not steady.
# With BOAT_RELEASE_JFR=DIR each measured wrk run of the first BOAT is also recorded with JDK Flight
# Recorder (settings=profile) into DIR/<scenario>.jfr and summarised by bench/http/jfr-summary.py.
# Starting JFR's profile settings on the warm server slows it several-fold for the recording (235
# against 6,600 plain reads/s, 15:35 UTC): use it for where, not for how fast. With BOAT_RELEASE_ASPROF=DIR
# async-profiler (bench/http/asprof.sh fetches it) samples CPU instead, at 1 kHz and no visible cost,
# into DIR/<scenario>.collapsed, summarised the same way.
#
#   bench/release/run.sh [DURATION=15] [CONNS=16] [N=200]
# after a build: mvn -B -ntp -pl deploy,agent,attestation-service -am package -DskipTests
set -euo pipefail
duration="${1:-15}"; conns="${2:-16}"; n="${3:-200}"
jfr_dir="${BOAT_RELEASE_JFR:-}"
[ -z "$jfr_dir" ] || mkdir -p "$jfr_dir"
ap_dir="${BOAT_RELEASE_ASPROF:-}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ -z "$ap_dir" ] || { mkdir -p "$ap_dir"; ap_lib=$("$root/bench/http/asprof.sh"); }
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
agent_jar=$(ls "$root"/agent/target/agent-*-all.jar)
work=$(mktemp -d /tmp/boat-release-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -s "$work/tpm/state/swtpm.pid" ] && kill "$(cat "$work/tpm/state/swtpm.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
load() { cut -d' ' -f1 /proc/loadavg; }
await() { for _ in $(seq 1 300); do curl -sf -o /dev/null "$1" && return 0; sleep 1; done; echo "no answer from $1" >&2; exit 1; }

# The host: a provisioned swtpm, the attestation service, the agent's enroll and attest.
tpm_port=$(( ($(free_port) % 20000) + 30000 ))
"$root/deploy/tpm/swtpm-provision.sh" "$work/tpm/state" "$work/tpm/ca" >/dev/null
"$root/deploy/tpm/swtpm-start.sh" "$work/tpm/state" "$tpm_port" >/dev/null
att_port=$(free_port)
BOAT_ATTESTATION_EK_CA_CERTIFICATES="$work/tpm/ca/issuercert.pem,$work/tpm/ca/swtpm-localca-rootca-cert.pem" \
  BOAT_ATTESTATION_PORT=$att_port BOAT_ATTESTATION_HOME="$work/att" \
  "$root/deploy/attestation.sh" >"$work/attestation.log" 2>&1 &
pids+=($!)
att="http://127.0.0.1:$att_port/attestation-service/api"
await "$att/v1/keys"
agent() { java -jar "$agent_jar" --tpm "tcp:127.0.0.1:$tpm_port" --state-dir "$work/agent" --service "$att" "$@"; }
ak=$(agent --json enroll | python3 -c 'import json,sys; print(json.load(sys.stdin)["akName"])')
pcrs=$(TPM2TOOLS_TCTI="swtpm:host=127.0.0.1,port=$tpm_port" tpm2_pcrread sha256:0,1,2,3,4,5,6,7 \
  | awk '$1 ~ /^[0-9]+$/ {printf "%s\"%s\":[\"%s\"]", sep, $1, tolower(substr($3, 3)); sep=","}')
curl -sf -X PUT "$att/v1/host-groups/default/reference-values" -H "Authorization: Bearer $(cat "$work/att/operator-token")" \
  -H 'Content-Type: application/json' -d "{\"pcrs\":{$pcrs}}"
agent attest >/dev/null

export BOAT_ADMIN_PASSWORD="bench-admin-password-1"
start_boat() { # NAME EXTRA_JAVA_OPTS -> sets boat_pid, base
  local port; port=$(free_port)
  BOAT_PORT=$port BOAT_HOME="$work/$1" BOAT_JAVA_OPTS="-Dattestation-service/mp-rest/url=$att $2" \
    "$root/deploy/boat.sh" >"$work/$1.log" 2>&1 &
  boat_pid=$!; pids+=($boat_pid)
  base="http://127.0.0.1:$port"
  await "$base/v1"
}
session() { # -> sets token, ref; a secret whose policy lets a trusted report serve for an hour
  read -r token ref < <("$root/bench/http/session.sh" "$base")
  curl -sf -X PUT "$ref/release-policy" -H "X-Auth-Token: $token" -H 'Content-Type: application/json' \
    -d '{"max_report_age":3600}' >/dev/null
}
script() { # ACCEPT [AK] -> the wrk script for one scenario, in $work/get.lua
  local accept=$1 ak_header=${2:-} lua="$work/get.lua"
  {
    echo 'wrk.method = "GET"'
    echo "wrk.headers[\"X-Auth-Token\"] = \"$token\""
    echo "wrk.headers[\"Accept\"] = \"$accept\""
    [ -n "$ak_header" ] && echo "wrk.headers[\"X-BOAT-AK-Name\"] = \"$ak_header\""
    echo 'local bad = 0'
    echo 'response = function(status) if status ~= 200 then bad = bad + 1 end end'
    echo 'done = function() if bad > 0 then io.write("non-200 answers: " .. bad .. "\n") end end'
  } >"$lua"
}
warm() { # ACCEPT [AK]
  script "$@"
  wrk -t1 -c"$conns" -d"${duration}s" -s "$work/get.lua" "$ref/payload" >/dev/null
}
warm_up() { # every scenario in turn until WARMUP_SECONDS have passed
  local until=$(( $(date +%s) + ${WARMUP_SECONDS:-120} ))
  while [ "$(date +%s)" -lt "$until" ]; do
    warm application/octet-stream
    warm application/jose "$ak"
    warm application/octet-stream "$ak"
  done
}
measure() { # LABEL ACCEPT [AK]
  local label=$1 lua="$work/get.lua" out
  shift
  script "$@"
  local slug; slug=$(tr -cs 'A-Za-z0-9\n' - <<<"$label")
  [ -n "$jfr_dir" ] && jcmd "$boat_pid" JFR.start name="$slug" settings=profile >/dev/null
  [ -n "$ap_dir" ] && jcmd "$boat_pid" JVMTI.agent_load "$ap_lib" '"start,event=itimer,interval=1ms,threads"' >/dev/null
  out=$(wrk -t1 -c"$conns" -d"${duration}s" --latency -s "$lua" "$ref/payload")
  if [ -n "$jfr_dir" ]; then
    local file="$jfr_dir/$slug.jfr"
    jcmd "$boat_pid" JFR.stop name="$slug" filename="$file" >/dev/null
    python3 "$root/bench/http/jfr-summary.py" "$file" jfr >"${file%.jfr}.txt"
  fi
  if [ -n "$ap_dir" ]; then
    jcmd "$boat_pid" JVMTI.agent_load "$ap_lib" "\"stop,collapsed,file=$ap_dir/$slug.collapsed\"" >/dev/null
    python3 "$root/bench/http/jfr-summary.py" "$ap_dir/$slug.collapsed" >"$ap_dir/$slug.txt"
  fi
  if grep -q 'non-200' <<<"$out"; then echo "$label: $(grep non-200 <<<"$out")" >&2; exit 1; fi
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$(awk '/Requests\/sec/{printf "%d", $2}' <<<"$out")" \
    "$(awk '$1=="50%"{print $2}' <<<"$out")" "$(awk '$1=="99%"{print $2}' <<<"$out")" "$(load)"
}

start_boat cached ""
session
echo "date $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1), c=$conns, ${duration}s"
# Every scenario is warmed up before any is measured, so the first release scenario does not alone
# pay for the release path's first use (JIT of the interceptor and wrap, the audit insert, the policy lookup).
warm_up
echo "| scenario | req/s | p50 | p99 | load |"
echo "|---|---|---|---|---|"
measure "plain GET payload" application/octet-stream
measure "attested, JWE, cached report" application/jose "$ak"
measure "attested, raw, cached report" application/octet-stream "$ak"
measure "plain GET payload, again" application/octet-stream
kill "$boat_pid"

start_boat uncached "-Dboat.release.report-cache-seconds=0"
session
for _ in $(seq 1 20); do curl -sf -o /dev/null "$ref/payload" -H "X-Auth-Token: $token" -H "X-BOAT-AK-Name: $ak"; done
for _ in $(seq 1 "$n"); do
  curl -s -o /dev/null -w '%{time_total}\n' "$ref/payload" -H "X-Auth-Token: $token" -H "X-BOAT-AK-Name: $ak"
done | sort -n | awk -v load="$(load)" '{t[NR]=$1} END {printf "uncached release, sequential curl, %d requests: p50 %.1f ms, p99 %.1f ms (load %s)\n", NR, t[int(NR*0.5)]*1000, t[int(NR*0.99)]*1000, load}'
