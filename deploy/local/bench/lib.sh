# Helpers shared by the measuring scripts (sourced; the caller sets ROOT to the checkout). PIDS holds the processes a
# script started; stop_started stops them by pid: TERM, up to 10 s, then KILL.
PIDS=()

# The services' JVM options, as deploy/local/run.sh starts them: a small initial heap that grows as needed and gives
# memory back after collections (on a large machine the default initial heap is the whole -Xmx, all of it resident),
# and two malloc arenas instead of 8 per core (docs/performance.md "Memory").
SERVICE_JAVA_OPTS=(-Xmx256m -Xms32m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30)
export MALLOC_ARENA_MAX=2

stop_started() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}

# A free loopback port in 20000-39999.
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

# start_kafka <work dir>: a KRaft broker with the booking topics on a free port (KAFKA_PORT), its pid in PIDS.
start_kafka() {
  KAFKA_PORT=$(free_port)
  java -cp "$ROOT/deploy/local-stack/target/classes:$ROOT/deploy/kafka-broker/target/kafka-lib/*" \
    org.therapybooking.localstack.LocalKafka "$KAFKA_PORT" "$1/kafka" booking.events:3 booking.events.dlq:1 account.events:3 account.events.dlq:1 \
    >"$1/kafka.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do grep -q "Kafka broker ready" "$1/kafka.log" && return; sleep 1; done
  echo "Kafka did not start" >&2; cat "$1/kafka.log" >&2; exit 1
}
