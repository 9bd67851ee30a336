#!/bin/sh
# Start a provisioned swtpm on 127.0.0.1:PORT (data) and PORT+1 (control), already started up
# (TPM2_Startup(CLEAR)), as a daemon whose pid is written to STATE_DIR/swtpm.pid.
# Usage: swtpm-start.sh STATE_DIR PORT
set -eu
if [ $# -ne 2 ]; then echo "usage: $0 STATE_DIR PORT" >&2; exit 2; fi
command -v swtpm >/dev/null 2>&1 || { echo "$0: 'swtpm' not found (apt-get install swtpm)" >&2; exit 3; }
state=$1; port=$2; ctrl=$((port + 1))
rm -f "$state/swtpm.pid"
swtpm socket --tpm2 --daemon \
  --server type=tcp,port="$port",bindaddr=127.0.0.1 \
  --ctrl type=tcp,port="$ctrl",bindaddr=127.0.0.1 \
  --flags not-need-init,startup-clear \
  --tpmstate dir="$state" --pid file="$state/swtpm.pid" --log file="$state/swtpm.log"
i=0
while [ ! -s "$state/swtpm.pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$state/swtpm.pid" ] || { echo "$0: swtpm did not start, see $state/swtpm.log" >&2; exit 1; }
echo "swtpm:host=127.0.0.1,port=$port"
