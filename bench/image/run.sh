#!/usr/bin/env bash
# decrypt-image throughput on a large image, next to `openssl speed -evp aes-256-gcm` in the same
# run, with the JVM's peak RSS. Figures go to bench/RESULTS.md by hand; nothing asserts them.
#
#   bench/image/run.sh [SIZE_MIB (default 2048)] [WORK_DIR (default bench/target/image)] [CHUNK (default 65536, the agent's default)]
#
# Needs bench/target/benchmarks.jar (mvn -B -ntp -pl bench -am package -DskipTests).
# The image is pseudo-random (AES-CTR keystream from openssl), so nothing compresses or dedups.
# Decryption is timed three times: to the work dir (disk, includes the final fsync), to /dev/shm
# (memory), so the disk's share is visible, and to /dev/shm on one thread.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
size_mib="${1:-2048}"
work="${2:-$root/bench/target/image}"
chunk="${3:-65536}"
jar="$root/bench/target/benchmarks.jar"
[ -f "$jar" ] || { echo "run.sh: build $jar first" >&2; exit 1; }
mkdir -p "$work"
rm -f "$work"/plain.img "$work"/image.enc "$work"/decrypted.img /dev/shm/boat-bench-decrypted.img
trap 'rm -f "$work"/plain.img "$work"/image.enc "$work"/decrypted.img /dev/shm/boat-bench-decrypted.img /dev/shm/boat-bench-dd.img "$work"/key.hex' EXIT

umask 077
openssl rand -hex 32 > "$work/key.hex"
head -c "$((size_mib * 1048576))" /dev/zero \
  | openssl enc -aes-256-ctr -nosalt -K "$(openssl rand -hex 32)" -iv "$(openssl rand -hex 16)" > "$work/plain.img"

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "== image: $size_mib MiB, chunk $chunk; load average before: $(cut -d" " -f1-3 /proc/loadavg)"
/usr/bin/time -f "  process: wall %e s, user %U s, sys %S s, max RSS %M KiB" java -cp "$jar" io.boat.bench.image.ImageThroughput encrypt "$work/key.hex" "$work/plain.img" "$work/image.enc" "$chunk"
echo "== decrypt to disk (includes fsync)"
/usr/bin/time -f "  process: wall %e s, user %U s, sys %S s, max RSS %M KiB" java -cp "$jar" io.boat.bench.image.ImageThroughput decrypt "$work/key.hex" "$work/image.enc" "$work/decrypted.img"
cmp "$work/plain.img" "$work/decrypted.img" && echo "  decrypted image identical"
rm -f "$work/decrypted.img"
# This machine is a Firecracker VM whose guest memory the host backs on first touch (and takes back
# once freed: page_reporting): `dd` of 2 GiB of zeros into a fresh /dev/shm file spent 5.8 s in the
# kernel (370 MB/s) at 16:01 UTC, the same write over existing pages 0.5 s. So the output's memory
# decides a /dev/shm figure as much as the decrypt does. `dd` shows the ceiling in the same run, and
# each /dev/shm decrypt runs right after a same-size file was written there and deleted, so its pages
# come from memory the host has just backed.
shm_ceiling() { # LABEL: dd of the image's size into a new /dev/shm file, timed, then deleted
  /usr/bin/time -f "  $1: wall %e s, user %U s, sys %S s" dd if=/dev/zero of=/dev/shm/boat-bench-dd.img bs=1M count="$size_mib" status=none
  rm -f /dev/shm/boat-bench-dd.img
}
echo "== dd $size_mib MiB of zeros to /dev/shm (the memory's ceiling)"
shm_ceiling "first write"
shm_ceiling "again, pages just freed"
echo "== decrypt to /dev/shm"
shm_ceiling "pre-touch"
/usr/bin/time -f "  process: wall %e s, user %U s, sys %S s, max RSS %M KiB" java -cp "$jar" io.boat.bench.image.ImageThroughput decrypt "$work/key.hex" "$work/image.enc" /dev/shm/boat-bench-decrypted.img
rm -f /dev/shm/boat-bench-decrypted.img
# decrypt-image uses one thread per core; the JVM told it has one core shows what the threads add.
echo "== decrypt to /dev/shm on one thread (-XX:ActiveProcessorCount=1)"
shm_ceiling "pre-touch"
/usr/bin/time -f "  process: wall %e s, user %U s, sys %S s, max RSS %M KiB" java -XX:ActiveProcessorCount=1 -cp "$jar" io.boat.bench.image.ImageThroughput decrypt "$work/key.hex" "$work/image.enc" /dev/shm/boat-bench-decrypted.img
rm -f /dev/shm/boat-bench-decrypted.img
echo "== openssl speed -evp aes-256-gcm -bytes 16384 ($(openssl version))"
openssl speed -evp aes-256-gcm -bytes 16384 -seconds 5 2>/dev/null | tail -1
echo "== the same, -elapsed (wall clock instead of CPU time)"
openssl speed -elapsed -evp aes-256-gcm -bytes 16384 -seconds 5 2>/dev/null | tail -1
