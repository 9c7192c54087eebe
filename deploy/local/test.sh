#!/usr/bin/env bash
# Runs every test of every module against real components: the machine's PostgreSQL (started if stopped),
# a real KRaft Kafka broker and a real SMTP server (both started by the tests themselves), and kubectl's
# built-in kustomize for the Kubernetes manifests. The Maven wrapper fetches Maven itself.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if command -v pg_isready >/dev/null && ! pg_isready -q -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}"; then
  if [[ -d /etc/postgresql ]]; then
    echo "[test] starting the local PostgreSQL cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  fi
fi
command -v kubectl >/dev/null || { echo "[test] kubectl (with built-in kustomize) is required to render deploy/kubernetes" >&2; exit 1; }

exec ./mvnw -B -ntp verify "$@"
