#!/usr/bin/env bash
# Stops the PyKMIP server started by start-pykmip.sh DIR.   stop-pykmip.sh DIR
set -euo pipefail
DIR=${1:?usage: stop-pykmip.sh DIR}
PIDFILE="$DIR/pykmip.pid"
[ -f "$PIDFILE" ] || { echo "no $PIDFILE" >&2; exit 0; }
PID=$(cat "$PIDFILE")
if kill -0 "$PID" 2>/dev/null; then
  kill "$PID"
  # PyKMIP's shutdown waits for its accept timeout (~10 s)
  for _ in $(seq 1 150); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$PID" 2>/dev/null && kill -9 "$PID"
fi
rm -f "$PIDFILE"
echo "PyKMIP stopped"
