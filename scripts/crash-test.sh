#!/usr/bin/env bash
# Crash test: many concurrent writers, kill -9 mid-run, restart, and every note and edit that
# was answered 2xx must still be there; ids of new notes must be above every acknowledged id.
#
# Usage: scripts/crash-test.sh [--db h2|postgresql] [--jar PATH] [--rounds 3] [--writers 50]
#                              [--port 18100] [--seed N] [--keep]
#   --db h2          (default) the packaged jar on a fresh data directory (embedded H2)
#   --db postgresql  a fresh database on 127.0.0.1:5432 (user postgres); the jar must be a
#                    PostgreSQL build: ./mvnw -DskipTests package -Dquarkus.datasource.db-kind=postgresql
#   --jar PATH       the packaged application (default web/target/quarkus-app/quarkus-run.jar);
#                    this script builds nothing
#   --keep           keep the data directory (and database) for inspection
# Prints one summary line and exits non-zero if anything acknowledged was lost, an id was
# reused, or a restart failed (a restart not ready within 90 s counts as failed, retried once).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=h2
JAR=web/target/quarkus-app/quarkus-run.jar
PORT=18100
KEEP=false
EXTRA=()
while [ $# -gt 0 ]; do
    case "$1" in
        --db) DB=$2; shift 2 ;;
        --jar) JAR=$2; shift 2 ;;
        --port) PORT=$2; shift 2 ;;
        --rounds|--writers|--seed|--min-run|--max-run) EXTRA+=("$1" "$2"); shift 2 ;;
        --keep) KEEP=true; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
case "$DB" in h2|postgresql) ;; *) echo "--db must be h2 or postgresql" >&2; exit 2 ;; esac
[ -f "$JAR" ] || { echo "no packaged application at $JAR (build it first: ./mvnw -B -DskipTests package)" >&2; exit 2; }
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/marginalia-crash.XXXXXX")
DATA=$WORK/data
mkdir -p "$DATA" target
LOG=$PWD/target/crash-test-$DB.log
: >"$LOG"
PG_DB=
PG_ARGS=()

cleanup() {
    # Stop the application this run started (its pid is in the work directory), nothing else.
    if [ -f "$WORK/app.pid" ]; then
        local pid; pid=$(cat "$WORK/app.pid")
        if grep -qs "quarkus-run.jar" "/proc/$pid/cmdline"; then kill -9 "$pid" 2>/dev/null || true; fi
    fi
    if [ "$KEEP" = true ]; then
        echo "kept: $WORK${PG_DB:+ and database $PG_DB}"
        return
    fi
    if [ -n "$PG_DB" ]; then
        psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $PG_DB" postgres >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$DB" = postgresql ]; then
    PG_DB="dur_crash_$$"
    PGOPTIONS=--client-min-messages=warning psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $PG_DB" \
        -c "CREATE DATABASE $PG_DB" postgres
    PG_ARGS=(--pg-url "jdbc:postgresql://127.0.0.1:5432/$PG_DB" --pg-user postgres)
fi

python3 scripts/crash_test.py --db "$DB" --jar "$JAR" --data-dir "$DATA" --port "$PORT" \
    --pdf core/src/test/resources/pdf/two-column.pdf --log "$LOG" --pid-file "$WORK/app.pid" ${PG_ARGS[@]+"${PG_ARGS[@]}"} ${EXTRA[@]+"${EXTRA[@]}"}
