#!/usr/bin/env bash
# Starts BOAT on its embedded default: Payara Micro on 127.0.0.1:9311 (Barbican's port), an H2
# database and the master key under ./var, the database secret store, and the built-in identity.
# The bootstrap admin's password is $BOAT_ADMIN_PASSWORD, or generated and printed once.
#
#   deploy/boat.sh              build if needed, then start
#   deploy/boat.sh --rebuild    rebuild first
# Environment: BOAT_PORT (9311), BOAT_HOME (./var), BOAT_DB_URL/BOAT_DB_USER/BOAT_DB_PASSWORD for
# PostgreSQL (jdbc:postgresql://...), BOAT_KMIP_* to keep keys in a KMIP server (see
# deploy/postdeploy.sh), BOAT_JAVA_OPTS, BOAT_JAVA (the java to run; java on PATH),
# BOAT_TUNING=0 to start without the container tuning of deploy/tuning.sh, BOAT_CDS=0 to start without
# the class-data archive of deploy/cds.sh (made under $BOAT_HOME/cds on a build's first start;
# BOAT_CDS=record only makes it), BOAT_JAR (another
# build of the uber jar, e.g. to compare two builds in bench/http/compare.sh); HTTPS: BOAT_TLS_*,
# BOAT_HTTPS_PORT (9443), BOAT_HTTP (on|off), and BOAT_ATTESTATION_SERVICE_* for BOAT's trust in the
# attestation service (deploy/tls.sh, README).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${BOAT_JAR:-$root/deploy/target/boat-micro.jar}"
if [ "${1:-}" = "--rebuild" ] || [ ! -f "$jar" ]; then
  (cd "$root" && mvn -q -B -DskipTests -pl deploy -am package)
fi
home="${BOAT_HOME:-$PWD/var}"
umask 077
mkdir -p "$home"
. "$root/deploy/tls.sh"
tls_attestation_client "$home"
"$root/deploy/preboot.sh" "$home" > "$home/preboot.asadmin"
"$root/deploy/postboot.sh" "$home" > "$home/postboot.asadmin"
"$root/deploy/postdeploy.sh" "$jar" "$home" > "$home/postdeploy.asadmin"
store=()
[ -n "${BOAT_KMIP_HOST:-}" ] && store=(-Dboat.secret-store=kmip)
# --- container tuning (issue 11): pre-boot commands and JVM options from deploy/tuning.sh ---
tuning=()
if [ "${BOAT_TUNING:-1}" != 0 ]; then
  "$root/deploy/tuning.sh" asadmin >> "$home/preboot.asadmin"
  read -r -a tuning <<< "$("$root/deploy/tuning.sh" jvm)"
  # (a value already in the environment wins)
  while IFS='=' read -r name value; do [ -n "${!name:-}" ] || export "$name=$value"; done < <("$root/deploy/tuning.sh" env)
fi
# --- end of container tuning ---
java="${BOAT_JAVA:-java}"
read -r -a java_opts <<< "${BOAT_JAVA_OPTS:-}"
# --- class-data archive (issue 11, start time): deploy/cds.sh; BOAT_CDS=0 starts from the uber jar ---
launch=()
if [ "${BOAT_CDS:-1}" != 0 ]; then
  . "$root/deploy/cds.sh"
  if cds_class_hooks "${java_opts[@]}"; then
    cds_log "JFR or a Java agent requested: starting without the class-data archive"
  else
    mapfile -t launch < <(cds_java_args "$jar" "$home/cds" "$java" "${tuning[@]}" "${java_opts[@]}")
  fi
fi
# BOAT_CDS=record: only make the archive (benchmarks time the start that follows, not the recording).
[ "${BOAT_CDS:-1}" != record ] || exit 0
[ ${#launch[@]} -gt 0 ] || launch=(-jar "$jar" --nohazelcast)
# --- end of class-data archive ---
exec "$java" "${tuning[@]}" "${java_opts[@]}" "${store[@]}" -Dboat.data-dir="$home" "${launch[@]}" \
  --port "${BOAT_PORT:-9311}" --prebootcommandfile "$home/preboot.asadmin" \
  --postbootcommandfile "$home/postboot.asadmin" \
  --postdeploycommandfile "$home/postdeploy.asadmin"
