#!/usr/bin/env bash
# Booking throughput and email latency under load (issue 13's table), on services started here side by side.
#
#   deploy/local/bench/booking-load.sh [seconds per load run (default 20)] [load slots (default 200)]
#
# Needs: a build of the checkout (./mvnw install -DskipTests: the three services under target/quarkus-app,
# deploy/local-stack and deploy/kafka-broker), PostgreSQL on 127.0.0.1:5432 (PGHOST/PGPORT/PGUSER; scratch databases
# booking_load_<random> and notification_load_<random>, dropped at the end), curl, jq, wrk. Starts a KRaft broker, a
# real SMTP server that keeps nothing (smtp-sink/SmtpSink.java), meeting-link-service and booking-service on free loopback
# ports (JDK 17 unless JAVA_BIN is set, the JVM options of run.sh (lib.sh), prod profile, configured as run.sh does), creates
# the data through the public API, then:
#   1. POST /api/bookings: wrk -t2 -c16, each request a distinct (client, slot) pair over <load slots> slots of
#      capacity 100 (100 clients), notification-service not running, a bare GET /api/auth/jwks before and after;
#   2. starts notification-service and times how long it takes to send the backlog: every booking's two meeting-info
#      emails (client and host), counted in its database and at the SMTP server;
#   3. GET /api/bookings: 16 clients with 50 bookings each, wrk -t2 -c64, bare endpoint before and after;
#   4. sustained: about 50 bookings/s for 60 s (wrk -t1 -c10, 190 ms pause per connection) with every service
#      running; per booking, the client's meeting-info accepted by SMTP minus the booking's created_at;
#   5. RSS of each service.
# For the POST and GET runs it also prints the CPU time each process (and the whole machine, wrk included) used per
# request.
# Every process started here is stopped by its pid at the end. JFR_DIR=<dir> records each service with JFR;
# EXTRA_JAVA_OPTS is added to the services' JVM options (with -XX:NativeMemoryTracking=summary the script also prints
# where each service's memory went).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
SECONDS_PER_RUN=${1:-20} LOAD_SLOTS=${2:-200}
LIST_CLIENTS=16 LOAD_CLIENTS=100 WARM_SLOTS=10 LIST_SLOTS=50 SUSTAINED_SLOTS=40
JAVA_BIN=${JAVA_BIN:-java}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
for tool in wrk jq curl psql; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
for s in booking-service meeting-link-service notification-service; do
  [[ -f $ROOT/$s/target/quarkus-app/quarkus-run.jar ]] || { echo "build first: ./mvnw install -DskipTests" >&2; exit 1; }
done

source "$ROOT/deploy/local/bench/lib.sh"
begin_run booking-load
BOOKING_DB=booking_load_$SUFFIX NOTIFICATION_DB=notification_load_$SUFFIX
SCRATCH_DBS=("$BOOKING_DB" "$NOTIFICATION_DB")

psql -q -d postgres -c "CREATE DATABASE $BOOKING_DB" -c "CREATE DATABASE $NOTIFICATION_DB"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
start_kafka "$WORK"
PID_kafka=${PIDS[-1]}
start_smtp_sink
BOOKING_PORT=$(free_port) LINK_PORT=$(free_port) NOTIFICATION_PORT=$(free_port)
CLIENT_SECRET=load-$SUFFIX-notification-client-secret
COMMON=(KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT MEETING_LINK_SERVICE_URL=http://127.0.0.1:$LINK_PORT
  JWT_PUBLIC_KEY_LOCATION=http://127.0.0.1:$BOOKING_PORT/api/auth/jwks JITSI_BASE_URL=https://meet.jit.si
  QUARKUS_HTTP_HOST=127.0.0.1)
start_service() { # module port env...
  local module=$1 port=$2; shift 2
  (cd "$ROOT/$module/target/quarkus-app" && exec env "${COMMON[@]}" "$@" QUARKUS_HTTP_PORT="$port" \
    "$JAVA_BIN" "${SERVICE_JAVA_OPTS[@]}" ${EXTRA_JAVA_OPTS:-} $(jfr_option "$module") -jar quarkus-run.jar >"$WORK/$module.log" 2>&1) &
  PIDS+=($!)
  printf -v "PID_${module//-/_}" %s "$!"
}
ADMIN_PASSWORD=load-$SUFFIX-password
start_service meeting-link-service "$LINK_PORT"
start_service booking-service "$BOOKING_PORT" \
  BOOKING_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$BOOKING_DB BOOKING_DB_USER=$PGUSER BOOKING_DB_PASSWORD="${PGPASSWORD:-}" \
  JWT_SIGN_KEY_LOCATION="$WORK/jwt.pem" JWT_SIGN_KEY_ID=load-1 ADMIN_SEED_EMAIL=therapist@practice.example \
  ADMIN_SEED_PASSWORD=$ADMIN_PASSWORD ADMIN_SEED_FIRST_NAME=Dana ADMIN_SEED_LAST_NAME=Smith \
  ADMIN_SEED_TIME_ZONE=Europe/Berlin PAYMENT_WEBHOOK_SECRET=load-$SUFFIX-secret \
  JOIN_LINK_BASE_URL=http://127.0.0.1:$BOOKING_PORT NOTIFICATION_SERVICE_URL=http://127.0.0.1:$NOTIFICATION_PORT \
  NOTIFICATION_CLIENT_SECRET_SHA256="$(printf %s "$CLIENT_SECRET" | sha256sum | cut -d' ' -f1)"
wait_ready "$LINK_PORT" meeting-link-service "$WORK/meeting-link-service.log"
wait_ready "$BOOKING_PORT" booking-service "$WORK/booking-service.log"

API=http://127.0.0.1:$BOOKING_PORT
post() { curl -fsS -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2" "$API$1"; }
ADMIN=$(post /api/auth/login "{\"email\":\"therapist@practice.example\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r .access_token)

# slots at distinct hours from 3 days ahead, so no client's two bookings overlap
HOUR=72
slots() { # count capacity file
  local i start end
  for i in $(seq 1 "$1"); do
    start=$(date -u -d "+$HOUR hours" +%Y-%m-%dT%H:00:00Z) end=$(date -u -d "+$((HOUR + 1)) hours" +%Y-%m-%dT%H:00:00Z)
    HOUR=$((HOUR + 1))
    post /api/admin/schedules "{\"starts_at\":\"$start\",\"ends_at\":\"$end\",\"capacity\":$2,\"amount\":\"100.00\",\"currency\":\"EUR\"}" "$ADMIN" | jq -r .id
  done >"$3"
}
clients() { # count prefix file: registers clients (4 at a time), one access token per line
  seq 1 "$1" | xargs -P 4 -I{} curl -fsS -H 'Content-Type: application/json' -d \
    "{\"first_name\":\"Zoë\",\"last_name\":\"O'Brien-$2-{}\",\"email\":\"$2-{}-$SUFFIX@example.org\",\"password\":\"correct horse battery\",\"time_zone\":\"Europe/Berlin\"}" \
    "$API/api/auth/register" | jq -r .access_token >"$3"
}
echo "creating data through the API"
slots "$LIST_SLOTS" "$LIST_CLIENTS" "$WORK/list-slots"
slots "$WARM_SLOTS" 100 "$WORK/warm-slots"
slots "$LOAD_SLOTS" 100 "$WORK/load-slots"
slots "$SUSTAINED_SLOTS" 100 "$WORK/sustained-slots"
clients "$LIST_CLIENTS" list "$WORK/list-tokens"
clients "$LOAD_CLIENTS" load "$WORK/load-tokens"
# the listing clients book every list slot: 50 bookings each
while read -r token; do
  while read -r slot; do echo "$token $slot"; done <"$WORK/list-slots"
done <"$WORK/list-tokens" | xargs -P 8 -n 2 sh -c \
  'curl -fsS -o /dev/null -H "Content-Type: application/json" -H "Authorization: Bearer $0" -d "{\"schedule_id\":$1}" '"$API/api/bookings"

LUA="$ROOT/deploy/local/bench/bookings.lua"
bare() { wrk_row "bare GET /api/auth/jwks, -c$1" "$(wrk -t2 -c"$1" -d"${SECONDS_PER_RUN}s" --latency "$API/api/auth/jwks")"; }
bookings() { psql -At -d "$BOOKING_DB" -c "select count(*) from booking"; }
# CPU time (user + system, ms) used so far by each process measured, and by the whole machine
cpu_snapshot() {
  local kafka_pids="$PID_kafka $(pgrep -P "$PID_kafka" || true)" # the broker runs in a JVM its launcher started
  echo "booking_service $(cpu_ms "$PID_booking_service")"
  echo "meeting_link_service $(cpu_ms "$PID_meeting_link_service")"
  echo "notification_service $(cpu_ms ${PID_notification_service:-})"
  echo "kafka $(cpu_ms $kafka_pids)"
  echo "postgres $(cpu_ms $(pgrep -u postgres postgres || true))"
  echo "machine $(awk '/^cpu / { print int(($2 + $3 + $4 + $7 + $8) * 1000 / '"$(getconf CLK_TCK)"') }' /proc/stat)"
}
cpu_report() { # label before-file count: CPU ms per request of each process since the snapshot
  cpu_snapshot >"$WORK/cpu-after"
  echo "$1, CPU ms per request: $(paste "$2" "$WORK/cpu-after" | awk -v n="$3" '{ printf "%s %.2f, ", $1, ($4 - $2) / n }' | sed 's/, $//')"
}

# warm-up: class loading and JIT on both paths, not measured
wrk -t2 -c16 -d5s "$API/api/auth/jwks" >/dev/null
wrk -t2 -c16 -d5s -s "$LUA" "$API" -- post "$WORK/load-tokens" "$WORK/warm-slots" 2 >/dev/null
wrk -t2 -c16 -d5s -s "$LUA" "$API" -- get "$WORK/list-tokens" 2 >/dev/null

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; wrk -t2 -d${SECONDS_PER_RUN}s --latency"
echo "| run | req/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|"
bare 16
before=$(bookings)
cpu_snapshot >"$WORK/cpu-before"
wrk_row "POST /api/bookings, -c16 over $LOAD_SLOTS slots" \
  "$(wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency -s "$LUA" "$API" -- post "$WORK/load-tokens" "$WORK/load-slots" 2)"
booked=$(( $(bookings) - before ))
cpu_report "POST run" "$WORK/cpu-before" "$booked" >"$WORK/cpu-post"
bare 16
echo "bookings made by the POST run: $booked"
cat "$WORK/cpu-post"

# notification-service drains the backlog: two meeting-info emails per booking (client and host)
expected=$(( 2 * $(bookings) ))
started=$(date +%s%N)
start_service notification-service "$NOTIFICATION_PORT" \
  NOTIFICATION_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$NOTIFICATION_DB NOTIFICATION_DB_USER=$PGUSER \
  NOTIFICATION_DB_PASSWORD="${PGPASSWORD:-}" SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT \
  MAIL_FROM="Therapy Practice <no-reply@practice.example>" BOOKING_SERVICE_URL=$API \
  NOTIFICATION_CLIENT_SECRET=$CLIENT_SECRET NOTIFICATIONS_ASSET_BASE_URL=$API NOTIFICATIONS_MANAGE_LINK=booking-page
wait_ready "$NOTIFICATION_PORT" notification-service "$WORK/notification-service.log"
sent_query="select count(*) from notification where kind = 'meeting_info' and status = 'sent'"
for _ in $(seq 1 600); do
  (( $(psql -At -d "$NOTIFICATION_DB" -c "$sent_query") >= expected )) && break; sleep 1
done
drained=$(( ($(date +%s%N) - started) / 1000000 ))
sent=$(psql -At -d "$NOTIFICATION_DB" -c "$sent_query")
echo "backlog: $sent of $expected meeting-info emails sent $drained ms after notification-service was launched (start-up included)"

echo "| run | req/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|"
bare 64
cpu_snapshot >"$WORK/cpu-before"
out=$(wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -s "$LUA" "$API" -- get "$WORK/list-tokens" 2)
cpu_report "GET run" "$WORK/cpu-before" "$(awk '/requests in/ { print $1 }' <<<"$out")" >"$WORK/cpu-get"
wrk_row "GET /api/bookings, 50 bookings with links, -c64" "$out"
bare 64
cat "$WORK/cpu-get"

# sustained: about 50 bookings/s for 60 s, every service running
first=$(psql -At -d "$BOOKING_DB" -c "select coalesce(max(id), 0) from booking")
out=$(wrk -t1 -c10 -d60s --latency -s "$LUA" "$API" -- post "$WORK/load-tokens" "$WORK/sustained-slots" 1 190)
wrk_row "sustained POST /api/bookings, -t1 -c10, 190 ms pause" "$out"
psql -At -d "$BOOKING_DB" -F' ' -c "select id, (extract(epoch from created_at) * 1000)::bigint from booking where id > $first order by id" \
  >"$WORK/created"
count=$(wc -l <"$WORK/created")
for _ in $(seq 1 120); do
  (( $(psql -At -d "$NOTIFICATION_DB" -c "select count(*) from notification where booking_id > $first and kind = 'meeting_info' and recipient_role = 'client' and status = 'sent'") >= count )) && break
  sleep 1
done
psql -At -d "$NOTIFICATION_DB" -F' ' -c "select booking_id, (extract(epoch from sent_at) * 1000)::bigint from notification
  where booking_id > $first and kind = 'meeting_info' and recipient_role = 'client' and status = 'sent' order by booking_id" >"$WORK/sent"
join "$WORK/created" "$WORK/sent" | awk '{ print $3 - $2 }' | sort -n | awk -v n="$count" '{ v[NR] = $1 } END {
  printf "sustained: %d bookings (%.1f/s), %d meeting-info emails accepted by SMTP; commit -> SMTP (ms): median %d, p90 %d, p99 %d, max %d\n",
    n, n / 60, NR, v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.999)], v[int(NR * 0.99 + 0.999)], v[NR] }'

total_rows=$(psql -At -d "$NOTIFICATION_DB" -c "select count(*) from notification where status = 'sent'")
read -r smtp distinct < <(smtp_counts)
dups=$(psql -At -d "$NOTIFICATION_DB" -c "select count(*) from (select 1 from notification where booking_id is not null
  group by booking_id, kind, recipient_role, reminder_offset having count(*) > 1) d")
echo "emails: $total_rows sent per notification-service's database, $smtp received by the SMTP server ($distinct distinct Message-IDs); duplicate rows: $dups"
for s in meeting_link_service booking_service notification_service; do
  pid_var=PID_$s
  memory_report "$s" "${!pid_var}"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
