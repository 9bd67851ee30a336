#!/usr/bin/env bash
# Sourced by bench/http/compare.sh and bench/http/ab.sh (not a test): what both need to start and
# watch a server. Expects $root (the checkout); sets $java (JAVA, or java on PATH) and $tck.
java="${JAVA:-java}"
tck="$(getconf CLK_TCK)"
bench_prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }
micro="${BOAT_PAYARA_MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$(bench_prop payara.micro.version)/payara-micro-$(bench_prop payara.micro.version).jar}"

# The server JVM's CPU so far, in clock ticks (utime + stime).
proc_cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# The server JVM's resident memory, in MiB.
proc_rss() { awk '/VmRSS/{print int($2/1024)}' "/proc/$1/status"; }

# Waits until URL answers STATUS; fails with the server's log if PID exits first.
wait_for() { # URL STATUS PID LOG
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true)" = "$2" ]; do
    kill -0 "$3" 2>/dev/null || { echo "server exited, see $4" >&2; tail -20 "$4" >&2; exit 1; }
    sleep 0.1
  done
}

# Compiles the bare one-resource WAR (bench/http/bare) into DIR/bare.war; never part of the product's build.
build_bare() { # DIR
  local api
  [ -f "$1/bare.war" ] && return 0
  api="$HOME/.m2/repository/jakarta/platform/jakarta.jakartaee-api/$(bench_prop jakartaee.version)/jakarta.jakartaee-api-$(bench_prop jakartaee.version).jar"
  mkdir -p "$1/war/WEB-INF/classes"
  javac -nowarn -d "$1/war/WEB-INF/classes" -cp "$api" $(find "$root/bench/http/bare/src" -name '*.java')
  cp "$root/bench/http/bare/WEB-INF/glassfish-web.xml" "$1/war/WEB-INF/"
  (cd "$1/war" && jar cf "$1/bare.war" .)
}

# Runs the bare WAR on Payara Micro in the foreground, untuned or with deploy/tuning.sh's settings.
start_bare() { # tuned|untuned PORT DIR
  local opts=() post=() envs=()
  build_bare "$3"
  if [ "$1" = tuned ]; then
    read -r -a opts <<< "$("$root/deploy/tuning.sh" jvm)"
    mapfile -t envs < <("$root/deploy/tuning.sh" env)
    "$root/deploy/tuning.sh" asadmin > "$3/tuning.asadmin"
    post=(--prebootcommandfile "$3/tuning.asadmin")
  fi
  exec env "${envs[@]}" "$java" "${opts[@]}" -jar "$micro" --nohazelcast --port "$2" "${post[@]}" --deploy "$3/bare.war"
}

# Runs BOAT_MIXED_REQUESTS (10,000) requests of bench/http/mixed.lua against BASE, wrk's report in OUT.
mixed_load() { # BASE TOKEN PAYLOAD_PATH CONNECTIONS OUT
  local w done="$5.done"
  BOAT_TOKEN="$2" BOAT_PAYLOAD_PATH="$3" BOAT_MIXED_DONE="$done" \
    wrk -t1 -c"$4" -d600s -s "$root/bench/http/mixed.lua" "$1" > "$5" &
  w=$!
  # wrk runs on until its duration ends: the script marks when enough have been answered.
  until [ -f "$done" ]; do kill -0 $w 2>/dev/null || break; sleep 0.2; done
  kill -INT $w 2>/dev/null; wait $w || true; rm -f "$done"
}
