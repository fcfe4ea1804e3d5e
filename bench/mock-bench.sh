#!/usr/bin/env bash
# The mock's benchmark: startup of the CLI jar to the first answered request (median of 7, beside the
# smallest Vert.x server from the same jar, Prism and WireMock, measured the same way), in-process
# starts one after the other in one JVM, then `wrk -t2 -c32 -d10s` on a valid Galtea POST /traces and a
# Galileo ingest of 10 traces, journal and validation on; the same loads, in the same run, against Prism
# and WireMock standalone, started here. Each load runs twice in a row on each service: the first run
# meets a cold JVM (or Node), the second the same process warmed by the first; both are reported.
# With a JDK 25 or later (NEWER_JDK, else the newest found under /usr/lib/jvm), the fast start is also
# measured on it with its AOT cache, trained as README "The mock" says.
# Usage: [MOCK_JAVA_OPTS="-Xmx128m ..."] [NEWER_JDK=/path/to/jdk] bench/mock-bench.sh [seconds per load, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_LOAD="${1:-10}"
MOCK_JAVA_OPTS="${MOCK_JAVA_OPTS:-}"
TOOLS=bench/.tools
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
./mvnw -q -B -ntp install -DskipTests
(cd bench && ../mvnw -q -B -ntp package)
[ -x "$TOOLS/node_modules/.bin/prism" ] || npm install --no-audit --no-fund --prefix "$TOOLS" @stoplight/prism-cli@5 >/dev/null
WIREMOCK="$TOOLS/wiremock-standalone.jar"
[ -f "$WIREMOCK" ] || ./mvnw -q -B -ntp dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 \
  -DoutputDirectory="$TOOLS" -Dmdep.stripVersion=true

now_ms() { date +%s%3N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
peak_rss_mib() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
wait_for() { # url, then curl options; prints nothing, returns when the url answers 2xx
  local url=$1; shift
  until curl -s -o /dev/null -w '%{http_code}' "$@" "$url" | grep -q '^2'; do sleep 0.005; done
}
wrk_run() { # lua, url: "requests/s p50 p99 non-2xx"
  local out; out=$(wrk -t2 -c32 -d"${SECONDS_PER_LOAD}s" --latency -s "$1" "$2")
  echo "$out" | awk '/Requests\/sec/ {r=$2} $1=="50%" {a=$2} $1=="99%" {b=$2} /Non-2xx/ {n=$5} END {print r, a, b, n+0}'
}
wrk_row() { # name, pid, lua, url: the load twice in a row, first (cold) then second (warm)
  local first second
  read -r -a first <<< "$(wrk_run "$3" "$4")"
  read -r -a second <<< "$(wrk_run "$3" "$4")"
  printf '| %s | %s | %s / %s | %s | %s / %s | %s | %s |\n' "$1" "${first[0]}" "${first[1]}" "${first[2]}" \
    "${second[0]}" "${second[1]}" "${second[2]}" "$(peak_rss_mib "$2") MiB" "$(( first[3] + second[3] ))"
}

GALTEA_BODY='{"inferenceResultId":"ir_1","name":"fetch_user_data","type":"TOOL","inputData":{"user_id":"123"},"latencyMs":45.5,"metadata":{}}'
# From launch to the answer of one valid Galtea POST /traces, sent as soon as the service prints the line
# that says it is ready (polling instead would have curl processes compete with it for the two cores).
startup_ms() { # words of the line that says it is ready, base URL ("" for the URL ending that line), command
  local ready=$1 url=$2 start line code
  shift 2
  start=$(now_ms)
  coproc SERVICE { exec "$@" 2>&1; }
  while read -r line <&"${SERVICE[0]}"; do [[ $line == *"$ready"* ]] && break; done
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Authorization: Bearer gsk_bench' -H 'Prefer: code=201' \
    -H 'Content-Type: application/json' -d "$GALTEA_BODY" "${url:-${line##* }}/traces")
  echo $(( $(now_ms) - start ))
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  [ "$code" = 201 ] || { echo "the first request got $code" >&2; exit 1; }
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
# README "The mock": the options for a mock that starts fast (test suites), and for one under a long load.
YOUNG_OPTS="-XX:+UseParallelGC -XX:NewRatio=1 -XX:SurvivorRatio=4 -XX:-UseAdaptiveSizePolicy"
FAST_START_OPTS="-XX:SharedArchiveFile=mock-server/target/tracepost-mock.jsa -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 $YOUNG_OPTS"
LONG_LOAD_OPTS="-XX:SharedArchiveFile=mock-server/target/tracepost-mock.jsa $YOUNG_OPTS -XX:MaxInlineLevel=9 -XX:InlineSmallCode=1000 -XX:FreqInlineSize=100 -XX:CompileThresholdScaling=0.5"
NEWER_JDK="${NEWER_JDK:-$(ls -d /usr/lib/jvm/*-2[5-9]-* 2>/dev/null | tail -n 1)}"
AOT_CACHE=mock-server/target/tracepost-mock.aot
if [ -n "$NEWER_JDK" ]; then
  "$NEWER_JDK/bin/java" -XX:AOTCacheOutput="$AOT_CACHE" -cp mock-server/target/tracepost-mock.jar dev.tracepost.mock.StartupTraining >/dev/null 2>&1
fi
startups=(); fast=(); aot=(); long=(); floor=(); prism=(); prism_one=(); wiremock=()
MOCK="java $MOCK_JAVA_OPTS"
for run in 1 2 3 4 5 6 7; do
  startups+=("$(startup_ms 'listening on' '' $MOCK -jar mock-server/target/tracepost-mock.jar --port 0)")
  fast+=("$(startup_ms 'listening on' '' $MOCK $FAST_START_OPTS -jar mock-server/target/tracepost-mock.jar --port 0)")
  if [ -n "$NEWER_JDK" ]; then
    aot+=("$(startup_ms 'listening on' '' "$NEWER_JDK/bin/java" $MOCK_JAVA_OPTS -XX:AOTCache="$AOT_CACHE" -XX:TieredStopAtLevel=1 $YOUNG_OPTS \
      -jar mock-server/target/tracepost-mock.jar --port 0)")
  fi
  long+=("$(startup_ms 'listening on' '' $MOCK $LONG_LOAD_OPTS -jar mock-server/target/tracepost-mock.jar --port 0)")
  floor+=("$(startup_ms 'listening on' '' $MOCK -cp mock-server/target/tracepost-mock.jar:bench/target/classes dev.tracepost.bench.HelloVertx)")
  # The peers, the same way. Prism at its default log level: with -v silent it never says it listens.
  prism+=("$(startup_ms 'listening on' '' "$TOOLS/node_modules/.bin/prism" mock -p "$(free_port)" openapi/galtea.yaml)")
  prism_one+=("$(startup_ms 'listening on' '' "$TOOLS/node_modules/.bin/prism" mock -p "$(free_port)" bench/prism/one-operation.yaml)")
  port=$(free_port)
  wiremock+=("$(startup_ms 'server is started' "http://127.0.0.1:$port" java -jar "$WIREMOCK" --port "$port" --root-dir bench/wiremock --disable-banner)")
done

echo "Mock JVM options: ${MOCK_JAVA_OPTS:-none}; fast-start options: $FAST_START_OPTS; long-load options: $LONG_LOAD_OPTS"
echo "Startup to the first answered request, 7 runs each (ms), and the median:"
echo "- tracepost-mock.jar: ${startups[*]}; median $(median "${startups[@]}") ms"
echo "- the same with the fast-start options: ${fast[*]}; median $(median "${fast[@]}") ms"
[ -z "$NEWER_JDK" ] || echo "- the same on $("$NEWER_JDK/bin/java" -version 2>&1 | head -n 1 | cut -d'"' -f2) ($NEWER_JDK) with its AOT cache instead of the class archive: ${aot[*]}; median $(median "${aot[@]}") ms"
echo "- the same with the long-load options: ${long[*]}; median $(median "${long[@]}") ms"
echo "- the smallest Vert.x HTTP server, from the same jar, without them (bench/.../HelloVertx.java): ${floor[*]}; median $(median "${floor[@]}") ms"
echo "- Prism 5, openapi/galtea.yaml: ${prism[*]}; median $(median "${prism[@]}") ms"
echo "- Prism 5, a spec of that one operation (bench/prism/one-operation.yaml): ${prism_one[*]}; median $(median "${prism_one[@]}") ms"
echo "- WireMock 3.13, its stubs (bench/wiremock): ${wiremock[*]}; median $(median "${wiremock[@]}") ms"
java $MOCK_JAVA_OPTS -cp mock-server/target/tracepost-mock.jar:bench/target/classes dev.tracepost.bench.MockRestarts 11 2>/dev/null
echo
echo "wrk -t2 -c32 -d${SECONDS_PER_LOAD}s, same machine (2 cores shared by wrk and the service); each load twice in a row:"
echo "the first run on a cold process, the second on the same process warmed by the first"
echo
echo "| service and load | first run: requests/s | p50 / p99 | second run: requests/s | p50 / p99 | peak RSS | non-2xx |"
echo "|---|---|---|---|---|---|---|"

mock_rows() { # label, JVM options: the mock with journal and validation on, stateful
  local port pid session ir project
  port=$(free_port)
  java $2 -jar mock-server/target/tracepost-mock.jar --port "$port" >/dev/null 2>&1 &
  pid=$!
  wait_for "http://127.0.0.1:$port/healthcheck"
  session=$(curl -s -X POST "http://127.0.0.1:$port/sessions" -H 'Authorization: Bearer gsk_bench' -H 'Content-Type: application/json' -d '{"versionId":"v"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
  ir=$(curl -s -X POST "http://127.0.0.1:$port/inferenceResults" -H 'Authorization: Bearer gsk_bench' -H 'Content-Type: application/json' -d "{\"sessionId\":\"$session\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
  project=$(curl -s -X POST "http://127.0.0.1:$port/projects" -H 'Galileo-API-Key: gsk_bench' -H 'Content-Type: application/json' -d '{"name":"bench"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
  sed "s/IR_ID/$ir/" bench/wrk/galtea-trace.lua > "$TOOLS/galtea-trace.lua"
  wrk_row "$1, Galtea POST /traces" "$pid" "$TOOLS/galtea-trace.lua" "http://127.0.0.1:$port/traces"
  wrk_row "$1, Galileo ingest of 10 traces" "$pid" bench/wrk/galileo-ingest.lua "http://127.0.0.1:$port/projects/$project/traces"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
mock_rows "Tracepost mock" "$MOCK_JAVA_OPTS"
mock_rows "Tracepost mock, fast-start options" "$MOCK_JAVA_OPTS $FAST_START_OPTS"
mock_rows "Tracepost mock, long-load options" "$MOCK_JAVA_OPTS $LONG_LOAD_OPTS"

# Prism: one process per spec, as Prism serves one document.
for spec in galtea galileo; do
  port=$(free_port)
  "$TOOLS/node_modules/.bin/prism" mock -p "$port" -v silent "openapi/$spec.yaml" >/dev/null 2>&1 &
  pid=$!
  if [ "$spec" = galtea ]; then ready=/minimum-sdk-version; else ready=/healthcheck; fi
  wait_for "http://127.0.0.1:$port$ready"
  node_pid=$(pgrep -P "$pid" node || echo "$pid")
  if [ "$spec" = galtea ]; then
    sed "s/IR_ID/ir_1/" bench/wrk/galtea-trace.lua > "$TOOLS/galtea-prism.lua"
    wrk_row "Prism 5 (-v silent), Galtea POST /traces" "$node_pid" "$TOOLS/galtea-prism.lua" "http://127.0.0.1:$port/traces"
  else
    wrk_row "Prism 5 (-v silent), Galileo ingest of 10 traces" "$node_pid" bench/wrk/galileo-ingest.lua \
      "http://127.0.0.1:$port/projects/11111111-1111-4111-8111-111111111111/traces"
  fi
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
done

# WireMock standalone, default settings (request journal on), stubs for the same two calls.
port=$(free_port)
java -jar "$WIREMOCK" --port "$port" --root-dir bench/wiremock --disable-banner >/dev/null 2>&1 &
pid=$!
wait_for "http://127.0.0.1:$port/__admin/mappings"
wrk_row "WireMock 3.13 (journal on), Galtea POST /traces" "$pid" "$TOOLS/galtea-trace.lua" "http://127.0.0.1:$port/traces"
wrk_row "WireMock 3.13 (journal on), Galileo ingest of 10 traces" "$pid" bench/wrk/galileo-ingest.lua \
  "http://127.0.0.1:$port/projects/11111111-1111-4111-8111-111111111111/traces"
kill "$pid"; wait "$pid" 2>/dev/null || true
