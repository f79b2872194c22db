#!/usr/bin/env bash
# Starts (or stops) the processes the end-to-end tests drive: mock provider, ledger and edge, against the
# PostgreSQL and Redis that scripts/services.sh started. Writes the pids to $DATA/pids.
#
#   scripts/e2e-stack.sh start DATA BIN PG_URL REDIS_URL EDGE_PORT MOCK_PORT
#   scripts/e2e-stack.sh stop DATA
set -euo pipefail
cd "$(dirname "$0")/.."

cmd=$1
data=$2
if [ "$cmd" = stop ]; then
    if [ -f "$data/pids" ]; then
        while read -r pid; do kill -TERM "$pid" 2>/dev/null || true; done <"$data/pids"
        while read -r pid; do
            for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null || true
        done <"$data/pids"
        rm -f "$data/pids"
    fi
    exit 0
fi

bin=$3 pg=$4 redis=$5 edge_port=$6 mock_port=$7
mkdir -p "$data/logs"
sed "s#MOCK_ROOT#http://127.0.0.1:$mock_port#" Tests/e2e/catalog.yaml >"$data/catalog.yaml"
# The mock checks provider keys, so the edge must send them (as it would to the real providers).
export TOKMODEL_E2E_ANTHROPIC_KEY=sk-ant-e2e TOKMODEL_E2E_GEMINI_KEY=gemini-e2e
"$bin/tokmodel-admin" --postgres-url "$pg" migrate >/dev/null
: >"$data/pids"
"$bin/tokmodel-mock-provider" --port "$mock_port" >"$data/logs/mock.log" 2>&1 &
echo $! >>"$data/pids"
"$bin/tokmodel-ledger" --socket "$data/ledger.sock" --postgres-url "$pg" --redis-url "$redis" \
    --catalog "$data/catalog.yaml" --spool-dir "$data/spool" >"$data/logs/ledger.log" 2>&1 &
echo $! >>"$data/pids"
for _ in $(seq 1 200); do [ -S "$data/ledger.sock" ] && break; sleep 0.05; done
"$bin/tokmodel-edge" --listen "127.0.0.1:$edge_port" --catalog "$data/catalog.yaml" --redis-url "$redis" \
    --ledger-socket "$data/ledger.sock" >"$data/logs/edge.log" 2>&1 &
echo $! >>"$data/pids"
for _ in $(seq 1 200); do
    curl -fs "http://127.0.0.1:$edge_port/health" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$mock_port/v1/models" >/dev/null 2>&1 && exit 0
    sleep 0.05
done
echo "the e2e stack did not start; logs in $data/logs" >&2
tail -n 20 "$data"/logs/*.log >&2
exit 1
