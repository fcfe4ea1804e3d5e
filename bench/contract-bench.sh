#!/usr/bin/env bash
# What the contract checks cost in CI: the full CLI suite (both vendors) against the mock and against the
# server (embedded PostgreSQL), each started here. Prints the wall-clock time and the result line.
# Usage: bench/contract-bench.sh [runs, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
KEY=gsk_contract_bench
./mvnw -q -B -ntp install -DskipTests

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { until curl -s -o /dev/null -w '%{http_code}' "$1" | grep -q '^2'; do sleep 0.05; done; }
suite() { # name, base url
  for run in $(seq 1 "$RUNS"); do
    start=$(date +%s%3N)
    result=$(java -jar contract-tests/target/tracepost-contract.jar --base-url "$2" --api-key "$KEY" | tail -1 || true)
    echo "| $1 | run $run | $(( $(date +%s%3N) - start )) ms | $result |"
  done
}

echo "| target | run | wall clock (JVM start included) | result |"
echo "|---|---|---|---|"
port=$(free_port)
java -jar mock-server/target/tracepost-mock.jar --port "$port" --api-key "$KEY" >/dev/null 2>&1 &
mock=$!
wait_for "http://127.0.0.1:$port/healthcheck"
suite "mock" "http://127.0.0.1:$port"
kill "$mock"; wait "$mock" 2>/dev/null || true

data=$(mktemp -d)
port=$(free_port)
TRACEPOST_BOOTSTRAP_KEY="$KEY" java -jar server/target/tracepost-server.jar --port "$port" --host 127.0.0.1 --data-dir "$data" >/dev/null 2>&1 &
server=$!
wait_for "http://127.0.0.1:$port/healthz"
suite "server (embedded PostgreSQL)" "http://127.0.0.1:$port"
kill "$server"; wait "$server" 2>/dev/null || true
rm -rf "$data"
