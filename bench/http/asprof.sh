#!/usr/bin/env bash
# Prints the path of async-profiler's agent library (linux-x64), fetching the version the parent pom
# pins (async-profiler.version) from Maven Central into bench/target/async-profiler on first use.
# The harnesses load it into a running server with
#   jcmd PID JVMTI.agent_load LIB "start,event=itimer,interval=1ms,threads"
#   jcmd PID JVMTI.agent_load LIB "stop,collapsed,file=OUT.collapsed"
# The option string is quoted again for jcmd, which would otherwise split it at "="; itimer because
# this VM offers no perf events to an unprivileged profiler. Not part of the product.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version=$(sed -n 's:.*<async-profiler.version>\(.*\)</async-profiler.version>.*:\1:p' "$root/pom.xml" | head -1)
dir="$root/bench/target/async-profiler-$version"
lib="$dir/linux-x64/libasyncProfiler.so"
if [ ! -f "$lib" ]; then
  mkdir -p "$dir"
  mvn -B -q -ntp -Dstyle.color=never -f "$root/pom.xml" -N dependency:copy -Dartifact="tools.profiler:async-profiler:$version:jar:linux-x64" \
    -DoutputDirectory="$dir" -Dmdep.stripVersion=true >&2
  (cd "$dir" && unzip -q -o async-profiler-linux-x64.jar linux-x64/libasyncProfiler.so)
fi
echo "$lib"
