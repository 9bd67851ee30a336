#!/usr/bin/env bash
# Runs every BOAT test against real parts: installs what the tests need (Debian packages:
# PyKMIP, swtpm, tpm2-tools, PostgreSQL, OpenSSL, curl for the EAR start scripts; QEMU, busybox-static and cpio for the test VM,
# whose kernel deploy/vm/build-test-image.sh fetches with apt-get download), starts a private
# PostgreSQL server for the integration tests, runs `mvn verify` over all modules (profiles it and bench add src-it and
# bench), and stops what it started.
# Extra arguments go to Maven (e.g. deploy/test.sh -pl src-it -am).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(python3-pykmip python3-barbicanclient python3-keystoneauth1 python3-castellan swtpm swtpm-tools tpm2-tools postgresql openssl curl qemu-system-x86 busybox-static cpio)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A private PostgreSQL cluster on a free loopback port, gone when the tests end.
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
pgdir="$(mktemp -d /tmp/boat-it-pg.XXXXXX)"
pgport="$("$root/deploy/free-port.sh")"
pgpassword="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
run_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
run_pg "'$pgbin/initdb' -D '$pgdir/data' -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null"
run_pg "'$pgbin/pg_ctl' -D '$pgdir/data' -l '$pgdir/log' -w -o \"-p $pgport -k $pgdir -c listen_addresses=127.0.0.1\" start >/dev/null"
stop_pg() { run_pg "'$pgbin/pg_ctl' -D '$pgdir/data' -m fast stop >/dev/null" || true; rm -rf "$pgdir"; }
trap stop_pg EXIT
run_pg "'$pgbin/psql' -q -h '$pgdir' -p $pgport -U postgres -c \"CREATE ROLE boat LOGIN PASSWORD '$pgpassword'\" -c 'CREATE DATABASE boat OWNER boat'"

export BOAT_IT_PG_URL="jdbc:postgresql://127.0.0.1:$pgport/boat"
export BOAT_IT_PG_USER=boat
export BOAT_IT_PG_PASSWORD="$pgpassword"
mvn -B -ntp verify -Pit,bench "$@"
