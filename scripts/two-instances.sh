#!/usr/bin/env bash
# Two packaged PostgreSQL-flavoured instances start at the same moment on a fresh, empty
# database; once both are healthy the library must hold the 39 seed papers exactly once, and
# seed_import must show exactly one first-start import. Exits non-zero otherwise.
#
#   ./mvnw -B -q -DskipTests package -Dquarkus.datasource.db-kind=postgresql
#   scripts/two-instances.sh --jar web/target/quarkus-app/quarkus-run.jar
#
# Options: --jar PATH (required), --ports A,B (default 18500,18501), --rounds N (default 1),
# --db NAME (the database it creates and drops; default marginalia_two_instances_<pid>).
# PostgreSQL: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), trust authentication, as in .ci/smoke.
set -euo pipefail

JAR=
PORTS=18500,18501
ROUNDS=1
DB=marginalia_two_instances_$$
while [ $# -gt 0 ]; do
    case "$1" in
        --jar) JAR=$2; shift 2 ;;
        --ports) PORTS=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --db) DB=$2; shift 2 ;;
        *) echo "usage: $0 --jar PATH [--ports A,B] [--rounds N] [--db NAME]" >&2; exit 2 ;;
    esac
done
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "two-instances: --jar PATH to a PostgreSQL build's quarkus-run.jar is required" >&2; exit 2; }
PORT_A=${PORTS%,*}
PORT_B=${PORTS#*,}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS="-c client_min_messages=warning"
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "two-instances: --db must be a plain lower-case name" >&2; exit 2; }
WORK=$(mktemp -d)
PID_A= PID_B=

sql() { psql -d "$DB" -X -A -t -q -c "$1"; }

stop_all() {
    for pid in $PID_A $PID_B; do kill "$pid" 2>/dev/null || true; done
    for pid in $PID_A $PID_B; do wait "$pid" 2>/dev/null || true; done
    PID_A= PID_B=
}

cleanup() {
    stop_all
    psql -d postgres -X -q -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    echo "TWO INSTANCES FAILED: $*" >&2
    for name in a b; do
        [ -f "$WORK/$name.log" ] && { echo "---- instance $name log (last 40 lines)" >&2; tail -40 "$WORK/$name.log" >&2; }
    done
    exit 1
}

start() { # name port
    mkdir -p "$WORK/$1-data"
    # Two JVMs starting at once on a busy CI machine: a slow first connection must not fail the run.
    MARGINALIA_DATA_DIR="$WORK/$1-data" QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=60S \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
        java -Dquarkus.http.port="$2" -jar "$JAR" >"$WORK/$1.log" 2>&1 &
}

await_healthy() { # name port pid
    for _ in $(seq 1 180); do
        curl -fs "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1 && return 0
        kill -0 "$3" 2>/dev/null || fail "instance $1 exited before it was healthy"
        sleep 1
    done
    fail "instance $1 not healthy within 180 s"
}

paper_count() { curl -fs "http://127.0.0.1:$1/api/papers" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }

for round in $(seq 1 "$ROUNDS"); do
    echo "-- round $round: two instances on the empty database $DB (ports $PORT_A and $PORT_B)"
    psql -d postgres -X -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
    rm -rf "$WORK"/*
    # Both in the same instant: neither has imported anything when the other looks.
    start a "$PORT_A"; PID_A=$!
    start b "$PORT_B"; PID_B=$!
    await_healthy a "$PORT_A" "$PID_A"
    await_healthy b "$PORT_B" "$PID_B"

    rows=$(sql "SELECT COUNT(*) FROM paper")
    distinct=$(sql "SELECT COUNT(DISTINCT fingerprint) FROM paper")
    first_starts=$(sql "SELECT COUNT(*) FROM seed_import WHERE trigger_name = 'first start'")
    done_flag=$(sql "SELECT first_start_done FROM seed_claim" 2>/dev/null || echo "no seed_claim table")
    seen_a=$(paper_count "$PORT_A") || fail "instance a's /api/papers did not answer"
    seen_b=$(paper_count "$PORT_B") || fail "instance b's /api/papers did not answer"
    importers=$(grep -l "Seed import: read" "$WORK/a.log" "$WORK/b.log" | xargs -r -n1 basename | tr '\n' ' ')
    echo "papers: $rows rows, $distinct distinct; instance a lists $seen_a, b lists $seen_b;" \
        "first-start imports: $first_starts (logged by: ${importers:-none}); seed_claim.first_start_done=$done_flag"

    [ "$rows" = 39 ] || fail "expected 39 papers, found $rows ($distinct distinct)"
    [ "$seen_a" = 39 ] && [ "$seen_b" = 39 ] || fail "expected both instances to list 39 papers"
    [ "$first_starts" = 1 ] || fail "expected one first-start import in seed_import, found $first_starts"
    [ "$done_flag" = t ] || fail "seed_claim.first_start_done is '$done_flag'"
    stop_all
done
echo "two-instances: all $ROUNDS round(s) passed: one seed import, 39 papers"
