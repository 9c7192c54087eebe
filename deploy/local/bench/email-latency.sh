#!/usr/bin/env bash
# Booking commit → meeting-info email accepted by the mail sink, on the whole local stack (deploy/local/run.sh:
# PostgreSQL, the KRaft broker, MailDev, the three services).
#
#   deploy/local/bench/email-latency.sh [bookings (default 30)] [pause between bookings in s (default 0.3)]
#                                       [reminders (default 10; 0 skips that part)]
#
# Starts run.sh (USE_AOT=0 unless set; SKIP_BUILD=1 reuses the last build) in its own process group, creates a slot
# and one client per booking through the public API (one admin login: the stack's login limits stay untouched),
# books them one after the other, then reads notification-service's database: for each booking, the time the SMTP
# server accepted the client's meeting-info (sent_at) minus the booking's created_at (its transaction, within a few
# milliseconds of the commit). Five bookings first warm the stack up and are not measured. Prints median, p90, p99 and max. run.sh (and everything it started) is stopped by its
# process group at the end. Needs curl, jq and psql (PGHOST/PGPORT/PGUSER as run.sh).
#
# Then reminders: <reminders> clients book a one-minute slot starting 1 hour and 45 s from now, so their 1-hour
# reminders all come due at one instant 45 s later; per reminder, sent_at minus its due_at.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
COUNT=${1:-30} PAUSE=${2:-0.3} REMINDERS=${3:-10} WARMUP=5
API=http://127.0.0.1:${BOOKING_PORT:-8080} MAIL=http://127.0.0.1:${MAIL_WEB_PORT:-1080}
command -v jq >/dev/null || { echo "jq is needed" >&2; exit 1; }
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
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
# a slot some days ahead at a random hour (the stack keeps its data: a slot of an earlier run may hold the hour)
for _ in $(seq 1 20); do
  hours=$((72 + RANDOM % 2000))
  START=$(date -u -d "+$hours hours" +%Y-%m-%dT%H:00:00Z) END=$(date -u -d "+$((hours + 1)) hours" +%Y-%m-%dT%H:00:00Z)
  SLOT=$(curl -sS -H 'Content-Type: application/json' -H "Authorization: Bearer $ADMIN" -d "{\"starts_at\":\"$START\",\"ends_at\":\"$END\",\"capacity\":$((COUNT + WARMUP)),\"amount\":\"100.00\",\"currency\":\"EUR\"}" "$API/api/admin/schedules" | jq -r '.id // empty')
  [[ -n $SLOT ]] && break
done
[[ -n $SLOT ]] || { echo "no free hour for the slot" >&2; exit 1; }
TOKENS=()
for i in $(seq 1 $((COUNT + WARMUP))); do
  email="latency-$RUN-$i@example.org"
  # registering answers with a token, as a login does (and counts against no login limit)
  TOKENS+=("$(json_post /api/auth/register "{\"first_name\":\"Lat\",\"last_name\":\"Ency $i\",\"email\":\"$email\",\"password\":\"correct horse battery\",\"time_zone\":\"Europe/Berlin\"}" | jq -r .access_token)")
done
# warm-up: the first bookings after a start pay for class loading and JIT; not measured
for i in $(seq "$((COUNT + 1))" "$((COUNT + WARMUP))"); do
  json_post /api/bookings "{\"schedule_id\":$SLOT}" "${TOKENS[$((i - 1))]}" >/dev/null
done
sleep 3
declare -A CREATED
IDS=()
for i in $(seq 1 "$COUNT"); do
  read -r id created < <(json_post /api/bookings "{\"schedule_id\":$SLOT}" "${TOKENS[$((i - 1))]}" | jq -r '"\(.id) \(.created_at)"')
  IDS+=("$id"); CREATED[$id]=$created
  sleep "$PAUSE"
done
# sent_at: notification-service's record that the SMTP server accepted the client's meeting-info (milliseconds)
ids=$(IFS=,; echo "${IDS[*]}")
query="select booking_id, to_char(sent_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') from notification
  where booking_id in ($ids) and kind = 'meeting_info' and recipient_role = 'client' and status = 'sent'"
for _ in $(seq 1 120); do
  (( $(psql -At -d notification -c "$query" | wc -l) >= COUNT )) && break; sleep 1
done
LAT=()
while IFS='|' read -r id sent; do
  LAT+=("$(( ($(date -d "$sent" +%s%N) - $(date -d "${CREATED[$id]}" +%s%N)) / 1000000 ))")
done < <(psql -At -d notification -c "$query")
percentiles() { # label: milliseconds on stdin
  sort -n | awk -v label="$1" '{ v[NR] = $1 } END {
    if (NR == 0) { print label ": none"; exit 1 }
    printf "%s (ms): n %d, median %d, p90 %d, p99 %d, max %d\n", label, NR, v[int((NR + 1) / 2)],
      v[int(NR * 0.9 + 0.999)], v[int(NR * 0.99 + 0.999)], v[NR] }'
}

printf '%s\n' "${LAT[@]}" | percentiles "booking commit -> meeting-info accepted by SMTP, $COUNT bookings"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"

((REMINDERS > 0)) || exit 0
# a one-minute slot 1 h 45 s ahead (a later minute if an earlier run's slot holds it)
for shift in $(seq 0 10); do
  START=$(date -u -d "+1 hour +$((45 + 60 * shift)) seconds" +%Y-%m-%dT%H:%M:%SZ)
  END=$(date -u -d "$START +1 minute" +%Y-%m-%dT%H:%M:%SZ)
  SLOT=$(curl -sS -H 'Content-Type: application/json' -H "Authorization: Bearer $ADMIN" -d "{\"starts_at\":\"$START\",\"ends_at\":\"$END\",\"capacity\":$REMINDERS,\"amount\":\"100.00\",\"currency\":\"EUR\"}" "$API/api/admin/schedules" | jq -r '.id // empty')
  [[ -n $SLOT ]] && break
done
[[ -n $SLOT ]] || { echo "no free minute for the reminder slot" >&2; exit 1; }
IDS=()
for i in $(seq 1 "$REMINDERS"); do
  token=$(json_post /api/auth/register "{\"first_name\":\"Re\",\"last_name\":\"Minder $i\",\"email\":\"reminder-$RUN-$i@example.org\",\"password\":\"correct horse battery\",\"time_zone\":\"Europe/Berlin\"}" | jq -r .access_token)
  IDS+=("$(json_post /api/bookings "{\"schedule_id\":$SLOT}" "$token" | jq -r .id)")
done
DUE=$(date -u -d "$START -1 hour" +%s)
echo "reminders due at $(date -u -d "@$DUE" +%H:%M:%S) UTC; waiting"
sleep $((DUE - $(date +%s) + 10))
ids=$(IFS=,; echo "${IDS[*]}")
query="select (extract(epoch from (sent_at - due_at)) * 1000)::bigint from notification
  where booking_id in ($ids) and kind = 'reminder' and reminder_offset = 'PT1H' and recipient_role = 'client'
  and status = 'sent'"
for _ in $(seq 1 60); do
  (( $(psql -At -d notification -c "$query" | wc -l) >= REMINDERS )) && break; sleep 1
done
psql -At -d notification -c "$query" | percentiles "reminder due -> accepted by SMTP, $REMINDERS due at once"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
