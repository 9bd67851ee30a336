# Shell functions shared by deploy/payara-server/*.sh and deploy/wildfly/*.sh (sourced, not run):
# finding a server's processes, checking ports before a start, waiting for BOAT to answer.
# Linux only: it reads /proc.

# Prints the pids of Java processes whose arguments contain $1, one a line. A server JVM names its
# folder in its arguments, so this finds it even when the pid file is stale or a failed start left
# a second JVM behind; requiring "java " first keeps shells and greps naming the folder out.
ear_java_pids() {
  local needle="$1" f pid args
  for f in /proc/[0-9]*/cmdline; do
    pid="${f#/proc/}"; pid="${pid%/cmdline}"
    args="$({ tr '\0' ' ' < "$f"; } 2>/dev/null)" || continue
    case "$args" in *java\ *"$needle"*) echo "$pid" ;; esac
  done
}

# True when a TCP socket listens on port $1 on any address (IPv4 or IPv6).
ear_port_listening() {
  local hex
  hex="$(printf '%04X' "$1")"
  awk -v p=":$hex" 'FNR > 1 && $4 == "0A" && substr($2, length($2) - 4) == p { found = 1 } END { exit !found }' \
      /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# Arguments are NAME=PORT pairs. Prints the first busy one and returns 1, else returns 0.
ear_ports_free() {
  local pair
  for pair in "$@"; do
    if ear_port_listening "${pair#*=}"; then
      echo "port ${pair#*=} (${pair%%=*}) is already in use" >&2
      return 1
    fi
  done
}

# Waits until GET http://127.0.0.1:$1/ answers 300 (BOAT's version discovery), at most until the
# epoch second $2. Returns 1 on timeout, leaving the last status in $ear_last_status.
ear_wait_for_boat() {
  ear_last_status=000
  while :; do
    ear_last_status="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/" || true)"
    [ "$ear_last_status" = 300 ] && return 0
    [ "$(date +%s)" -ge "$2" ] && return 1
    sleep 1
  done
}

# Sends SIGTERM to the pids given, waits up to 30 s for them to end, then SIGKILLs what is left.
ear_terminate() {
  [ $# -gt 0 ] || return 0
  kill "$@" 2>/dev/null || true
  local _ pid alive
  for _ in $(seq 30); do
    alive=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return 0
    sleep 1
  done
  kill -9 "$@" 2>/dev/null || true
}

# From this call on, the start script's exit runs the command given (its stop script) unless
# ear_started was called first: a failed start leaves nothing running behind it.
ear_stop_on_failure() {
  ear_ok=0
  ear_stop_cmd=("$@")
  trap 'if [ "$ear_ok" != 1 ]; then echo "start failed: stopping what it launched" >&2; "${ear_stop_cmd[@]}" >&2 || true; fi' EXIT
}

ear_started() {
  ear_ok=1
}
