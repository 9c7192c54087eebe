#!/usr/bin/env bash
# JDK 25 AOT cache (JEP 483/514/515) for one packaged Quarkus service: a training run.
#
#   deploy/local/aot/train.sh <service> <quarkus-app dir> <java> <port> [ENV=value ...]
#
# Starts <quarkus-app dir>/quarkus-run.jar with -XX:AOTCacheOutput=<dir>/app.aot on 127.0.0.1:<port> (environment as
# given, e.g. the database URL), waits for /q/health/ready, exercises the service (health, OpenAPI, metrics and a few
# cheap API calls, including rejected ones), then stops it with SIGTERM: the JVM writes the cache on exit. Later runs
# use it with `java -XX:AOTCache=<dir>/app.aot -jar <dir>/quarkus-run.jar`, same JDK, same jars (the JVM checks the
# class path and ignores a stale cache with a warning).
#
# The cache holds classes of the JDK's built-in loaders only. Build the service with the aot-jar layout
# (`-Dquarkus.package.jar.type=aot-jar`, Quarkus 3.33+): everything is then on the application class path and
# cached. With the default fast-jar, the application and library classes come through Quarkus' own class loader and
# only the JDK's classes are cached.
#
# Quarkus' own archive mode (-Dquarkus.appcds.generate=true: static initialisation only, then exit) is not an option
# here: the 3.33 runners, fast-jar and aot-jar alike, ignore it in a normal build ("Unrecognized configuration key")
# and start the service.
set -euo pipefail

service=$1 app=$2 java=$3 port=$4
shift 4
aot="$app/app.aot"
# the JVM options run.sh starts the service with (the cache is used with the same GC)
source "$(dirname "$0")/../jvm-options.sh"
log="$app/aot-training.log"
rm -f "$aot" "$aot.config"

base="http://127.0.0.1:$port"
# meeting-link-service answers link requests only with a service token. booking-service (whose JWKS it reads) is not
# up during training, so the training run verifies with a throwaway key of its own and gets a token signed with it:
# the trained classes are the same.
auth=()
if [[ $service == meeting-link-service ]]; then
  keys=$(mktemp -d)
  auth=(-H "Authorization: Bearer $("$(dirname "$0")/../throwaway-service-token.sh" "$keys" training 3600)")
  set -- "$@" JWT_PUBLIC_KEY_LOCATION="$keys/public.pem"
fi
(cd "$app" && exec env "$@" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
  "$java" "${SERVICE_JAVA_OPTS[@]}" -XX:AOTCacheOutput=app.aot -jar quarkus-run.jar) >"$log" 2>&1 &
pid=$!
stop() { kill -TERM "$pid" 2>/dev/null || true; [[ -z ${keys:-} ]] || rm -rf "$keys"; }
trap stop EXIT

for _ in $(seq 1 1200); do
  curl -fsS -o /dev/null "$base/q/health/ready" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "$service stopped during training; see $log" >&2; exit 1; }
  sleep 0.1
done
curl -fsS -o /dev/null "$base/q/health/ready" || { echo "$service did not become ready for training; see $log" >&2; exit 1; }

call() { curl -s -o /dev/null --max-time 10 "$@" || true; }
json=(-H 'Content-Type: application/json')
for _ in 1 2 3; do
  call "$base/q/health"
  call "$base/q/health/live"
  call "$base/q/metrics"
  call "$base/q/openapi"
  call "$base/api/does-not-exist"
  case $service in
    meeting-link-service)
      body='{"room":"booking-123-1795000000-k3x9q2m7","participant":{"id":"45","first_name":"Zoë","last_name":"O'"'"'Brien","email":"zoe@example.org","display_name":null},"role":"client","session":{"starts_at":"2026-12-01T10:00:00Z","duration":60}}'
      call "${json[@]}" "${auth[@]}" -d "$body" "$base/api/meeting-links"
      call "${json[@]}" "${auth[@]}" -d '{"room":"x"}' "$base/api/meeting-links"
      call "${json[@]}" "${auth[@]}" -d "{\"requests\":[$body,$body]}" "$base/api/meeting-links/batch"
      call "${json[@]}" -d "$body" "$base/api/meeting-links"
      ;;
    booking-service)
      call "$base/api/auth/jwks"
      call "${json[@]}" -d '{"email":"nobody@example.org","password":"wrong-password"}' "$base/api/auth/login"
      call "${json[@]}" -d '{}' "$base/api/auth/register"
      call "$base/api/bookings"
      call "$base/api/schedule"
      ;;
    notification-service)
      call "$base/api/admin/notifications/stats"
      call "$base/api/admin/bookings/1/notifications"
      ;;
  esac
done

trap - EXIT
kill -TERM "$pid"
wait "$pid" || true
[[ -z ${keys:-} ]] || rm -rf "$keys"
[[ -s $aot ]] || { echo "no AOT cache written for $service; see $log" >&2; exit 1; }
