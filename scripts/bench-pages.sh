#!/usr/bin/env bash
# Page view benchmark (issue 12): time from requesting a PDF paper's page view to having its first
# page image, on the 30-page two-column test paper (core/src/test/resources/pdf/long-two-column.pdf).
# Cold: the page cache (<data-dir>/cache) deleted, so the PDF is read from the database and page 1 is
# rendered. Warm: page 1 already rendered. Each: the HTML, then the first <img> it names, as a browser
# fetches them (curl, sequential; the figures are the sum). Goal: first page visible within 1 s.
# Usage: scripts/bench-pages.sh [runs]       (starts the packaged app on port 18102 with a fresh data dir)
#        BASE_URL=http://host:port DATA_DIR=/path scripts/bench-pages.sh   (uses a running instance;
#        DATA_DIR is its data directory, for the cold runs; without it only warm runs are measured)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PDF=core/src/test/resources/pdf/long-two-column.pdf
WORK=$(mktemp -d)
JAR=web/target/quarkus-app/quarkus-run.jar
APP_PID=

cleanup() {
    if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${BASE_URL:-}" ]; then
    if [ ! -f "$JAR" ]; then
        ./mvnw -B -q package -pl web -am -DskipTests
    fi
    PORT=18102
    DATA_DIR="$WORK/data"
    MARGINALIA_DATA_DIR="$DATA_DIR" MARGINALIA_SEEDS_IMPORT_ON_FIRST_START=false QUARKUS_HTTP_PORT=$PORT \
        java -jar "$JAR" >"$WORK/app.log" 2>&1 &
    APP_PID=$!
    BASE_URL=http://localhost:$PORT
    for _ in $(seq 1 120); do
        curl -fs "$BASE_URL/q/health/ready" >/dev/null 2>&1 && break
        sleep 0.5
    done
fi

JAR_COOKIES="$WORK/cookies"
csrf() { curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE_URL$1" | sed -n 's/.*<meta name="csrf-token" content="\([^"]*\)">.*/\1/p' | head -1; }

# An account, then the upload and its confirmation, as a browser sends them.
TOKEN=$(csrf /register)
USER="bench$(date +%s%N | tail -c 7)"
curl -s -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" -H "Origin: $BASE_URL" \
    --data-urlencode "_csrf=$TOKEN" --data-urlencode "displayName=Bench" --data-urlencode "username=$USER" \
    --data-urlencode "email=$USER@example.org" --data-urlencode "password=correct horse battery" "$BASE_URL/register"
TOKEN=$(csrf /papers/new/pdf)
UPLOAD_START=$(date +%s.%N)
FORM=$(curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" -H "Origin: $BASE_URL" -H "X-CSRF-Token: $TOKEN" \
    -F "file=@$PDF;type=application/pdf" "$BASE_URL/papers/new/pdf")
UPLOAD_END=$(date +%s.%N)
UPLOAD=$(echo "$FORM" | sed -n 's/.*name="token" value="\([^"]*\)".*/\1/p' | head -1)
[ -n "$UPLOAD" ] || { echo "upload failed:"; echo "$FORM" | head -40; exit 1; }
LOCATION=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" -H "Origin: $BASE_URL" \
    --data-urlencode "_csrf=$TOKEN" --data-urlencode "token=$UPLOAD" --data-urlencode "title=Benchmark paper $USER" \
    --data-urlencode "confirmDuplicate=true" "$BASE_URL/papers/new/pdf/confirm")
PAPER=$(echo "$LOCATION" | sed -n 's#.*/papers/\([0-9]*\)/pages.*#\1#p')
[ -n "$PAPER" ] || { echo "confirmation failed: $LOCATION"; exit 1; }
PAGES=$(curl -s "$BASE_URL/papers/$PAPER/pages" | grep -o 'class="pdf-page"' | wc -l)
printf 'Uploaded %s (%s pages) as paper %s; upload + extraction answered in %.2f s\n' \
    "$(basename "$PDF")" "$PAGES" "$PAPER" "$(echo "$UPLOAD_END - $UPLOAD_START" | bc)"

# One measurement: the page view's HTML, then its first page image; prints "html image total" in seconds.
first_page() {
    local html image src
    html=$(curl -s -o "$WORK/page.html" -w '%{time_total}' "$BASE_URL/papers/$PAPER/pages")
    src=$(grep -o 'class="pdf-page__image" src="[^"]*"' "$WORK/page.html" | head -1 | sed 's/.*src="\([^"]*\)"/\1/')
    image=$(curl -s -o "$WORK/page1.png" -w '%{time_total}' "$BASE_URL$src")
    [ "$(head -c 4 "$WORK/page1.png" | tail -c 3)" = "PNG" ] || { echo "no PNG at $src"; exit 1; }
    echo "$html $image $(echo "$html + $image" | bc)"
}

report() {
    sort -n -k3 "$1" | awk -v label="$2" '{ h[NR]=$1; i[NR]=$2; t[NR]=$3 }
        END { m=int((NR+1)/2); printf "%-5s median of %d: page view HTML %.3f s + first page image %.3f s = %.3f s (max %.3f s)\n",
              label, NR, h[m], i[m], t[m], t[NR] }'
}

: >"$WORK/cold"; : >"$WORK/warm"
for run in $(seq 1 "$RUNS"); do
    if [ -n "${DATA_DIR:-}" ]; then
        rm -rf "$DATA_DIR/cache"
        first_page >>"$WORK/cold"
    fi
    first_page >>"$WORK/warm"
done
[ -s "$WORK/cold" ] && report "$WORK/cold" cold
report "$WORK/warm" warm
