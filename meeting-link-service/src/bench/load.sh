#!/usr/bin/env bash
# Load run of meeting-link-service: POST /api/meeting-links side by side with GET /bench/bare, a constant
# endpoint of the SAME packaged service (src/bench/java, built in only by the bench profile), on loopback, with
# wrk. Three more baselines, POST /bench/post-raw, /bench/post-json and /bench/post-json-auth, take the same
# request body and answer a constant; the last one behind the service-token check, so its CPU time minus
# post-json's is what verifying the caller's token costs. Every POST carries a service token, signed here with a
# throwaway key that the service is pointed at (JWT_PUBLIC_KEY_LOCATION, a PEM file instead of booking-service's
# JWKS: the verification per request is the same, the key is cached either way).
# Shared build machines drift by tens of percent within minutes, so the endpoints take turns in many short slices
# and the report gives medians of per-round ratios; it also gives the service's CPU time per request (from
# /proc/<pid>/stat), which does not depend on how much CPU the load generator gets.
#
#   meeting-link-service/src/bench/load.sh            # build, start, warm up, measure, stop, print the table
#   SKIP_BUILD=true ROUNDS=5 DURATION=8s meeting-link-service/src/bench/load.sh
#   AUTH_MODE=jwt meeting-link-service/src/bench/load.sh   # links with an HS256 token per request
#
# The bench build (mvn -Pbench) goes to target/bench: the normal target/classes and target/quarkus-app never
# contain the /bench endpoints.
set -euo pipefail

MODULE_DIR=$(cd "$(dirname "$0")/../.." && pwd)
ROOT=$(cd "$MODULE_DIR/.." && pwd)
PORT=${PORT:-18081}
WARMUP=${WARMUP:-8s}
DURATION=${DURATION:-2s}
ROUNDS=${ROUNDS:-15}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
AUTH_MODE=${AUTH_MODE:-none}
SKIP_BUILD=${SKIP_BUILD:-false}
JAR="$MODULE_DIR/target/bench/quarkus-app/quarkus-run.jar"

command -v wrk >/dev/null || { echo "wrk is missing (apt-get install -y wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing" >&2; exit 1; }

if [ "$SKIP_BUILD" != "true" ]; then
  echo "building the bench jar (with /bench/bare) ..."
  (cd "$ROOT" && ./mvnw -B -q -pl meeting-link-service -Pbench package)
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

# a throwaway RSA key and one service token for the whole run (RS256, audience meeting-link-service, 2 h)
TOKEN=$("$ROOT/deploy/local/throwaway-service-token.sh" "$WORK" bench 7200)
export JWT_PUBLIC_KEY_LOCATION="$WORK/public.pem"

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
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = [[$BODY]]
LUA

# sanity: both endpoints answer 200 before we measure
curl -fsS "$BASE/bench/bare" >/dev/null || { echo "/bench/bare missing: build with -Pbench" >&2; exit 1; }
curl -fsS -H 'Content-Type: application/json' -d "$BODY" "$BASE/bench/post-json" >/dev/null
AUTH=(-H "Authorization: Bearer $TOKEN")
curl -fsS "${AUTH[@]}" -H 'Content-Type: application/json' -d "$BODY" "$BASE/bench/post-json-auth" >/dev/null
curl -fsS "${AUTH[@]}" -H 'Content-Type: application/json' -d "$BODY" "$BASE/api/meeting-links" >"$WORK/sample.json"
grep -q '"meeting_url"' "$WORK/sample.json" || { cat "$WORK/sample.json" >&2; exit 1; }

# CPU time (user + system, in clock ticks) the service process has used so far
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVICE_PID/stat"; }

run() { # output file, wrk args...; also writes <output file>.cpu: the service's CPU ticks during the run
  local out=$1; shift
  local before; before=$(cpu_ticks)
  wrk -t"$THREADS" -c"$CONNECTIONS" --latency "$@" >"$out"
  echo $(( $(cpu_ticks) - before )) >"$out.cpu"
  if grep -q "Non-2xx" "$out"; then echo "non-2xx responses in $out:" >&2; cat "$out" >&2; exit 1; fi
}

# name | wrk target; "bare" is the baseline of the target, post-raw/post-json show what receiving and binding
# the same JSON body costs without any link logic
ENDPOINTS="bare link post-raw post-json post-json-auth"
target() {
  case $1 in
    bare) echo "$BASE/bench/bare" ;;
    link) echo "-s $WORK/link.lua $BASE/api/meeting-links" ;;
    post-raw) echo "-s $WORK/link.lua $BASE/bench/post-raw" ;;
    post-json) echo "-s $WORK/link.lua $BASE/bench/post-json" ;;
    post-json-auth) echo "-s $WORK/link.lua $BASE/bench/post-json-auth" ;;
  esac
}
label() {
  case $1 in
    bare) echo "GET /bench/bare" ;;
    link) echo "POST /api/meeting-links" ;;
    post-raw) echo "POST /bench/post-raw" ;;
    post-json) echo "POST /bench/post-json" ;;
    post-json-auth) echo "POST /bench/post-json-auth" ;;
  esac
}

echo "warm-up ($WARMUP each) ..."
for e in $ENDPOINTS; do
  # shellcheck disable=SC2046
  run "$WORK/warm-$e.txt" -d"$WARMUP" $(target "$e")
done

# alternate the endpoints round by round, so load from other processes hits all of them alike
for r in $(seq 1 "$ROUNDS"); do
  echo "round $r/$ROUNDS ($DURATION each) ..."
  for e in $ENDPOINTS; do
    # shellcheck disable=SC2046
    run "$WORK/$e-$r.txt" -d"$DURATION" $(target "$e")
  done
done

reqs() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
lat() { awk '$1 == "Latency" { print $2; exit }' "$1"; }
pct() { awk -v p="$2" '$1 == p { print $2; exit }' "$1"; }
p50() { pct "$1" 50%; }
p99() { pct "$1" 99%; }
# the service's CPU time per answered request, in microseconds (ticks of 1/CLK_TCK s over the run's requests)
cpu_us() { awk -v t="$(cat "$1.cpu")" -v hz="$(getconf CLK_TCK)" '/requests in/ { printf "%.1f\n", t * 1e6 / hz / $1 }' "$1"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
tolat() { # wrk latency (e.g. 712.00us, 1.35ms) → ms
  awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f\n", v }'
}
over_rounds() { # endpoint, function: the function's value for each round
  for r in $(seq 1 "$ROUNDS"); do "$2" "$WORK/$1-$r.txt"; done
}

echo
echo "meeting-link-service load run: wrk -t$THREADS -c$CONNECTIONS --latency, $ROUNDS rounds x $DURATION per endpoint, loopback, JITSI_AUTH_MODE=$AUTH_MODE"
echo "$(nproc) CPUs (shared), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-6s' round; for e in $ENDPOINTS; do printf ' %16s' "$e req/s"; done
printf ' %10s %14s %15s %14s\n' "link/bare" "link/post-raw" "link/post-json" "CPU bare/link"
for r in $(seq 1 "$ROUNDS"); do
  printf '%-6s' "$r"
  for e in $ENDPOINTS; do printf ' %16s' "$(reqs "$WORK/$e-$r.txt")"; done
  awk -v b="$(reqs "$WORK/bare-$r.txt")" -v l="$(reqs "$WORK/link-$r.txt")" -v p="$(reqs "$WORK/post-raw-$r.txt")" \
    -v j="$(reqs "$WORK/post-json-$r.txt")" -v cb="$(cpu_us "$WORK/bare-$r.txt")" -v cl="$(cpu_us "$WORK/link-$r.txt")" \
    'BEGIN { printf " %9.1f%% %13.1f%% %14.1f%% %13.1f%%\n", 100 * l / b, 100 * l / p, 100 * l / j, 100 * cb / cl }' \
    | tee -a "$WORK/ratios.txt"
done
echo
printf '%-26s %12s %12s %14s %14s %14s\n' "median over rounds" "req/s" "CPU us/req" "avg lat (ms)" "p50 (ms)" "p99 (ms)"
for e in $ENDPOINTS; do
  printf '%-26s %12.0f %12s %14s %14s %14s\n' "$(label "$e")" \
    "$(over_rounds "$e" reqs | median)" "$(over_rounds "$e" cpu_us | median)" \
    "$(over_rounds "$e" lat | tolat | median)" \
    "$(over_rounds "$e" p50 | tolat | median)" "$(over_rounds "$e" p99 | tolat | median)"
done
echo
ratio() { awk -v c="$1" '{ sub(/%/, "", $c); print $c }' "$WORK/ratios.txt" | median; }
echo "median link/bare:       $(ratio 1)% of the bare GET's requests per second (target >= 80%)"
echo "median link/post-raw:   $(ratio 2)% of a bare POST of the same body (read, constant answer)"
echo "median link/post-json:  $(ratio 3)% of a POST that binds the same body to the request record"
echo "median CPU bare/link:   $(ratio 4)% (service CPU time per request, bare GET over link)"
echo "token check per request:  $(awk -v a="$(over_rounds post-json-auth cpu_us | median)" \
  -v p="$(over_rounds post-json cpu_us | median)" 'BEGIN { printf "%.1f", a - p }') us of service CPU (post-json-auth - post-json)"
