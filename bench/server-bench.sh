#!/usr/bin/env bash
# The server's benchmark: Galileo ingest over HTTP against the same rows written straight into PostgreSQL,
# Galtea POST /traces against pgbench running the same INSERT, and the server's peak RSS.
# Usage: bench/server-bench.sh [seconds per measurement, default 10] [JVM options for the server, quoted]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client postgresql-contrib; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
./mvnw -q -B -ntp install -DskipTests
(cd bench && ../mvnw -q -B -ntp package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.tracepost.bench.ServerBench \
  server/target/tracepost-server.jar "${1:-10}" "${2:-}"
