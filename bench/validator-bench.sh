#!/usr/bin/env bash
# Validating one 500-record Galileo batch: vertx-json-schema against networknt's validator.
# Usage: bench/validator-bench.sh [rounds, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp install -DskipTests
(cd bench && ../mvnw -q -B -ntp package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.tracepost.bench.ValidatorBench "${1:-200}"
