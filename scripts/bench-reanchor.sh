#!/usr/bin/env bash
# Benchmark: re-anchoring 1,000 notes on a 100,000-character paper after a realistic edit.
# Usage: scripts/bench-reanchor.sh   (prints the median time and how the notes were placed)
set -euo pipefail
cd "$(dirname "$0")/.."
# Builds core alone from this checkout (reactor -pl core): works from a fresh clone, installs nothing.
./mvnw -B -q -pl core test-compile
java -cp core/target/classes:core/target/test-classes app.marginalia.core.annotation.ReanchorBenchmark
