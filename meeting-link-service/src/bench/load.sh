#!/usr/bin/env bash
# Load run of meeting-link-service: POST /api/meeting-links side by side with GET /bench/bare, a constant
# endpoint of the SAME packaged service (built in only for this run), on loopback, with wrk.
#
#   meeting-link-service/src/bench/load.sh            # build, start, warm up, measure, stop, print the table
#   SKIP_BUILD=true ROUNDS=3 DURATION=15s meeting-link-service/src/bench/load.sh
#   AUTH_MODE=jwt meeting-link-service/src/bench/load.sh   # links with an HS256 token per request
#
# The bench build goes to target/bench-app so the normal target/quarkus-app never contains /bench/bare.
set -euo pipefail

MODULE_DIR=$(cd "$(dirname "$0")/../.." && pwd)
ROOT=$(cd "$MODULE_DIR/.." && pwd)
PORT=${PORT:-18081}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-2}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
AUTH_MODE=${AUTH_MODE:-none}
SKIP_BUILD=${SKIP_BUILD:-false}
JAR="$MODULE_DIR/target/bench-app/quarkus-app/quarkus-run.jar"

command -v wrk >/dev/null || { echo "wrk is missing (apt-get install -y wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing" >&2; exit 1; }

if [ "$SKIP_BUILD" != "true" ]; then
  echo "building the bench jar (with /bench/bare) ..."
  (cd "$ROOT" && ./mvnw -B -q -pl meeting-link-service package -DskipTests \
      -Dbench.bare-endpoint=true -Dquarkus.package.output-directory=bench-app)
fi
[ -f "$JAR" ] || { echo "no $JAR" >&2; exit 1; }

WORK=$(mktemp -d)
SERVICE_PID=""
cleanup() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

export JITSI_AUTH_MODE="$AUTH_MODE" JITSI_BASE_URL="https://meet.jit.si"
if [ "$AUTH_MODE" = "jwt" ]; then
  export JITSI_BASE_URL="https://meet.example.org" JITSI_JWT_APP_ID="therapy_app"
  JITSI_JWT_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
  export JITSI_JWT_SECRET
fi
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
  java -Xms256m -Xmx256m -jar "$JAR" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!

BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 60); do
  curl -fsS "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$BASE/q/health/ready" >/dev/null || { echo "service did not become ready" >&2; exit 1; }

BODY='{"room":"booking-123-1795000000-k3x9q2m7","participant":{"id":"45","first_name":"Zoë","last_name":"O'"'"'Brien","email":"zoe@example.org","display_name":null},"role":"client","session":{"starts_at":"2026-12-01T10:00:00Z","duration":60}}'
cat >"$WORK/link.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$BODY]]
LUA

# sanity: both endpoints answer 200 before we measure
curl -fsS "$BASE/bench/bare" >/dev/null || { echo "/bench/bare missing: build with -Dbench.bare-endpoint=true" >&2; exit 1; }
curl -fsS -H 'Content-Type: application/json' -d "$BODY" "$BASE/api/meeting-links" >"$WORK/sample.json"
grep -q '"meeting_url"' "$WORK/sample.json" || { cat "$WORK/sample.json" >&2; exit 1; }

run() { # name, output file, wrk args...
  local out=$2; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" --latency "$@" >"$out"
  if grep -q "Non-2xx" "$out"; then echo "non-2xx responses in $out:" >&2; cat "$out" >&2; exit 1; fi
}

echo "warm-up ($WARMUP each) ..."
run bare "$WORK/warm-bare.txt" -d"$WARMUP" "$BASE/bench/bare"
run link "$WORK/warm-link.txt" -d"$WARMUP" -s "$WORK/link.lua" "$BASE/api/meeting-links"

for r in $(seq 1 "$ROUNDS"); do
  echo "round $r/$ROUNDS ($DURATION each) ..."
  run bare "$WORK/bare-$r.txt" -d"$DURATION" "$BASE/bench/bare"
  run link "$WORK/link-$r.txt" -d"$DURATION" -s "$WORK/link.lua" "$BASE/api/meeting-links"
done

field() { # file, pattern → value
  awk -v p="$2" '$1 == p { print $2; exit }' "$1"
}
reqs() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
lat() { awk '$1 == "Latency" { print $2; exit }' "$1"; }

echo
echo "meeting-link-service load run: wrk -t$THREADS -c$CONNECTIONS, $DURATION x $ROUNDS rounds, loopback, auth mode $AUTH_MODE"
echo "$(nproc) CPUs, load average before stop: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-28s %12s %10s %10s %10s\n' round endpoint "req/s" "avg lat" p50 p99
total_bare=0; total_link=0
for r in $(seq 1 "$ROUNDS"); do
  for name in bare link; do
    f="$WORK/$name-$r.txt"
    label=$([ "$name" = bare ] && echo "GET /bench/bare" || echo "POST /api/meeting-links")
    printf '%-6s %-28s %12s %10s %10s %10s\n' "$r" "$label" "$(reqs "$f")" "$(lat "$f")" "$(field "$f" 50%)" "$(field "$f" 99%)"
  done
  total_bare=$(awk -v a="$total_bare" -v b="$(reqs "$WORK/bare-$r.txt")" 'BEGIN { print a + b }')
  total_link=$(awk -v a="$total_link" -v b="$(reqs "$WORK/link-$r.txt")" 'BEGIN { print a + b }')
done
awk -v b="$total_bare" -v l="$total_link" -v n="$ROUNDS" 'BEGIN {
  printf "mean   bare %.0f req/s, link %.0f req/s, link/bare = %.1f%% (target >= 80%%)\n", b / n, l / n, 100 * l / b }'
