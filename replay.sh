#!/usr/bin/env bash
# Replays a time range of social.inbound.v1 (or, with --source, its dead-letter topic) into conversation- and
# profile-service, which apply each event once: what they hold changes nothing, what they missed is filled in.
#   ./replay.sh --from 2026-12-01T09:00:00Z --to 2026-12-01T10:00:00Z [--source social.inbound.v1.dlq]
# The broker: KAFKA_BOOTSTRAP_SERVERS, by default the one ./run.sh starts. In a cluster: deploy/README.md,
# "Replaying inbound events".
set -euo pipefail
cd "$(dirname "$0")"
lib=ingest-service/target/quarkus-app/lib/main
if [ ! -d "$lib" ]; then
  ./mvnw -q -B -DskipTests -pl ingest-service -am package
fi
exec java -cp "$lib/*" org.socialsuite.support.replay.InboundReplay "$@"
