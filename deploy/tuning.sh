#!/usr/bin/env bash
# The container tuning of the embedded default (issue 11), in one place so that deploy/boat.sh, the
# integration tests (BoatServer) and the bench's bare WAR (bench/http/compare.sh) run with exactly
# the same settings:
#   deploy/tuning.sh asadmin   Payara Micro pre-boot commands (set before the listener is built)
#   deploy/tuning.sh jvm       JVM options (work on JDK 17 and JDK 25)
#   deploy/tuning.sh env       environment of the JVM's process (NAME=value lines)
# deploy/boat.sh applies both unless BOAT_TUNING=0; BOAT_HEAP_MB sets the heap (160). Each setting is
# explained in the README ("Container tuning"). None of them touches authentication, encryption at
# rest or the durability of commits.
set -euo pipefail
listener=configs.config.server-config.network-config.protocols.protocol.http-listener.http
case "${1:-}" in
  asadmin)
    # Keep-alive: Payara closes a connection after 250 requests; clients that keep one open
    # (every OpenStack client's requests.Session) then pay a new TCP handshake. Idle connections
    # are still closed after the listener's timeout.
    echo "set $listener.max-connections=100000"
    # Per-request work for a feature BOAT does not use: WebSocket upgrade detection. (Comet's flag
    # is not touched here: it installs BOAT's listener guard, deploy/preboot.sh.)
    # HTTP/2 stays on: without it Grizzly mistakes the h2c upgrade that Java's HttpClient sends
    # on every new connection for another upgrade and loses the request body (ListenerIT).
    echo "set $listener.websockets-support-enabled=false"
    # Worker threads: start with enough for the cores' worth of in-flight requests instead of
    # growing from 2 under the first burst; the maximum stays Payara's 200, the headroom that slow
    # clients are bounded against (SlowBodyGuard, read timeout).
    echo "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=$(( $(nproc) * 8 ))"
    ;;
  jvm)
    # Serial GC: on 2 cores a parallel or concurrent collector's extra threads compete with the
    # requests, and BOAT's survivors are tiny, so a young collection takes a few milliseconds on
    # one thread; it also needs no mark bitmap (Parallel GC's was 18 MiB of RSS at a 256 MiB heap).
    # A bounded heap keeps RSS predictable (the JVM would otherwise size it to a quarter of the
    # machine's memory): the live set after a full collection under the mixed benchmark is ~70 MiB.
    # The young generation is capped so that the heap's committed size follows the live set rather
    # than the allocation rate, and the old generation is kept at 20-40 % free after a collection
    # instead of 40-70 % (bench/RESULTS.md, issue 11 memory runs).
    # MetaspaceSize: Payara's ~100 MiB of class metadata otherwise crosses the initial 21 MiB
    # threshold several times during start, each time with a full collection.
    # The initial heap is the size the heap reaches anyway once serving (~110 MiB committed): from
    # 64 MiB, start ran 32 collections, two of them full, to grow it (0.76 s of pauses), against 22
    # young ones (0.41 s) from 112 MiB. Committed heap that nothing has touched yet is not resident.
    heap="${BOAT_HEAP_MB:-160}"
    echo "-XX:+UseSerialGC -Xms$(( heap < 112 ? heap : 112 ))m -Xmx${heap}m -XX:MaxNewSize=32m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:MetaspaceSize=128m -XX:+PerfDisableSharedMem"
    ;;
  env)
    # glibc gives each thread that allocates concurrently its own malloc arena (up to 8 per core),
    # each holding freed memory of its own: two arenas are enough for 2 cores' worth of request
    # threads, and the rest of the native heap's slack goes (RSS after the mixed load, RESULTS.md).
    echo "MALLOC_ARENA_MAX=2"
    ;;
  *) echo "usage: $0 asadmin|jvm|env" >&2; exit 2 ;;
esac
