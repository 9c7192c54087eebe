# Helpers shared by the measuring scripts (sourced; the caller sets ROOT to the checkout). PIDS holds the processes a
# script started; stop_started stops them by pid: TERM, up to 30 s (a service finishes its graceful shutdown), then KILL.
PIDS=()

# the services' JVM options (SERVICE_JAVA_OPTS), as run.sh starts them; REPLACE_JAVA_OPTS="..." replaces them (e.g. the
# options the Kubernetes pods get, docs/performance.md "Memory with the pods' JVM options")
source "$ROOT/deploy/local/jvm-options.sh"
[[ -z ${REPLACE_JAVA_OPTS:-} ]] || read -ra SERVICE_JAVA_OPTS <<<"$REPLACE_JAVA_OPTS"

stop_started() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
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

# begin_run <name>: a work directory (WORK) and a random SUFFIX; at exit every process in PIDS is stopped, every
# database named in SCRATCH_DBS dropped and WORK removed.
SCRATCH_DBS=()
begin_run() {
  WORK=$(mktemp -d "/tmp/$1.XXXXXX")
  SUFFIX=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
  trap end_run EXIT
  trap 'exit 130' INT TERM
}
end_run() {
  local db
  stop_started
  for db in "${SCRATCH_DBS[@]}"; do psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" || true; done
  rm -rf "$WORK"
}

# wait_ready <port> <name> <log>: until the service's readiness check answers 200 (3 minutes at most).
wait_ready() {
  for _ in $(seq 1 180); do curl -fs -o /dev/null "http://127.0.0.1:$1/q/health/ready" && return; sleep 1; done
  echo "$2 not ready; log:" >&2; tail -30 "$3" >&2; exit 1
}

# start_smtp_sink: a real SMTP server that keeps nothing (smtp-sink/SmtpSink.java says why not MailDev or GreenMail)
# on a free port (SMTP_PORT), its pid in PIDS; it logs "received N distinct M" to $WORK/smtp.log.
start_smtp_sink() {
  local pom="$ROOT/deploy/local/bench/smtp-sink/pom.xml"
  SMTP_PORT=$(free_port)
  "$ROOT/mvnw" -q -B -o -f "$pom" dependency:build-classpath -Dmdep.outputFile="$WORK/smtp.cp" >/dev/null 2>&1 ||
    "$ROOT/mvnw" -q -B -f "$pom" dependency:build-classpath -Dmdep.outputFile="$WORK/smtp.cp" >/dev/null
  java -cp "$(cat "$WORK/smtp.cp")" "$ROOT/deploy/local/bench/smtp-sink/SmtpSink.java" "$SMTP_PORT" >"$WORK/smtp.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 60); do grep -q 'SMTP sink ready' "$WORK/smtp.log" && return; sleep 1; done
  echo "the SMTP sink did not start" >&2; cat "$WORK/smtp.log" >&2; exit 1
}

# jfr_option <name>: with JFR_DIR set, the JVM option that records into $JFR_DIR/<name>.jfr (profile settings).
jfr_option() {
  [[ -n ${JFR_DIR:-} ]] && echo "-XX:StartFlightRecording=filename=$JFR_DIR/$1.jfr,settings=profile" || true
}

# wrk_row <label> <wrk --latency output>: one Markdown row | label | req/s | p50 | p99 | non-2xx |.
wrk_row() {
  local rps p50 p99 other
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$2")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$2") p99=$(awk '$1 == "99%" { print $2 }' <<<"$2")
  other=$(awk '/Non-2xx or 3xx/ { print $5 }' <<<"$2")
  echo "| $1 | $rps | $p50 | $p99 | ${other:-0} |"
}

# cpu_ms <pid>...: user + system CPU time the processes used so far, in ms (a process already gone counts 0).
cpu_ms() {
  local pid ticks=0
  for pid in "$@"; do ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo $((ticks * 1000 / $(getconf CLK_TCK)))
}

# smtp_counts: "<messages received> <distinct Message-IDs>" as the SMTP sink last reported them.
smtp_counts() {
  sleep 1
  grep -o 'received [0-9]* distinct [0-9]*' "$WORK/smtp.log" | tail -1 | awk '{ print $2, $4 }'
}

# rss_mib <pid>: the process's resident set size (VmRSS) in MiB.
rss_mib() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

# memory_report <label> <pid>: the process's RSS; with -XX:NativeMemoryTracking=summary in EXTRA_JAVA_OPTS also where
# the JVM's memory went.
memory_report() {
  echo "RSS $1: $(rss_mib "$2") MiB"
  if [[ ${EXTRA_JAVA_OPTS:-} == *NativeMemoryTracking* ]]; then
    jcmd "$2" VM.native_memory summary scale=MB | grep -E '^-|committed=' \
      | grep -E 'Total|Java Heap|Class|Thread|Code|GC|Compiler|Internal|Other|Symbol|Arena|Metaspace' | head -20
  fi
}
