#!/usr/bin/env bash
# Benchmark: search through the JSON API over HTTP, with the in-process benchmark's 10,000 papers
# and 100,000 notes (scripts/bench-search.sh) in the packaged application on the embedded
# database. A member of five groups runs the same 16 queries through GET /api/search on one
# keep-alive connection; prints p50/p95 per query and over all searches.
#
#   scripts/bench-search-http.sh [--port 8201] [--rounds 40] [--data-dir DIR] [--java-opts '...']
#
# Builds the application and the loader with the reactor (nothing installed); Maven reads extra
# options from MAVEN_ARGS (e.g. MAVEN_ARGS=-o). --data-dir keeps the loaded data for the next run
# (loading takes a minute or two); without it, a temporary directory is used and removed.
# SKIP_BUILD=1 uses the jar and classes already built.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-classpath.sh
if [ "${SKIP_BUILD:-}" = 1 ] && [ -f target/bench-http.classpath ]; then
    CP=$(cat target/bench-http.classpath)
else
    # package: the application's jar; the web module's test classpath has the H2 driver.
    CP=$(test_classpath web package -DskipTests)
    mkdir -p target && echo "$CP" >target/bench-http.classpath
fi
python3 scripts/bench_search_http.py --jar web/target/quarkus-app/quarkus-run.jar \
    --loader-classpath "$PWD/persistence/target/test-classes:$CP" "$@"
