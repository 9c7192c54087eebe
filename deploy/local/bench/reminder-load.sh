#!/usr/bin/env bash
# Reminders due at one instant, sent by several notification-service replicas on one database (issue 13's table).
#
#   deploy/local/bench/reminder-load.sh [reminders (default 10000)] [replicas (default 2)]
#
# Needs: a build of the checkout (./mvnw install -DskipTests: notification-service under target/quarkus-app,
# deploy/local-stack and deploy/kafka-broker), PostgreSQL on 127.0.0.1:5432 (PGHOST/PGPORT/PGUSER; a scratch database
# reminder_load_<random>, dropped at the end), curl. Starts a KRaft broker, a real SMTP server that keeps nothing (SmtpSink)
# and <replicas> notification-service replicas (JDK 17 unless JAVA_BIN is set, the JVM options of run.sh (lib.sh), prod profile,
# dispatch defaults) on free loopback ports. Once all are ready and warm (WARMUP reminders, default 4000, sent and
# deleted first) it writes, as booking events would have planned them,
# <reminders> reminder rows (half to clients, half to hosts, each booking's join links set, so no meeting-link call)
# all due 15 s later, then waits for every row to be sent. Prints: the time from the due instant to the last SMTP
# acceptance, the per-reminder delay (sent_at - due_at) percentiles, and duplicates counted
# twice: rows in the database and distinct Message-IDs among the messages the SMTP server received; each replica's RSS
# and CPU time.
# Every process started here is stopped by its pid at the end. EXTRA_JAVA_OPTS is added to the replicas' JVM options
# (with -XX:NativeMemoryTracking=summary the script also prints where each replica's memory went).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
REMINDERS=${1:-10000} REPLICAS=${2:-2}
BOOKINGS=$(( (REMINDERS + 1) / 2 ))
JAVA_BIN=${JAVA_BIN:-java}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
for tool in curl psql; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
[[ -f $ROOT/notification-service/target/quarkus-app/quarkus-run.jar ]] || { echo "build first: ./mvnw install -DskipTests" >&2; exit 1; }

source "$ROOT/deploy/local/bench/lib.sh"
begin_run reminder-load
DB=reminder_load_$SUFFIX
SCRATCH_DBS=("$DB")

psql -q -d postgres -c "CREATE DATABASE $DB"
start_kafka "$WORK"
start_smtp_sink

PORTS=()
for r in $(seq 1 "$REPLICAS"); do
  port=$(free_port); PORTS+=("$port")
  (cd "$ROOT/notification-service/target/quarkus-app" && exec env KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$port JWT_PUBLIC_KEY_LOCATION=http://127.0.0.1:9/jwks \
    NOTIFICATION_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB NOTIFICATION_DB_USER=$PGUSER \
    NOTIFICATION_DB_PASSWORD="${PGPASSWORD:-}" SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT \
    MAIL_FROM="Therapy Practice <no-reply@practice.example>" BOOKING_SERVICE_URL=http://127.0.0.1:9 \
    NOTIFICATION_CLIENT_SECRET=unused-here MEETING_LINK_SERVICE_URL=http://127.0.0.1:9 \
    NOTIFICATIONS_ASSET_BASE_URL=http://127.0.0.1:9 NOTIFICATIONS_MANAGE_LINK=booking-page \
    "$JAVA_BIN" "${SERVICE_JAVA_OPTS[@]}" ${EXTRA_JAVA_OPTS:-} -jar quarkus-run.jar >"$WORK/replica-$r.log" 2>&1) &
  PIDS+=($!)
done
for r in $(seq 1 "$REPLICAS"); do
  wait_ready "${PORTS[$((r - 1))]}" "notification-service replica $r" "$WORK/replica-$r.log"
done

# the rows booking events would have planned: bookings an hour after DUE, reminders (1 h) all due at DUE; booking ids
# from FIRST on
plan() { # first-booking-id reminders due
  psql -q -d "$DB" <<SQL
INSERT INTO booking (booking_id, status, scheduled_at, duration_minutes, jitsi_room_id, jitsi_room_url, sequence,
    payment_status, notifications_planned, client_user_id, client_first_name, client_last_name, client_email,
    client_time_zone, host_user_id, host_first_name, host_last_name, host_email, host_time_zone, updated_at,
    client_join_url, host_join_url)
SELECT g, 'scheduled', TIMESTAMPTZ '$3' + interval '1 hour', 50, 'booking-' || g || '-load',
    'https://meet.jit.si/booking-' || g || '-load', 0, 'succeeded', true,
    100000 + g, 'Zoë', 'O''Brien ' || g, 'client.' || g || '@example.org', 'Europe/Berlin',
    1, 'Dana', 'Smith', 'dr.smith@practice.example.org', 'America/New_York', now(),
    'http://127.0.0.1:9/j/client-' || g, 'http://127.0.0.1:9/j/host-' || g
FROM generate_series($1, $1 + ($2 + 1) / 2 - 1) g;
INSERT INTO notification (booking_id, recipient_role, recipient_email, kind, reminder_offset, sequence, due_at, status,
    attempts, next_attempt_at, created_at, updated_at)
SELECT $1 + (g - 1) / 2, CASE WHEN g % 2 = 1 THEN 'client' ELSE 'host' END,
    CASE WHEN g % 2 = 1 THEN 'client.' || ($1 + (g - 1) / 2) || '@example.org' ELSE 'dr.smith@practice.example.org' END,
    'reminder', 'PT1H', 0, TIMESTAMPTZ '$3', 'pending', 0, TIMESTAMPTZ '$3', now(), now()
FROM generate_series(1, $2) g;
ANALYZE booking; ANALYZE notification;
SQL
}
sent_query="select count(*) from notification where status = 'sent'"
wait_sent() { # count
  for _ in $(seq 1 300); do
    (( $(psql -At -d "$DB" -c "$sent_query") >= $1 )) && return; sleep 1
  done
}
# warm-up: the replicas' first thousands of emails pay for class loading and JIT compilation; a running replica has
# paid for them long before its reminders come due
WARMUP=${WARMUP:-4000}
if ((WARMUP > 0)); then
  plan 1000000 "$WARMUP" "$(date -u +%Y-%m-%dT%H:%M:%S.000Z)"
  wait_sent "$WARMUP"
  psql -q -d "$DB" -c "DELETE FROM notification" -c "DELETE FROM booking"
  echo "warm-up: $WARMUP reminders sent"
fi
CPU_BEFORE=()
for r in $(seq 1 "$REPLICAS"); do CPU_BEFORE+=("$(cpu_ms "${PIDS[$((1 + r))]}")"); done
DUE=$(date -u -d '+15 seconds' +%Y-%m-%dT%H:%M:%S.000Z)
plan 1 "$REMINDERS" "$DUE"
echo "$REMINDERS reminders due at $DUE, $REPLICAS replicas; waiting"
wait_sent "$REMINDERS"
psql -At -d "$DB" -c "select (extract(epoch from (sent_at - due_at)) * 1000)::bigint from notification where status = 'sent'" \
  | sort -n | awk -v n="$REMINDERS" '{ v[NR] = $1 } END {
    printf "sent %d of %d; due -> accepted by SMTP (ms): median %d, p90 %d, p99 %d, last %d\n", NR, n,
      v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.999)], v[int(NR * 0.99 + 0.999)], v[NR] }'
psql -At -d "$DB" -c "select status, count(*) from notification group by status order by status" | tr '\n' ' '; echo
read -r received distinct < <(smtp_counts)
echo "SMTP server (warm-up included): $received messages received, $distinct distinct Message-IDs (duplicates: $((received - distinct)))"
for r in $(seq 1 "$REPLICAS"); do
  pid=${PIDS[$((1 + r))]}
  echo "replica $r: CPU for the measured reminders $(awk -v a="${CPU_BEFORE[$((r - 1))]}" -v b="$(cpu_ms "$pid")" 'BEGIN { printf "%.1f s", (b - a) / 1000 }')"
  memory_report "replica $r" "$pid"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
