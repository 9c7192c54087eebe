#!/usr/bin/env bash
# Starts the whole system on this machine: PostgreSQL (if stopped), a real Kafka broker (KRaft), a mail sink
# with a web page, and the three services as packaged jars. Ctrl-C stops everything it started.
#
# The services run on JDK 25 with an AOT cache (JEP 483/514/515) when a JDK 25 is found (deploy/local/aot/jdk.sh;
# as root on Debian 13 / Ubuntu 24.04+ it is installed with apt): the jars are built in Quarkus' aot-jar layout, and
# each service gets a training run (deploy/local/aot/train.sh) whenever its jars changed since the cache was written.
# A build rewrites the jars, so the first start after it trains (about the time of one more start, the three side
# by side); SKIP_BUILD=1 restarts the last build with its caches. Without JDK 25 the services run on the default
# java (JDK 17) without a cache, as before; USE_AOT=0 forces that.
# Figures: docs/performance.md#start-up-jdk-25-aot-cache.
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

JAVA_BIN=java
AOT=0
if [[ ${USE_AOT:-1} == 1 ]]; then
  source "$ROOT/deploy/local/aot/jdk.sh"
  if JDK25_HOME=$(INSTALL_JDK25=${INSTALL_JDK25:-1} find_jdk25); then
    JAVA_BIN="$JDK25_HOME/bin/java"
    AOT=1
    log "JDK 25 found ($JDK25_HOME): the services start with an AOT cache"
  else
    log "no JDK 25 found (set JAVA25_HOME, or install e.g. Temurin 25): starting on $(java -version 2>&1 | head -n1) without the AOT cache"
  fi
fi

if [[ ${SKIP_BUILD:-0} == 1 ]]; then
  log "SKIP_BUILD=1: starting the last build (and its AOT caches, if still valid)"
elif ((AOT)); then
  log "building (tests skipped; the test command is deploy/local/test.sh)"
  # same build on the default JDK, only the layout differs: every jar on the class path, so the AOT cache holds them
  (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true -Dquarkus.package.jar.type=aot-jar package)
else
  log "building (tests skipped; the test command is deploy/local/test.sh)"
  (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package)
fi

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
# notification-service's client secret for booking-service's token endpoint (service tokens for meeting-link-service):
# a new one at every start; booking-service gets only its SHA-256
head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$STATE/notification-client-secret"
chmod 600 "$STATE/notification-client-secret"

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
  org.therapybooking.localstack.LocalKafka "$KAFKA_PORT" "$STATE/kafka" booking.events:3 booking.events.dlq:1 account.events:3 account.events.dlq:1 \
  >"$STATE/logs/kafka.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 90); do grep -q "Kafka broker ready" "$STATE/logs/kafka.log" && break; sleep 1; done
grep -q "Kafka broker ready" "$STATE/logs/kafka.log" || { echo "Kafka did not start; see $STATE/logs/kafka.log" >&2; exit 1; }

export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
export MEETING_LINK_SERVICE_URL="http://127.0.0.1:$MEETING_LINK_PORT"
# the verifiers (notification-service's admin API, meeting-link-service's callers) read booking-service's JWKS, as in
# Kubernetes (key rotation without restart)
export JWT_PUBLIC_KEY_LOCATION="http://127.0.0.1:$BOOKING_PORT/api/auth/jwks"
export JITSI_BASE_URL="${JITSI_BASE_URL:-https://meet.jit.si}"
source "$ROOT/deploy/local/jvm-options.sh"
JAVA_OPTS=("${SERVICE_JAVA_OPTS[@]}")
((AOT)) && JAVA_OPTS+=(-XX:AOTCache=app.aot -XX:TieredStopAtLevel=1)

# A service's AOT cache is valid for the JDK and the exact jars it was trained with (the JVM ignores a stale one with
# a warning): train again when a jar is newer than the cache or the JDK changed.
train_if_needed() { # module port env...
  local module=$1 port=$2; shift 2
  local app="$ROOT/$module/target/quarkus-app" jdk
  jdk=$("$JAVA_BIN" -version 2>&1 | tr '\n' ' ')
  if [[ -s $app/app.aot && $(cat "$app/app.aot.jdk" 2>/dev/null) == "$jdk" ]] \
      && [[ -z $(find "$app" -name '*.jar' -newer "$app/app.aot" -print -quit) ]]; then
    return 0
  fi
  log "training the AOT cache of $module (once per build)"
  "$ROOT/deploy/local/aot/train.sh" "$module" "$app" "$JAVA_BIN" "$port" "$@"
  echo "$jdk" >"$app/app.aot.jdk"
}

start_service() { # module port env...
  local module=$1 port=$2; shift 2
  # from the app directory, as in the training run, so the class path matches the cache's
  (cd "$ROOT/$module/target/quarkus-app" && exec env "$@" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    "$JAVA_BIN" "${JAVA_OPTS[@]}" -jar quarkus-run.jar) >"$STATE/logs/$module.log" 2>&1 &
  PIDS+=($!)
}

MEETING_LINK_ENV=()
BOOKING_ENV=(
  BOOKING_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/booking" BOOKING_DB_USER="$PGUSER" BOOKING_DB_PASSWORD="${PGPASSWORD:-}"
  JWT_SIGN_KEY_LOCATION="$STATE/jwt/private.pem" JWT_SIGN_KEY_ID=local-1
  ADMIN_SEED_EMAIL="${ADMIN_SEED_EMAIL:-therapist@practice.example}" ADMIN_SEED_PASSWORD="$(cat "$STATE/admin-password")"
  ADMIN_SEED_FIRST_NAME=Dana ADMIN_SEED_LAST_NAME=Smith ADMIN_SEED_TIME_ZONE="${ADMIN_SEED_TIME_ZONE:-Europe/Berlin}"
  PAYMENT_WEBHOOK_SECRET="$(cat "$STATE/webhook-secret")" JOIN_LINK_BASE_URL="http://127.0.0.1:$BOOKING_PORT"
  NOTIFICATION_CLIENT_SECRET_SHA256="$(sha256sum "$STATE/notification-client-secret" | cut -d' ' -f1)"
  NOTIFICATION_SERVICE_URL="http://127.0.0.1:$NOTIFICATION_PORT")
NOTIFICATION_ENV=(
  NOTIFICATION_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/notification" NOTIFICATION_DB_USER="$PGUSER"
  NOTIFICATION_DB_PASSWORD="${PGPASSWORD:-}" SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT"
  MAIL_FROM="Therapy Practice <no-reply@practice.example>"
  BOOKING_SERVICE_URL="http://127.0.0.1:$BOOKING_PORT" NOTIFICATION_CLIENT_SECRET="$(cat "$STATE/notification-client-secret")"
  # no front end here: the emails' logo and "your booking page" come from booking-service (/static, /j/<token>/booking)
  NOTIFICATIONS_ASSET_BASE_URL="http://127.0.0.1:$BOOKING_PORT" NOTIFICATIONS_MANAGE_LINK=booking-page)

if ((AOT)); then
  # the three training runs side by side, on the services' own ports (free until the real start below)
  TRAINING=()
  train_if_needed meeting-link-service "$MEETING_LINK_PORT" "${MEETING_LINK_ENV[@]}" & TRAINING+=($!)
  train_if_needed booking-service "$BOOKING_PORT" "${BOOKING_ENV[@]}" & TRAINING+=($!)
  train_if_needed notification-service "$NOTIFICATION_PORT" "${NOTIFICATION_ENV[@]}" & TRAINING+=($!)
  PIDS+=("${TRAINING[@]}")
  for pid in "${TRAINING[@]}"; do wait "$pid" || { echo "AOT training failed; see */target/quarkus-app/aot-training.log" >&2; exit 1; }; done
  PIDS=("${PIDS[@]:0:${#PIDS[@]}-3}")
fi

log "services"
start_service meeting-link-service "$MEETING_LINK_PORT" "${MEETING_LINK_ENV[@]}"
start_service booking-service "$BOOKING_PORT" "${BOOKING_ENV[@]}"
start_service notification-service "$NOTIFICATION_PORT" "${NOTIFICATION_ENV[@]}"

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
  Kafka                 127.0.0.1:$KAFKA_PORT (topics booking.events, account.events and their .dlq)
  Logs                  deploy/local/.state/logs/

  Therapist (admin) login:
    curl -s -X POST http://127.0.0.1:$BOOKING_PORT/api/auth/login -H 'Content-Type: application/json' \\
      -d '{"email":"${ADMIN_SEED_EMAIL:-therapist@practice.example}","password":"$(cat "$STATE/admin-password")"}'
  (the password is kept in deploy/local/.state/admin-password)

INFO

wait -n "${PIDS[@]}" || true
log "a process exited on its own; see $STATE/logs"
exit 1
