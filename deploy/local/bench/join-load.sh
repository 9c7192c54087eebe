#!/usr/bin/env bash
# Load figure for join links: GET /j/{token} answering 302 (a link in its window) side by side with a bare endpoint
# of the same booking-service (GET /api/auth/jwks: no database, no remote call), same run, same JVM.
#
#   deploy/local/bench/join-load.sh [seconds per run (default 20)] [connections (default 16)]
#
# Needs: a build of the checkout (./mvnw package -DskipTests: booking-service and meeting-link-service under
# target/quarkus-app, deploy/local-stack and deploy/kafka-broker), PostgreSQL on 127.0.0.1:5432 (PGHOST/PGPORT/PGUSER;
# a scratch database join_load_<random>, dropped at the end), curl, jq-free shell, wrk. Starts a KRaft broker,
# meeting-link-service and booking-service on free loopback ports (JDK 17, the JVM options of run.sh, prod profile as run.sh
# configures them), creates a slot starting in 10 minutes, a client and a booking through the public API, then runs
# wrk: bare endpoint, join link, the link's booking page (the same lookups, no call to meeting-link-service),
# bare endpoint again. Every process started here is stopped by its pid at the end.
#
# JFR_DIR=<dir> also records both services with Java Flight Recorder (profile settings) into <dir>/*.jfr.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
SECONDS_PER_RUN=${1:-20} CONNECTIONS=${2:-16}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
command -v wrk >/dev/null || { echo "wrk is needed" >&2; exit 1; }
for s in booking-service meeting-link-service; do
  [[ -f $ROOT/$s/target/quarkus-app/quarkus-run.jar ]] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
done

source "$ROOT/deploy/local/bench/lib.sh"
begin_run join-load
DB=join_load_$SUFFIX
SCRATCH_DBS=("$DB")

json() { # field: first string or number value of it in stdin
  sed -n "s/.*\"$1\" *: *\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" | head -n1
}

psql -q -d postgres -c "CREATE DATABASE $DB"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
start_kafka "$WORK"
BOOKING_PORT=$(free_port) LINK_PORT=$(free_port)

COMMON=(KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT MEETING_LINK_SERVICE_URL=http://127.0.0.1:$LINK_PORT
  JWT_PUBLIC_KEY_LOCATION=http://127.0.0.1:$BOOKING_PORT/api/auth/jwks JITSI_BASE_URL=https://meet.jit.si
  QUARKUS_HTTP_HOST=127.0.0.1)
(cd "$ROOT/meeting-link-service/target/quarkus-app" && exec env "${COMMON[@]}" QUARKUS_HTTP_PORT=$LINK_PORT \
  java "${SERVICE_JAVA_OPTS[@]}" $(jfr_option meeting-link-service) -jar quarkus-run.jar >"$WORK/meeting-link.log" 2>&1) &
PIDS+=($!)
ADMIN_PASSWORD=load-$SUFFIX-password
(cd "$ROOT/booking-service/target/quarkus-app" && exec env "${COMMON[@]}" QUARKUS_HTTP_PORT=$BOOKING_PORT \
  BOOKING_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB BOOKING_DB_USER=$PGUSER BOOKING_DB_PASSWORD="${PGPASSWORD:-}" \
  JWT_SIGN_KEY_LOCATION="$WORK/jwt.pem" JWT_SIGN_KEY_ID=load-1 ADMIN_SEED_EMAIL=therapist@practice.example \
  ADMIN_SEED_PASSWORD=$ADMIN_PASSWORD ADMIN_SEED_FIRST_NAME=Dana ADMIN_SEED_LAST_NAME=Smith \
  ADMIN_SEED_TIME_ZONE=Europe/Berlin PAYMENT_WEBHOOK_SECRET=load-$SUFFIX-secret \
  JOIN_LINK_BASE_URL=http://127.0.0.1:$BOOKING_PORT java "${SERVICE_JAVA_OPTS[@]}" $(jfr_option booking-service) -jar quarkus-run.jar \
  >"$WORK/booking.log" 2>&1) &
PIDS+=($!)
wait_ready "$LINK_PORT" meeting-link-service "$WORK/meeting-link.log"
wait_ready "$BOOKING_PORT" booking-service "$WORK/booking.log"

API=http://127.0.0.1:$BOOKING_PORT
post() { curl -fsS -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2" "$API$1"; }
ADMIN=$(post /api/auth/login "{\"email\":\"therapist@practice.example\",\"password\":\"$ADMIN_PASSWORD\"}" | json access_token)
START=$(date -u -d '+10 minutes' +%Y-%m-%dT%H:%M:00Z) END=$(date -u -d '+70 minutes' +%Y-%m-%dT%H:%M:00Z)
SLOT=$(post /api/admin/schedules "{\"starts_at\":\"$START\",\"ends_at\":\"$END\",\"capacity\":1,\"amount\":\"100.00\",\"currency\":\"EUR\"}" "$ADMIN" | json id)
post /api/auth/register '{"first_name":"Zoë","last_name":"O'"'"'Brien","email":"zoe@example.org","password":"correct horse battery","time_zone":"Europe/Berlin"}' >/dev/null
CLIENT=$(post /api/auth/login '{"email":"zoe@example.org","password":"correct horse battery"}' | json access_token)
JOIN=$(post /api/bookings "{\"schedule_id\":$SLOT}" "$CLIENT" | json join_url)
status=$(curl -s -o /dev/null -w '%{http_code}' "$JOIN")
[[ $status == 302 ]] || { echo "the join link answered $status, not 302" >&2; exit 1; }
# warm both paths up before measuring
wrk -t2 -c"$CONNECTIONS" -d5s "$API/api/auth/jwks" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "$JOIN" >/dev/null

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency"
for run in "bare GET /api/auth/jwks|$API/api/auth/jwks" "join link GET /j/{token} (302)|$JOIN" \
    "booking page GET /j/{token}/booking (200)|$JOIN/booking" "bare GET /api/auth/jwks|$API/api/auth/jwks"; do
  wrk_row "${run%%|*}" "$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "${run#*|}")"
done
joins=$(psql -At -d "$DB" -c "select client_joined_at is not null from booking")
echo "attendance recorded: $joins"
