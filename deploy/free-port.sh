#!/usr/bin/env bash
# Prints a free loopback TCP port below Linux's ephemeral range (32768+), so no outgoing
# connection's local port can take it before the server that asked binds it.
exec python3 -c '
import random, socket
while True:
    p = random.randint(20000, 32700); s = socket.socket()
    try: s.bind(("127.0.0.1", p)); print(p); break
    except OSError: pass
    finally: s.close()'
