#!/usr/bin/env bash
# Validating one 500-record Galileo batch: vertx-json-schema against networknt's validator and
# Tracepost's; then Tracepost's on the mock benchmark's Galileo ingest of 10 traces.
# Usage: [VALIDATOR_JAVA_OPTS="-XX:TieredStopAtLevel=1"] bench/validator-bench.sh [rounds, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp install -DskipTests
(cd bench && ../mvnw -q -B -ntp package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
java ${VALIDATOR_JAVA_OPTS:-} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.tracepost.bench.ValidatorBench "${1:-200}"
