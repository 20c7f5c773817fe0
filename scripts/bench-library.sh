#!/usr/bin/env bash
# Library benchmark (issue 14): the library page and a group page with 10,000 papers in the library.
# The packaged app on H2 with a fresh data dir: it is started once to create the schema, an account and
# a group, stopped, and 10,000 papers (with an abstract text and one or two lists each) are written
# straight into the H2 file with H2's RunScript, then the app is started again, 30 papers are put on the
# group's reading list through the page's form, and wrk (-t1 -c1 -d10s, after a 3 s warm-up) asks each
# page with the member's session cookie. Prints p50, p99 and requests/s per URL. Goal: ≤ 50 ms p50.
# Usage: scripts/bench-library.sh            (packages web/ first, then measures web/target/quarkus-app)
#        APP_DIR=/path/to/quarkus-app scripts/bench-library.sh   (measures that build as it is, e.g. a
#        copy of main's build, for a before/after comparison with the same script)
# Environment: PORT (8203), PAPERS (10000), LISTED (30), DURATION (10s), KEEP_DATA (a new directory to keep).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8203}
PAPERS=${PAPERS:-10000}
LISTED=${LISTED:-30}
DURATION=${DURATION:-10s}
BASE_URL=http://localhost:$PORT
WORK=$(mktemp -d)
APP_PID=

cleanup() {
    stop_app
    rm -rf "$WORK"
}
stop_app() {
    if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
    APP_PID=
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing (apt-get install -y wrk)"; exit 1; }
if [ -z "${APP_DIR:-}" ]; then
    ./mvnw -B -q -o package -DskipTests -pl web -am
    APP_DIR=web/target/quarkus-app
fi
H2_JAR=$(ls "$APP_DIR"/lib/main/com.h2database.h2-*.jar | head -1)
DATA_DIR=${KEEP_DATA:-$WORK/data}   # KEEP_DATA=/some/new/dir keeps the data directory for a closer look

start_app() {
    MARGINALIA_DATA_DIR="$DATA_DIR" MARGINALIA_SEEDS_IMPORT_ON_FIRST_START=false QUARKUS_HTTP_PORT=$PORT \
        java -jar "$APP_DIR/quarkus-run.jar" >>"$WORK/app.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 240); do
        curl -fs "$BASE_URL/q/health/ready" >/dev/null 2>&1 && return 0
        kill -0 "$APP_PID" 2>/dev/null || break
        sleep 0.5
    done
    echo "the app did not become ready:"; tail -40 "$WORK/app.log"; exit 1
}

COOKIES="$WORK/cookies"
csrf() { curl -s -b "$COOKIES" -c "$COOKIES" "$BASE_URL$1" | sed -n 's/.*<meta name="csrf-token" content="\([^"]*\)">.*/\1/p' | head -1; }
post() { # path, then name=value pairs; prints the redirect target
    local path=$1 token; shift
    token=$(csrf /groups)
    local args=()
    for pair in "$@"; do args+=(--data-urlencode "$pair"); done
    curl -s -o /dev/null -w '%{redirect_url}' -b "$COOKIES" -c "$COOKIES" -H "Origin: $BASE_URL" \
        --data-urlencode "_csrf=$token" "${args[@]}" "$BASE_URL$path"
}

# 1. Schema, an account and a group.
start_app
USERNAME="bench$(date +%s%N | tail -c 7)"
TOKEN=$(csrf /register)
curl -s -o /dev/null -b "$COOKIES" -c "$COOKIES" -H "Origin: $BASE_URL" \
    --data-urlencode "_csrf=$TOKEN" --data-urlencode "displayName=Bench" --data-urlencode "username=$USERNAME" \
    --data-urlencode "email=$USERNAME@example.org" --data-urlencode "password=correct horse battery" "$BASE_URL/register"
GROUP=$(post /groups "name=Benchmark club" "description=Reads everything." "timeZone=Europe/Berlin" \
    | sed -n 's#.*/groups/\([0-9]*\).*#\1#p')
[ -n "$GROUP" ] || { echo "could not create the group"; tail -20 "$WORK/app.log"; exit 1; }
stop_app

# 2. The papers, written into the stopped app's H2 file: varied titles, authors, categories and dates.
awk -v n="$PAPERS" 'BEGIN {
    srand(14);
    nw = split("attention transformer sparse features circuits scaling laws alignment reward models interpretability " \
          "superposition language monosemantic probing emergent reasoning agents deception honesty oversight " \
          "robustness adversarial tokens memory retrieval induction heads gradient descent", w, " ");
    na = split("Ada Lovelace|Alan Turing|Grace Hopper|Claude Shannon|Barbara Liskov|Donald Knuth|Frances Allen|" \
          "Edsger Dijkstra|Margaret Hamilton|John McCarthy|Leslie Lamport|Tony Hoare", a, "|");
    split("cs.LG cs.CL cs.AI stat.ML cs.CR", c, " ");
    print "SET AUTOCOMMIT OFF;";
    for (i = 1; i <= n; i++) {
        t = ""; k = 3 + int(rand() * 6);
        for (j = 0; j < k; j++) { x = w[1 + int(rand() * nw)]; t = t (j ? " " : "") (j ? x : toupper(substr(x, 1, 1)) substr(x, 2)); }
        t = t " " i;
        key = tolower(t); gsub(/[^a-z0-9]/, "", key);
        au = a[1 + int(rand() * na)] "\n" a[1 + int(rand() * na)];
        fp = ""; for (j = 0; j < 8; j++) fp = fp sprintf("%08x", int(rand() * 4294967295));
        y = 2015 + int(rand() * 11); m = 1 + int(rand() * 12); d = (rand() < 0.5) ? "NULL" : 1 + int(rand() * 28);
        if (rand() < 0.03) y = "NULL";
        printf "INSERT INTO paper (title, title_key, title_provisional, authors, authors_truncated, organisations, category, published_year, published_month, published_day, abstract_text, fingerprint, text_version, created_at, updated_at, version) VALUES (%s, %s, FALSE, %s, FALSE, %s, %s, %s, %d, %s, %s, %s, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0);\n",
            q(t), q(key), q(au), q("Example Lab"), q(c[1 + int(rand() * 5)]), y, m, d,
            q("We study " t " and report what we found about it."), q(fp);
        if (i % 1000 == 0) print "COMMIT;";
    }
    print "INSERT INTO paper_text (paper_id, version_no, kind, content, created_at) SELECT id, 1, '\''ABSTRACT'\'', abstract_text, created_at FROM paper p WHERE NOT EXISTS (SELECT 1 FROM paper_text t WHERE t.paper_id = p.id);";
    print "INSERT INTO paper_origin (paper_id, kind, list_name, created_at) SELECT id, '\''MANUAL'\'', '\''Benchmark list '\'' || MOD(id, 7), created_at FROM paper;";
    print "INSERT INTO paper_origin (paper_id, kind, list_name, created_at) SELECT id, '\''MANUAL'\'', '\''Reading week'\'', created_at FROM paper WHERE MOD(id, 5) = 0;";
    print "COMMIT;";
}
function q(s) { gsub(/'\''/, "'\'''\''", s); gsub(/\n/, "'\'' || CHAR(10) || '\''", s); return "'\''" s "'\''"; }' >"$WORK/papers.sql"
LOAD_START=$(date +%s.%N)
java -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:$DATA_DIR/marginalia" -user marginalia -script "$WORK/papers.sql"
printf 'Loaded %s papers into H2 in %.1f s\n' "$PAPERS" "$(echo "$(date +%s.%N) - $LOAD_START" | bc)"

# 3. Start again, sign in, and put papers on the group's reading list as a member does.
start_app
rm -f "$COOKIES"
TOKEN=$(csrf /login)
curl -s -o /dev/null -b "$COOKIES" -c "$COOKIES" -H "Origin: $BASE_URL" --data-urlencode "_csrf=$TOKEN" \
    --data-urlencode "username=$USERNAME" --data-urlencode "password=correct horse battery" "$BASE_URL/login"
for i in $(seq 1 "$LISTED"); do
    post "/groups/$GROUP/list" "paperId=$(( (i * 331) % PAPERS + 1 ))" >/dev/null
done
COOKIE_HEADER=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$COOKIES")
LISTED_NOW=$(curl -s -H "Cookie: $COOKIE_HEADER" "$BASE_URL/groups/$GROUP" | grep -c 'class="entry"' || true)
echo "Group $GROUP: $LISTED_NOW papers on its reading list; app at $APP_DIR; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# 4. wrk per page: status and size first, a warm-up, then the measured run.
measure() { # url [wrk Lua script, label]: the script, when given, chooses each request's address
    local url=$1 script=${2:-} label=${3:-$1} status size
    local extra=()
    [ -n "$script" ] && extra=(-s "$script")
    read -r status size < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H "Cookie: $COOKIE_HEADER" "$BASE_URL$url")
    [ "$status" = 200 ] || { echo "$url answered $status"; exit 1; }
    wrk -t1 -c1 -d3s "${extra[@]}" -H "Cookie: $COOKIE_HEADER" "$BASE_URL$url" >/dev/null
    wrk -t1 -c1 -d"$DURATION" --latency "${extra[@]}" -H "Cookie: $COOKIE_HEADER" "$BASE_URL$url" >"$WORK/wrk.txt"
    if grep -q 'Non-2xx' "$WORK/wrk.txt"; then echo "$url: non-2xx answers"; cat "$WORK/wrk.txt"; exit 1; fi
    awk -v url="$label" -v size="$size" '
        $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 } $1 == "Requests/sec:" { rps = $2 }
        END { printf "%-34s %8s bytes  p50 %9s  p99 %9s  %8s req/s\n", url, size, p50, p99, rps }' "$WORK/wrk.txt"
}
echo "wrk -t1 -c1 -d$DURATION, $PAPERS papers, signed in as a member of group $GROUP:"
measure /papers
measure "/papers?sort=date"
measure "/papers?q=attention+circuits"
measure "/papers?page=150"
# Every request a different page (1–200, random): H2 reuses the result of a repeated identical query,
# which flatters a benchmark that asks for one address only.
cat >"$WORK/pages.lua" <<LUA
math.randomseed(14)
request = function() return wrk.format("GET", "/papers?page=" .. math.random(1, $(( (PAPERS + 49) / 50 )))) end
LUA
measure "/papers?page=1" "$WORK/pages.lua" "/papers?page=(random)"
cat >"$WORK/filters.lua" <<LUA
math.randomseed(14)
local words = {"attention", "circuits", "sparse", "honesty", "gradient", "lamport", "2019", "reading", "heads"}
request = function()
    return wrk.format("GET", "/papers?q=" .. words[math.random(#words)] .. "+" .. words[math.random(#words)])
end
LUA
measure "/papers?q=attention" "$WORK/filters.lua" "/papers?q=(random two words)"
measure "/groups/$GROUP"
