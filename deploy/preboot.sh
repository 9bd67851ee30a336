#!/usr/bin/env bash
# Writes the Payara Micro pre-boot commands for BOAT's listeners: HTTP bound to 127.0.0.1
# (BOAT_BIND_ADDRESS to change it), a read timeout (BOAT_READ_TIMEOUT_MS, 10000), no Server or
# X-Powered-By header, the listener guard installed, and with BOAT_TLS_* set, the HTTPS listener
# (deploy/tls.sh; its key stores go under the BOAT home, $1).
# Pre-boot, not post-boot: a post-boot `set` on a running listener restarts it on a background
# thread (three restarts at every start), racing the deployment and Arquillian's first request; set
# before the boot, the listener is built once, with its final configuration.
set -euo pipefail
home="${1:?usage: preboot.sh BOAT_HOME}"
. "$(dirname "$0")/tls.sh"
listener=configs.config.server-config.network-config
echo "set $listener.network-listeners.network-listener.http-listener.address=${BOAT_BIND_ADDRESS:-127.0.0.1}"
# Slow clients (issue 10): a request body's bytes must keep coming (10 s without one ends the
# connection); the application bounds the whole body to boat.http.body-timeout-ms and the threads
# that requests without a valid token may hold (SlowBodyGuard).
echo "set $listener.transports.transport.tcp.read-timeout-millis=${BOAT_READ_TIMEOUT_MS:-10000}"
# Disclose nothing about the server (issue 10): no Server / X-Powered-By headers.
echo "set $listener.protocols.protocol.http-listener.http.xpowered-by=false"
echo "set $listener.protocols.protocol.http-listener.http.server-header=false"
# --- listener guard (issue 10) ---
# Malformed request lines, CONNECT, an HTTP/2 preface on the cleartext listener, malformed percent
# escapes and an empty Host get an immediate 4xx with a JSON body instead of a 30 s hold or an empty
# 200 (listener-guard/). Payara builds each HTTP listener's filter chain from its config and looks
# the Comet add-on up by name; the guard module answers that lookup, so this flag installs it.
for protocol in http-listener https-listener; do
  echo "set $listener.protocols.protocol.$protocol.http.comet-support-enabled=true"
done
# --- end of listener guard ---
tls_https_preboot BOAT "$home" 9443
