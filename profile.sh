#!/usr/bin/env bash
# Profiles the running suite (./run.sh) while ./benchmark.sh runs: the JDK's Flight Recorder on each service
# (nothing to install), one recording per service in .run/profile/<service>.jfr and where its CPU went in
# .run/profile/<service>.txt (HotMethods: threads, methods on top of the stack, methods anywhere on it).
# Arguments and environment are the benchmark's.
set -euo pipefail
cd "$(dirname "$0")"
out=$(realpath -m "${PROFILE_DIR:-.run/profile}")
mkdir -p "$out"
services=(ingest-service conversation-service profile-service outbound-service)

pid_of() { pgrep -f "$1/target/quarkus-app/quarkus-run.jar" | head -1; }

for service in "${services[@]}"; do
  pid=$(pid_of "$service") || { echo "[profile.sh] $service is not running: start ./run.sh first" >&2; exit 1; }
  jcmd "$pid" JFR.start name=benchmark settings=profile filename="$out/$service.jfr" >/dev/null
done
status=0
./benchmark.sh "$@" || status=$?
for service in "${services[@]}"; do
  jcmd "$(pid_of "$service")" JFR.stop name=benchmark >/dev/null
  java -cp benchmark/target/benchmark.jar org.socialsuite.benchmark.profile.HotMethods \
    "$out/$service.jfr" > "$out/$service.txt"
  echo "[profile.sh] $out/$service.txt"
done
exit "$status"
