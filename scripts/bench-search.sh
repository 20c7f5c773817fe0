#!/usr/bin/env bash
# Benchmark: search latency with 10,000 papers and 100,000 notes in an on-disk Lucene index.
# Usage: scripts/bench-search.sh   (prints p50/p95 per query and over all searches)
#
# Builds core and persistence from source with the reactor (nothing is installed), so it runs
# from a fresh clone. Maven reads extra options from MAVEN_ARGS, e.g. MAVEN_ARGS=-o offline.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-classpath.sh
CP=$(test_classpath persistence)
java -cp "$CP" app.marginalia.persistence.search.SearchBenchmark
