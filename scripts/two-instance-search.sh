#!/usr/bin/env bash
# Two packaged PostgreSQL-flavoured instances on one fresh database, live fan-out through
# PostgreSQL: a note created on A is found by search on B and reaches B's live stream within
# 2 s; an edit on B is found on A within 2 s; 50 writers on both, kill -9 of B, restart: B's
# search finds every acknowledged note, without rebuilding its index. Exits non-zero otherwise.
#
#   ./mvnw -B -q -DskipTests package -Dquarkus.datasource.db-kind=postgresql
#   scripts/two-instance-search.sh --jar web/target/quarkus-app/quarkus-run.jar
#
# Options: --jar PATH (required), --ports A,B (default 18510,18511), --writers N (default 50),
# --seed N. PostgreSQL at PGHOST (127.0.0.1), PGPORT (5432), user PGUSER (postgres), trust auth.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=
EXTRA=()
while [ $# -gt 0 ]; do
    case "$1" in
        --jar) JAR=$2; shift 2 ;;
        --ports|--writers|--seed) EXTRA+=("$1" "$2"); shift 2 ;;
        *) echo "usage: $0 --jar PATH [--ports A,B] [--writers N] [--seed N]" >&2; exit 2 ;;
    esac
done
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "two-instance-search: --jar PATH to a PostgreSQL build's quarkus-run.jar is required" >&2; exit 2; }
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS="-c client_min_messages=warning"
DB=marginalia_search_$$
WORK=$(mktemp -d)
cleanup() {
    for f in "$WORK"/*.pid; do
        [ -f "$f" ] || continue
        pid=$(cat "$f")
        if grep -qs "quarkus-run.jar" "/proc/$pid/cmdline"; then kill -9 "$pid" 2>/dev/null || true; fi
    done
    psql -d postgres -X -q -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
    mkdir -p target && cp "$WORK"/*.log target/ 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
psql -d postgres -X -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
python3 scripts/two_instance_search.py --jar "$JAR" --pg-url "jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    --pg-user "$PGUSER" --work "$WORK" ${EXTRA[@]+"${EXTRA[@]}"}
