#!/usr/bin/env bash
# Starts the whole system on this machine: PostgreSQL (if stopped), a real Kafka broker (KRaft), a mail sink
# with a web page, and the three services as packaged jars. Ctrl-C stops everything it started.
#
# Ports (override with the variables): booking 8080, meeting-link 8081, notification 8082, Kafka 9092,
# SMTP 1025, mail web page 1080. State (keys, broker data, logs) lives in deploy/local/.state.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="$ROOT/deploy/local/.state"
BOOKING_PORT="${BOOKING_PORT:-8080}"
MEETING_LINK_PORT="${MEETING_LINK_PORT:-8081}"
NOTIFICATION_PORT="${NOTIFICATION_PORT:-8082}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
SMTP_PORT="${SMTP_PORT:-1025}"
MAIL_WEB_PORT="${MAIL_WEB_PORT:-1080}"
MAILDEV_VERSION=2.2.1
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER

mkdir -p "$STATE/logs"
PIDS=()

log() { printf '\033[1m[run]\033[0m %s\n' "$*"; }

stop_all() {
  trap - INT TERM EXIT
  if ((${#PIDS[@]})); then
    log "stopping ${#PIDS[@]} processes"
    kill "${PIDS[@]}" 2>/dev/null || true
    for _ in $(seq 1 50); do
      local alive=0
      for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
      ((alive)) || break
      sleep 0.2
    done
    kill -9 "${PIDS[@]}" 2>/dev/null || true
  fi
  log "stopped"
}
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
require_free_port() {
  port_free "$1" || { echo "port $1 ($2) is already in use; stop that process or set $3" >&2; exit 1; }
}

wait_for_url() { # url name timeout_s
  local deadline=$((SECONDS + $3))
  until curl -fsS "$1" >/dev/null 2>&1; do
    if ((SECONDS > deadline)); then echo "$2 did not become ready; see $STATE/logs" >&2; exit 1; fi
    sleep 1
  done
}

for spec in "$BOOKING_PORT booking-service BOOKING_PORT" "$MEETING_LINK_PORT meeting-link-service MEETING_LINK_PORT" \
            "$NOTIFICATION_PORT notification-service NOTIFICATION_PORT" "$KAFKA_PORT Kafka KAFKA_PORT" \
            "$SMTP_PORT SMTP SMTP_PORT" "$MAIL_WEB_PORT mail-web MAIL_WEB_PORT"; do
  require_free_port $spec
done

log "PostgreSQL"
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  if [[ -d /etc/postgresql ]]; then
    log "starting the local PostgreSQL cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
  pg_isready -h "$PGHOST" -p "$PGPORT" || { echo "PostgreSQL is not reachable at $PGHOST:$PGPORT" >&2; exit 1; }
fi
for db in booking notification; do
  psql -qtA -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
    || psql -q -d postgres -c "CREATE DATABASE $db"
done

log "building (tests skipped; the test command is deploy/local/test.sh)"
(cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package)

log "JWT signing key"
if [[ ! -f "$STATE/jwt/private.pem" ]]; then
  mkdir -p "$STATE/jwt"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$STATE/jwt/private.pem" 2>/dev/null
  chmod 600 "$STATE/jwt/private.pem"
fi
if [[ ! -f "$STATE/admin-password" ]]; then
  head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$STATE/admin-password"
  chmod 600 "$STATE/admin-password"
fi
if [[ ! -f "$STATE/webhook-secret" ]]; then
  head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$STATE/webhook-secret"
fi

log "mail sink (MailDev $MAILDEV_VERSION)"
if [[ ! -x "$STATE/maildev/node_modules/.bin/maildev" ]]; then
  npm install --silent --no-audit --no-fund --prefix "$STATE/maildev" "maildev@$MAILDEV_VERSION" >/dev/null
fi
"$STATE/maildev/node_modules/.bin/maildev" --ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$MAIL_WEB_PORT" \
  --web-ip 127.0.0.1 >"$STATE/logs/maildev.log" 2>&1 &
PIDS+=($!)

log "Kafka broker (KRaft) on 127.0.0.1:$KAFKA_PORT"
rm -rf "$STATE/kafka"
java -cp "$ROOT/deploy/local-stack/target/classes:$ROOT/deploy/kafka-broker/target/kafka-lib/*" \
  org.therapybooking.localstack.LocalKafka "$KAFKA_PORT" "$STATE/kafka" booking.events:3 booking.events.dlq:1 \
  >"$STATE/logs/kafka.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 90); do grep -q "Kafka broker ready" "$STATE/logs/kafka.log" && break; sleep 1; done
grep -q "Kafka broker ready" "$STATE/logs/kafka.log" || { echo "Kafka did not start; see $STATE/logs/kafka.log" >&2; exit 1; }

export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
export MEETING_LINK_SERVICE_URL="http://127.0.0.1:$MEETING_LINK_PORT"
# both verifiers read booking-service's JWKS, as in Kubernetes (key rotation without restart)
export JWT_PUBLIC_KEY_LOCATION="http://127.0.0.1:$BOOKING_PORT/api/auth/jwks"
export JITSI_BASE_URL="${JITSI_BASE_URL:-https://meet.jit.si}"
JAVA_OPTS=(-Xmx256m -XX:+UseSerialGC)

start_service() { # module port env...
  local module=$1 port=$2; shift 2
  env "$@" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" java "${JAVA_OPTS[@]}" -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" \
    >"$STATE/logs/$module.log" 2>&1 &
  PIDS+=($!)
}

log "services"
start_service meeting-link-service "$MEETING_LINK_PORT"
start_service booking-service "$BOOKING_PORT" \
  BOOKING_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/booking" BOOKING_DB_USER="$PGUSER" BOOKING_DB_PASSWORD="${PGPASSWORD:-}" \
  JWT_SIGN_KEY_LOCATION="$STATE/jwt/private.pem" JWT_SIGN_KEY_ID=local-1 \
  ADMIN_SEED_EMAIL="${ADMIN_SEED_EMAIL:-therapist@practice.example}" ADMIN_SEED_PASSWORD="$(cat "$STATE/admin-password")" \
  ADMIN_SEED_FIRST_NAME=Dana ADMIN_SEED_LAST_NAME=Smith ADMIN_SEED_TIME_ZONE="${ADMIN_SEED_TIME_ZONE:-Europe/Berlin}" \
  PAYMENT_WEBHOOK_SECRET="$(cat "$STATE/webhook-secret")"
start_service notification-service "$NOTIFICATION_PORT" \
  NOTIFICATION_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/notification" NOTIFICATION_DB_USER="$PGUSER" \
  NOTIFICATION_DB_PASSWORD="${PGPASSWORD:-}" SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" \
  MAIL_FROM="Therapy Practice <no-reply@practice.example>"

for spec in "$MEETING_LINK_PORT meeting-link-service" "$BOOKING_PORT booking-service" "$NOTIFICATION_PORT notification-service"; do
  set -- $spec
  wait_for_url "http://127.0.0.1:$1/q/health/ready" "$2" 120
done
wait_for_url "http://127.0.0.1:$MAIL_WEB_PORT/" "mail sink" 60

cat <<INFO

  All services are UP. Ctrl-C stops everything.

  booking-service       http://127.0.0.1:$BOOKING_PORT      Swagger UI: http://127.0.0.1:$BOOKING_PORT/q/swagger-ui
  meeting-link-service  http://127.0.0.1:$MEETING_LINK_PORT      Swagger UI: http://127.0.0.1:$MEETING_LINK_PORT/q/swagger-ui
  notification-service  http://127.0.0.1:$NOTIFICATION_PORT      Swagger UI: http://127.0.0.1:$NOTIFICATION_PORT/q/swagger-ui
  Health                http://127.0.0.1:<port>/q/health   Metrics: /q/metrics
  Mail sink (web page)  http://127.0.0.1:$MAIL_WEB_PORT
  Kafka                 127.0.0.1:$KAFKA_PORT (topics booking.events, booking.events.dlq)
  Logs                  deploy/local/.state/logs/

  Therapist (admin) login:
    curl -s -X POST http://127.0.0.1:$BOOKING_PORT/api/auth/login -H 'Content-Type: application/json' \\
      -d '{"email":"${ADMIN_SEED_EMAIL:-therapist@practice.example}","password":"$(cat "$STATE/admin-password")"}'
  (the password is kept in deploy/local/.state/admin-password)

INFO

wait -n "${PIDS[@]}" || true
log "a process exited on its own; see $STATE/logs"
exit 1
