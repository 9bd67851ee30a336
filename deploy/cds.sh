# Sourced by deploy/boat.sh: start BOAT from a class-data-sharing (AppCDS) archive of Payara Micro's
# runtime, recorded once per build of boat-micro.jar, JVM and JVM options (issue 11, start time).
#
# Why a launcher directory: from the uber jar, Payara Micro loads its runtime through its own class
# loader out of a new temporary directory at every start, which the JDK 17 archive cannot cover. Its
# --outputlauncher writes the runtime jars and launch-micro.jar (the same runtime on the JVM's class
# path) into a directory; a --warmup start with -XX:ArchiveClassesAtExit records every class the
# start loads, and later starts map them from the archive instead of reading, parsing and verifying
# them (about a third of the start's CPU time, bench/RESULTS.md).
#
# The launcher always runs with its own directory as Payara's root directory, which keeps a
# domain.xml and the deployed applications between starts; each start therefore resets everything
# but the runtime jars to the copy taken right after --outputlauncher, so every start begins as the
# uber jar's does: a fresh domain, the pre-/post-boot commands, and the applications of the jar.
#
# On JDK 25 and later the archive is an AOT cache instead (JEP 483, 514 and 515, same recording start):
# the classes come already loaded and linked, and the recording's method profiles come along, so the
# JIT compiles the hot paths sooner after a start (bench/RESULTS.md: 9.8 s to the first answer against
# 12.4 s with JDK 25's dynamic archive, and twice the GET payload rate in the first 10 s of load).
#
# cds_java_args JAR DIR JAVA JVM_OPTIONS...   prints, one per line, the java arguments that replace
# `-jar JAR`; prints nothing when the archive cannot be made or used (then start from the uber jar).
# DIR holds one launcher per build (a key of the jar's size, time and inode, the JVM and options);
# a recording that failed is not retried for that key (its log stays in DIR).

# shellcheck source=deploy/jar-extract.sh
. "$(dirname "${BASH_SOURCE[0]}")/jar-extract.sh"

cds_log() { echo "boat.sh: $*" >&2; }

cds_java_args() {
  local jar="$1" dir="$2" java="$3"; shift 3
  local key base train port status micro archive record use
  key="$( { stat -c '%s %Y %i' "$jar"; readlink -f "$(command -v "$java")"; printf '%s\n' "$@"; } | sha256sum | cut -c1-16)"
  base="$dir/$key"
  [ -f "$base/failed" ] && return 0
  if [ "$(cds_java_feature "$java")" -ge 25 ]; then
    archive="$base/boat.aot" record="-XX:AOTCacheOutput=$base/boat.aot" use="-XX:AOTCache=$base/boat.aot"
  else
    archive="$base/boat.jsa" record="-XX:ArchiveClassesAtExit=$base/boat.jsa" use="-XX:SharedArchiveFile=$base/boat.jsa"
  fi
  if [ ! -f "$base/ready" ]; then
    rm -rf "$dir"
    mkdir -p "$base"
    cds_log "first start of this build: recording a class-data archive of Payara Micro's start (once, ~30 s)"
    if ! "$java" -jar "$jar" --rootdir "$base/root" --outputlauncher --warmup > "$base/launcher.log" 2>&1; then
      cds_log "no launcher (see $base/launcher.log); starting from the uber jar"; touch "$base/failed"; return 0
    fi
    (cd "$base/root" && mkdir -p ../pristine && for f in .[!.]* *; do
       case "$f" in runtime|launch-micro.jar) ;; *) cp -a "$f" ../pristine/ ;; esac
     done)
    mkdir -p "$base/deploy"
    if ! jar_extract "$java" "$jar" "$base/deploy" MICRO-INF/deploy; then
      cds_log "neither the JDK's jar tool nor unzip found; starting from the uber jar"; touch "$base/failed"; return 0
    fi
    # The recording start: a throwaway home, database and port, no TLS, KMIP or caller environment.
    train="$base/train-home"
    port="$("$(dirname "${BASH_SOURCE[0]}")/free-port.sh")"
    mkdir -p "$train"
    env -i PATH="$PATH" HOME="$HOME" bash "$(dirname "${BASH_SOURCE[0]}")/preboot.sh" "$train" > "$train/preboot.asadmin"
    env -i PATH="$PATH" HOME="$HOME" bash "$(dirname "${BASH_SOURCE[0]}")/postboot.sh" "$train" > "$train/postboot.asadmin"
    cds_reset "$base"
    mapfile -t micro < <(cds_micro_args "$base")
    status=0
    env -i PATH="$PATH" HOME="$HOME" BOAT_ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" \
      "$java" "$@" "$record" -Dboat.data-dir="$train" \
      -jar "$base/root/launch-micro.jar" "${micro[@]}" --port "$port" \
      --prebootcommandfile "$train/preboot.asadmin" --postbootcommandfile "$train/postboot.asadmin" --warmup \
      > "$base/train.log" 2>&1 || status=$?
    rm -rf "$train"
    if [ "$status" -ne 0 ] || [ ! -s "$archive" ] || ! grep -q 'successfully deployed' "$base/train.log"; then
      cds_log "the recording start failed (see $base/train.log); starting from the uber jar"; touch "$base/failed"; return 0
    fi
    rm -f "$base/train.log"
    touch "$base/ready"
  fi
  cds_reset "$base"
  printf '%s\n' "$use" -jar "$base/root/launch-micro.jar"
  cds_micro_args "$base"
}

# True when the JVM options, JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS ask for JFR or a Java agent. Their
# class-file hook crashed JDK 17.0.15 at start on the first class it met from the archive (SIGSEGV in
# KlassFactory::check_shared_class_file_load_hook, bench/RESULTS.md), and a recording start with them
# would archive classes they rewrote: such starts run from the uber jar.
cds_class_hooks() {
  case " $* ${JAVA_TOOL_OPTIONS:-} ${JDK_JAVA_OPTIONS:-} " in
    *StartFlightRecording*|*+FlightRecorder*|*" -javaagent:"*) return 0 ;;
  esac
  return 1
}

# The JDK's feature release (17, 21, 25, ...); 0 when it cannot be told.
cds_java_feature() {
  local v
  v="$("$1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')"
  echo "${v:-0}"
}

# The uber jar's own options (deploy/pom.xml) and its applications (the KMS's WAR; the KMIP resource
# adapter is not one of them: deploy/postdeploy.sh deploys it when a KMIP server is configured).
cds_micro_args() {
  local f
  printf '%s\n' --nohazelcast --disablephonehome
  for f in "$1"/deploy/MICRO-INF/deploy/*.rar "$1"/deploy/MICRO-INF/deploy/*.war; do
    [ -f "$f" ] && printf '%s\n' --deploy "$f"
  done
}

# Everything but the runtime jars back to the copy taken after --outputlauncher.
cds_reset() {
  local root="$1/root" f
  (cd "$root" && for f in .[!.]* *; do
     case "$f" in runtime|launch-micro.jar) ;; *) rm -rf "$f" ;; esac
   done)
  cp -a "$1/pristine/." "$root/"
}
