#!/usr/bin/env bash
# Measures DESIGN.md §8 against the running suite: start it first with ./run.sh, then ./benchmark.sh in another
# terminal. Prints the report and writes it to .run/benchmark.md (BENCH_REPORT).
# Environment: INGEST_URL, KAFKA_BOOTSTRAP_SERVERS, POSTGRES_HOST, POSTGRES_PORT, FACEBOOK_APP_SECRET, BENCH_EVENTS
# (100000), BENCH_EVENTS_PER_WEBHOOK (50), BENCH_CONNECTIONS (16), BENCH_SINGLE_EVENT_CONNECTIONS (64),
# BENCH_CONSUMERS (5000), BENCH_LATENCY_RATE (1000), BENCH_LATENCY_SECONDS (60).
set -euo pipefail
cd "$(dirname "$0")"

jar=benchmark/target/benchmark.jar
if [ ! -f "$jar" ] || [ -n "$(find benchmark/src benchmark/pom.xml local-stack/src common-events/src \
    -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  echo "[benchmark.sh] Building the benchmark..."
  ./mvnw -q -B -DskipTests -pl benchmark -am package
fi
exec java -jar "$jar" "$@"
