#!/bin/sh
# Stop the swtpm started by swtpm-start.sh for STATE_DIR (by its pid file only).
# Usage: swtpm-stop.sh STATE_DIR
set -eu
if [ $# -ne 1 ]; then echo "usage: $0 STATE_DIR" >&2; exit 2; fi
pidfile="$1/swtpm.pid"
[ -s "$pidfile" ] || exit 0
pid=$(cat "$pidfile")
kill "$pid" 2>/dev/null || true
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
rm -f "$pidfile"
