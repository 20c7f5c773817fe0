#!/usr/bin/env bash
# PDF extraction benchmark (issue 12): time to extract the 30-page two-column test paper
# (core/src/test/resources/pdf/long-two-column.pdf, built by testdocs/pdf/build.sh), a warm-up
# and then the median of five runs. Goal: at most 3 s. Usage: scripts/bench-extract.sh [file.pdf]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile -pl core
./mvnw -B -q dependency:build-classpath -pl core -Dmdep.outputFile="$PWD/core/target/bench-classpath.txt" >/dev/null
java -cp "core/target/classes:core/target/test-classes:$(cat core/target/bench-classpath.txt)" \
    app.marginalia.core.pdf.ExtractBenchmark "$@"
