#!/usr/bin/env bash
# Booking commit → meeting-info email accepted by the mail sink, on the whole local stack (deploy/local/run.sh:
# PostgreSQL, the KRaft broker, MailDev, the three services).
#
#   deploy/local/bench/email-latency.sh [bookings (default 30)] [pause between bookings in s (default 0.3)]
#
# Starts run.sh (USE_AOT=0 unless set; SKIP_BUILD=1 reuses the last build) in its own process group, creates a slot
# and one client per booking through the public API, books them one after the other, then reads MailDev's web API:
# for each booking, the time the client's meeting-info arrived minus the booking's created_at (its commit, within a
# millisecond). Prints median, p90, p99 and max. run.sh (and everything it started) is stopped by its process group
# at the end. Needs curl and jq.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COUNT=${1:-30} PAUSE=${2:-0.3}
API=http://127.0.0.1:${BOOKING_PORT:-8080} MAIL=http://127.0.0.1:${MAIL_WEB_PORT:-1080}
command -v jq >/dev/null || { echo "jq is needed" >&2; exit 1; }
LOG=$(mktemp /tmp/email-latency.XXXXXX)
USE_AOT=${USE_AOT:-0} setsid bash "$ROOT/deploy/local/run.sh" >"$LOG" 2>&1 &
STACK=$!
stop() { kill -TERM -- "-$STACK" 2>/dev/null || true; wait "$STACK" 2>/dev/null || true; rm -f "$LOG"; }
trap stop EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 900); do grep -q 'All services are UP' "$LOG" && break
  kill -0 "$STACK" 2>/dev/null || { tail -30 "$LOG" >&2; exit 1; }; sleep 1; done
grep -q 'All services are UP' "$LOG" || { echo "the stack did not come up" >&2; tail -30 "$LOG" >&2; exit 1; }

json_post() { curl -fsS -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2" "$API$1"; }
ADMIN=$(json_post /api/auth/login "{\"email\":\"${ADMIN_SEED_EMAIL:-therapist@practice.example}\",\"password\":\"$(cat "$ROOT/deploy/local/.state/admin-password")\"}" | jq -r .access_token)
RUN=$(date +%s%N | tail -c 9)
START=$(date -u -d '+3 days' +%Y-%m-%dT%H:00:00Z) END=$(date -u -d '+3 days +1 hour' +%Y-%m-%dT%H:00:00Z)
SLOT=$(json_post /api/admin/schedules "{\"starts_at\":\"$START\",\"ends_at\":\"$END\",\"capacity\":$COUNT,\"amount\":\"100.00\",\"currency\":\"EUR\"}" "$ADMIN" | jq -r .id)
TOKENS=()
for i in $(seq 1 "$COUNT"); do
  email="latency-$RUN-$i@example.org"
  json_post /api/auth/register "{\"first_name\":\"Lat\",\"last_name\":\"Ency $i\",\"email\":\"$email\",\"password\":\"correct horse battery\",\"time_zone\":\"Europe/Berlin\"}" >/dev/null
  TOKENS+=("$(json_post /api/auth/login "{\"email\":\"$email\",\"password\":\"correct horse battery\"}" | jq -r .access_token)")
done
declare -A CREATED
for i in $(seq 1 "$COUNT"); do
  CREATED[$i]=$(json_post /api/bookings "{\"schedule_id\":$SLOT}" "${TOKENS[$((i - 1))]}" | jq -r .created_at)
  sleep "$PAUSE"
done
for _ in $(seq 1 120); do
  got=$(curl -fsS "$MAIL/email" | jq --arg run "latency-$RUN-" '[.[] | select(.to[0].address | startswith($run))] | length')
  ((got >= COUNT)) && break; sleep 1
done
curl -fsS "$MAIL/email" | jq -r --arg run "latency-$RUN-" \
  '.[] | select(.to[0].address | startswith($run)) | "\(.to[0].address) \(.time)"' >"$LOG.mails"
LAT=()
for i in $(seq 1 "$COUNT"); do
  arrived=$(awk -v a="latency-$RUN-$i@example.org" '$1 == a { print $2; exit }' "$LOG.mails")
  [[ -n $arrived ]] || { echo "booking $i: no email" >&2; continue; }
  LAT+=("$(( ($(date -d "$arrived" +%s%N) - $(date -d "${CREATED[$i]}" +%s%N)) / 1000000 ))")
done
rm -f "$LOG.mails"
printf '%s\n' "${LAT[@]}" | sort -n | awk -v n="$COUNT" '{ v[NR] = $1 } END {
  if (NR == 0) { print "no email arrived"; exit 1 }
  printf "bookings %d, emails %d; commit -> email in the sink (ms): median %d, p90 %d, p99 %d, max %d\n",
    n, NR, v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.999)], v[int(NR * 0.99 + 0.999)], v[NR] }'
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
