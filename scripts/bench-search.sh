#!/usr/bin/env bash
# Benchmark: search latency with 10,000 papers and 100,000 notes in an on-disk Lucene index.
# Usage: scripts/bench-search.sh   (prints p50/p95 per query and over all searches)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl core install -DskipTests
./mvnw -q -pl persistence test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
java -cp "persistence/target/classes:persistence/target/test-classes:$(cat persistence/target/bench.classpath)" \
    app.marginalia.persistence.search.SearchBenchmark
