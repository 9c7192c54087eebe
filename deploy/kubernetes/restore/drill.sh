#!/usr/bin/env bash
# Restore drill: recover booking-db as it was at TARGET_TIME into the new cluster booking-db-restore, wait for it,
# compare row counts with the live database, and leave it for inspection (delete it afterwards).
#   deploy/kubernetes/restore/drill.sh <namespace> <target time, RFC 3339, e.g. 2026-11-30T08:00:00Z>
set -euo pipefail
NS=${1:?namespace}
TARGET=${2:?target time (RFC 3339)}
DIR=$(cd "$(dirname "$0")" && pwd)

sed "s|targetTime: .*|targetTime: \"$TARGET\"|" "$DIR/restore-booking-db.yaml" | kubectl -n "$NS" apply -f -
kubectl -n "$NS" wait cluster.postgresql.cnpg.io/booking-db-restore --for=condition=Ready --timeout=30m

count() {
  kubectl -n "$NS" exec "$1-1" -c postgres -- psql -U postgres -d booking -At \
    -c "select (select count(*) from booking) || ' bookings, ' || (select count(*) from outbox_event) || ' outbox rows'"
}
echo "restored ($TARGET): $(count booking-db-restore)"
echo "live (now):          $(count booking-db)"
echo "Inspect, then remove: kubectl -n $NS delete cluster.postgresql.cnpg.io/booking-db-restore networkpolicy/booking-db-restore"
