#!/usr/bin/env bash
# Start-up and memory of the three services: JDK 17 vs JDK 25 vs JDK 25 with the AOT cache, side by side.
#
#   deploy/local/aot/measure-startup.sh <fast-jar dir> <aot-jar dir> [runs (default 3)] [load seconds (default 10)]
#
# <fast-jar dir> and <aot-jar dir> each hold one quarkus-app directory per service, named after the module
# (e.g. copies of <module>/target/quarkus-app from `./mvnw package` and from
# `./mvnw package -Dquarkus.package.jar.type=aot-jar`). Both are copied to a scratch directory; nothing in them is
# changed. Variants (VARIANTS to pick):
#   jdk17          JDK 17, fast-jar (what run.sh did before)
#   jdk25          JDK 25, fast-jar, no cache
#   jdk25-aot      JDK 25, aot-jar, AOT cache from a training run (train.sh; what run.sh does now)
#   jdk25-aot-c1   as jdk25-aot (same cache) plus -XX:TieredStopAtLevel=1 (C1 only: faster start, lower peak)
#   jdk25-aot-fast JDK 25, fast-jar, AOT cache from a training run (JDK classes only; not in the default list)
# Every variant runs with the JVM options of run.sh (deploy/local/jvm-options.sh), prod profile, configured by
# environment as run.sh does.
#
# Per run: ready = wall clock from launching java to the first 200 of /q/health/ready (polled every 20 ms);
# "started in" = Quarkus' log line; RSS (VmRSS of the java process) after ready plus one API request, and after
# `wrk -t1 -c4 -d<load>s` on /q/health/live. "Alone": one service at a time; "together": all three launched at
# once. Figures are medians over the runs; the load average is printed because the machine may be shared.
#
# Needs: PostgreSQL on 127.0.0.1:5432 (PGHOST/PGPORT/PGUSER; scratch databases aot_*_<random>, dropped at the end),
# the built deploy/local-stack and deploy/kafka-broker modules (broker on a free port), curl, wrk (load skipped
# without it), JDK 17 (JDK17_HOME) and JDK 25 (JDK25_HOME; found as run.sh finds it). Everything listens on
# 127.0.0.1 only; every process started here is stopped by its pid at the end; each start gives up after 180 s.
set -euo pipefail
SERVICES=(meeting-link-service booking-service notification-service)

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%g\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
m() { awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" '$1 == a && $2 == b && $3 == c && $4 == d { print $5 }' "$RESULTS" | median; }
secs() { awk -v x="$1" 'BEGIN { if (x == "-") print "-"; else printf "%.2f s", x / 1000 }'; }
table() { # medians of $RESULTS as markdown
for mode in alone together; do
  echo
  echo "**$mode** (medians of $(awk -v m="$mode" '$1 == m && $4 == "ready" { n[$2 FS $3]++ } END { for (k in n) { print n[k] } }' "$RESULTS" | sort -n | head -n1) runs)"
  echo
  echo "| service | variant | ready | Quarkus \"started in\" | RSS after first request | RSS after load |"
  echo "|---|---|---:|---:|---:|---:|"
  for s in "${SERVICES[@]}"; do
    for V in $(awk -v m="$mode" -v s="$s" '$1 == m && $3 == s { print $2 }' "$RESULTS" | awk '!seen[$0]++'); do
      echo "| $s | $V | $(secs "$(m "$mode" "$V" "$s" ready)") | $(secs "$(m "$mode" "$V" "$s" started)") | $(m "$mode" "$V" "$s" rss1) MiB | $(m "$mode" "$V" "$s" rss2) MiB |"
    done
  done
done
}
if [[ ${1:-} == --table ]]; then RESULTS=$2 table; exit 0; fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
FAST=$(cd "$1" && pwd) AOTJ=$(cd "$2" && pwd)
RUNS=${3:-3} LOAD=${4:-10}
VARIANTS=${VARIANTS:-"jdk17 jdk25-aot jdk25-aot-c1 jdk25"}
source "$ROOT/deploy/local/aot/jdk.sh"
JDK17_HOME=${JDK17_HOME:-$(ls -d /usr/lib/jvm/java-17-openjdk-* 2>/dev/null | head -n1)}
JDK25_HOME=${JDK25_HOME:-$(find_jdk25 || true)}
[[ -x $JDK17_HOME/bin/java && -x $JDK25_HOME/bin/java ]] || { echo "need JDK17_HOME and JDK25_HOME" >&2; exit 1; }
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

source "$ROOT/deploy/local/bench/lib.sh"
begin_run aot-measure
DB_BOOKING=aot_booking_$SUFFIX DB_NOTIFICATION=aot_notification_$SUFFIX
SCRATCH_DBS=("$DB_BOOKING" "$DB_NOTIFICATION")

now_ms() { echo $(($(date +%s%N) / 1000000)); }

psql -q -d postgres -c "CREATE DATABASE $DB_BOOKING" -c "CREATE DATABASE $DB_NOTIFICATION"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null

start_kafka "$WORK"

declare -A PORT
for s in "${SERVICES[@]}"; do PORT[$s]=$(free_port); done
SMTP_PORT=$(free_port) # nothing listens there: readiness does not depend on SMTP
service_env() { # service -> ENV=value lines
  echo KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
  echo MEETING_LINK_SERVICE_URL=http://127.0.0.1:${PORT[meeting-link-service]}
  echo JWT_PUBLIC_KEY_LOCATION=http://127.0.0.1:${PORT[booking-service]}/api/auth/jwks
  echo JITSI_BASE_URL=https://meet.jit.si
  case $1 in
    booking-service)
      echo BOOKING_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB_BOOKING
      echo BOOKING_DB_USER=$PGUSER
      echo BOOKING_DB_PASSWORD=${PGPASSWORD:-}
      echo JWT_SIGN_KEY_LOCATION=$WORK/jwt.pem
      echo JWT_SIGN_KEY_ID=measure-1
      echo ADMIN_SEED_EMAIL=therapist@practice.example
      echo ADMIN_SEED_PASSWORD=measure-$SUFFIX-password
      echo ADMIN_SEED_FIRST_NAME=Dana
      echo ADMIN_SEED_LAST_NAME=Smith
      echo ADMIN_SEED_TIME_ZONE=Europe/Berlin
      echo PAYMENT_WEBHOOK_SECRET=measure-$SUFFIX-secret ;;
    notification-service)
      echo NOTIFICATION_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB_NOTIFICATION
      echo NOTIFICATION_DB_USER=$PGUSER
      echo NOTIFICATION_DB_PASSWORD=${PGPASSWORD:-}
      echo SMTP_HOST=127.0.0.1
      echo SMTP_PORT=$SMTP_PORT
      echo "MAIL_FROM=Therapy Practice <no-reply@practice.example>"
      # required at start; no token is asked for while measuring (no link is built)
      echo BOOKING_SERVICE_URL=http://127.0.0.1:${PORT[booking-service]}
      echo NOTIFICATION_CLIENT_SECRET=measure-$SUFFIX-client-secret ;;
  esac
}

# Per variant: java binary, app directory (a private copy) and extra JVM flags.
variant_java() { [[ $1 == jdk17 ]] && echo "$JDK17_HOME/bin/java" || echo "$JDK25_HOME/bin/java"; }
variant_app() { echo "$WORK/apps/${1%-c1}/$2"; }
variant_flags() {
  [[ $1 == jdk17 || $1 == jdk25 ]] || echo "-XX:AOTCache=app.aot"
  [[ $1 != *-c1 ]] || echo "-XX:TieredStopAtLevel=1"
}

prepare_variant() { # variant
  local v=$1 s src
  if [[ $v == *-c1 ]]; then # shares the cache of the variant without -c1 (prepared here when not listed before it)
    [[ -d $WORK/apps/${v%-c1} ]] || prepare_variant "${v%-c1}"
    return 0
  fi
  for s in "${SERVICES[@]}"; do
    case $v in jdk17 | jdk25 | jdk25-aot-fast) src=$FAST/$s ;; *) src=$AOTJ/$s ;; esac
    mkdir -p "$WORK/apps/$v"
    cp -a "$src" "$(variant_app "$v" "$s")"
    rm -f "$(variant_app "$v" "$s")"/app.aot*
  done
  for s in "${SERVICES[@]}"; do
    local env_lines=()
    mapfile -t env_lines < <(service_env "$s")
    case $v in
      jdk25-aot | jdk25-aot-fast)
        "$ROOT/deploy/local/aot/train.sh" "$s" "$(variant_app "$v" "$s")" "$JDK25_HOME/bin/java" "${PORT[$s]}" "${env_lines[@]}" ;;
    esac
  done
}

launch() { # variant service -> pid in LAUNCHED, start time in T0
  local v=$1 s=$2 env_lines=()
  mapfile -t env_lines < <(service_env "$s")
  local app; app=$(variant_app "$v" "$s")
  T0[$s]=$(now_ms)
  cd "$app"
  # shellcheck disable=SC2046
  env "${env_lines[@]}" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="${PORT[$s]}" \
    "$(variant_java "$v")" "${SERVICE_JAVA_OPTS[@]}" $(variant_flags "$v") -jar quarkus-run.jar >"$WORK/$v-$s.log" 2>&1 &
  LAUNCHED[$s]=$!
  PIDS+=($!)
  cd "$ROOT"
}

time_to_ready() { # service -> READY_MS (lib.sh's wait_ready only waits)
  local s=$1 url="http://127.0.0.1:${PORT[$s]}/q/health/ready" deadline=$(($(now_ms) + 180000))
  until curl -fs -o /dev/null "$url" 2>/dev/null; do
    kill -0 "${LAUNCHED[$s]}" 2>/dev/null || { echo "$s exited; log:" >&2; tail -30 "$WORK/$V-$s.log" >&2; exit 1; }
    (($(now_ms) < deadline)) || { echo "$s not ready after 180 s" >&2; exit 1; }
    sleep 0.02
  done
  READY[$s]=$(($(now_ms) - T0[$s]))
}

first_request() { # service: one cheap API call
  local base="http://127.0.0.1:${PORT[$1]}"
  case $1 in
    meeting-link-service) curl -s -o /dev/null -H 'Content-Type: application/json' -d \
      '{"room":"booking-123-1795000000-k3x9q2m7","participant":{"id":"45","first_name":"Zoe","last_name":"Brien","email":"zoe@example.org","display_name":null},"role":"client","session":{"starts_at":"2026-12-01T10:00:00Z","duration":60}}' \
      "$base/api/meeting-links" ;;
    booking-service) curl -s -o /dev/null "$base/api/auth/jwks" ;;
    notification-service) curl -s -o /dev/null "$base/api/admin/notifications/stats" ;;
  esac
}

command -v wrk >/dev/null || echo "wrk not found: no load, so 'RSS after load' is the RSS after the first request" >&2
load() { # service
  if command -v wrk >/dev/null; then
    wrk -t1 -c4 -d"${LOAD}s" "http://127.0.0.1:${PORT[$1]}/q/health/live" >/dev/null 2>&1 || true
  fi
}

stop() { # service
  local pid=${LAUNCHED[$1]}
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

started_in() { # variant service -> Quarkus' own figure in ms
  grep -o 'started in [0-9.]*s' "$WORK/$1-$2.log" | head -n1 | awk '{ sub("s", "", $3); printf "%d", $3 * 1000 }'
}

declare -A T0 LAUNCHED READY
RESULTS=${RESULTS:-$WORK/results} # set RESULTS=<file> to keep the raw figures; --table <file> prints them again
: >"$RESULTS"
record() { echo "$*" >>"$RESULTS"; } # mode variant service metric value

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# warm-up (not counted): migrates the scratch databases, fills the page cache
V=jdk17
prepare_variant jdk17
for s in "${SERVICES[@]}"; do launch jdk17 "$s"; done
for s in "${SERVICES[@]}"; do time_to_ready "$s"; done
for s in "${SERVICES[@]}"; do stop "$s"; done

for V in $VARIANTS; do
  [[ $V == jdk17 ]] || { echo "preparing $V" >&2; prepare_variant "$V"; }
done
# runs interleaved (every variant once per round), so that the machine's drift hits all variants alike
for run in $(seq 1 "$RUNS"); do
  for V in $VARIANTS; do
    echo "round $run/$RUNS: $V (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    for s in "${SERVICES[@]}"; do
      launch "$V" "$s"
      time_to_ready "$s"
      first_request "$s"
      record alone "$V" "$s" ready "${READY[$s]}"
      record alone "$V" "$s" started "$(started_in "$V" "$s")"
      record alone "$V" "$s" rss1 "$(rss_mib "${LAUNCHED[$s]}")"
      load "$s"
      record alone "$V" "$s" rss2 "$(rss_mib "${LAUNCHED[$s]}")"
      stop "$s"
    done
    for s in "${SERVICES[@]}"; do launch "$V" "$s"; done
    for s in "${SERVICES[@]}"; do time_to_ready "$s"; done
    for s in "${SERVICES[@]}"; do
      first_request "$s"
      record together "$V" "$s" ready "${READY[$s]}"
      record together "$V" "$s" started "$(started_in "$V" "$s")"
      record together "$V" "$s" rss1 "$(rss_mib "${LAUNCHED[$s]}")"
    done
    for s in "${SERVICES[@]}"; do load "$s"; done
    for s in "${SERVICES[@]}"; do record together "$V" "$s" rss2 "$(rss_mib "${LAUNCHED[$s]}")"; done
    for s in "${SERVICES[@]}"; do stop "$s"; done
  done
done

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average after: $(cut -d' ' -f1-3 /proc/loadavg), $RUNS rounds, wrk ${LOAD}s"
echo "JDK 17: $("$JDK17_HOME/bin/java" -version 2>&1 | sed -n 2p)"
echo "JDK 25: $("$JDK25_HOME/bin/java" -version 2>&1 | sed -n 2p)"
table
