#!/usr/bin/env bash
# Runs the whole suite on this machine: a real Kafka broker, PostgreSQL (the configured server, or an
# embedded one), the four services, the social-network simulator and the agent workspace as separate
# processes, and ends with "Open http://localhost:8080". Ctrl-C stops all of it.
# `./run.sh --scenario demo` keeps simulated consumer activity going.
# Environment: KAFKA_BOOTSTRAP_SERVERS (use that cluster instead of starting a broker), KAFKA_PORT,
# KAFKA_PARTITIONS, POSTGRES_HOST, POSTGRES_PORT, QUARKUS_DATASOURCE_USERNAME/PASSWORD, INGEST_PORT,
# CONVERSATION_PORT, OUTBOUND_PORT, PROFILE_PORT, SIMULATOR_PORT, WORKSPACE_PORT, SUITE_RUN_DIR (default .run).
set -euo pipefail
cd "$(dirname "$0")"

modules=(local-stack ingest-service conversation-service outbound-service profile-service account-service insight-service social-simulator agent-workspace)
artifact() {
  case "$1" in
    local-stack) echo "local-stack/target/local-stack.jar" ;;
    *) echo "$1/target/quarkus-app/quarkus-run.jar" ;;
  esac
}

# Build what is missing or older than its sources (or than the shared modules it is made of).
stale=false
for module in "${modules[@]}"; do
  jar=$(artifact "$module")
  if [ ! -f "$jar" ] || [ -n "$(find "$module/src" "$module/pom.xml" pom.xml common-events/src \
      service-support/src config -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    stale=true
  fi
done
if $stale; then
  echo "[run.sh] Building the suite (tests are for ./mvnw verify)..."
  ./mvnw -q -B -DskipTests -pl "$(IFS=,; echo "${modules[*]}")" -am package
fi

exec java -Dsuite.root="$PWD" -jar local-stack/target/local-stack.jar "$@"
