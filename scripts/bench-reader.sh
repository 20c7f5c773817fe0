#!/usr/bin/env bash
# Benchmark: the reader at 1,000 notes against nginx serving the same bytes, in one run (issue 14).
# Usage: scripts/bench-reader.sh [--start "command that starts the packaged application"] [--seconds N]
# Needs wrk and nginx (apt-get install wrk nginx). Builds the application first unless --no-build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
start="java -jar $root/web/target/quarkus-app/quarkus-run.jar"
build=1
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --start) start="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        *) args+=("$1"); shift ;;
    esac
done
for tool in wrk nginx; do
    command -v "$tool" >/dev/null || { echo "bench-reader: $tool is needed (apt-get install $tool)" >&2; exit 2; }
done
if [ "$build" = 1 ]; then
    ./mvnw -B -q -DskipTests package
fi
work=$(mktemp -d /tmp/bench-reader.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 scripts/bench_reader.py --start "$start" --work "$work" ${args[@]+"${args[@]}"}
