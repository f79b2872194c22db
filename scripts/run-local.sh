#!/usr/bin/env bash
# `make run`: starts TokModel locally with a demo account and key, and stops everything on Ctrl-C.
#
# PostgreSQL and Redis run privately under .run/demo (reused by the next `make run`), bound to 127.0.0.1.
# The edge listens on 127.0.0.1:8080; the mock provider answers on 127.0.0.1:9090. With OPENAI_API_KEY set,
# the openai/* models of Deploy/catalog.demo.yaml go to OpenAI instead of the mock.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-.build/release}
DATA=.run/demo
PG_PORT=${TOKMODEL_DEMO_PG_PORT:-54320}
REDIS_PORT=${TOKMODEL_DEMO_REDIS_PORT:-63790}
EDGE=${TOKMODEL_DEMO_LISTEN:-127.0.0.1:8080}
CATALOG=${TOKMODEL_DEMO_CATALOG:-Deploy/catalog.demo.yaml}
export TOKMODEL_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/tokmodel"
export TOKMODEL_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export TOKMODEL_LEDGER_SOCKET="$PWD/$DATA/ledger.sock"
export TOKMODEL_CATALOG="$CATALOG"

mkdir -p "$DATA/logs"
pids=()
stop() {
    trap - INT TERM EXIT
    # Cleanup must finish even if stdout is gone (Ctrl-C also kills a pager or tee reading our output).
    trap '' PIPE
    set +e
    echo
    echo "stopping TokModel..."
    # Edge first (it hands its last settlements to the ledger), then the ledger, then the mock.
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    scripts/services.sh stop "$DATA"
    echo "stopped. Data is kept in $DATA; run 'make run' again to continue."
    exit 0
}
trap stop INT TERM EXIT

scripts/services.sh start "$DATA" "$PG_PORT" "$REDIS_PORT"
"$BIN/tokmodel-admin" migrate >/dev/null

"$BIN/tokmodel-mock-provider" --port 9090 >"$DATA/logs/mock.log" 2>&1 &
mock=$!
"$BIN/tokmodel-ledger" --spool-dir "$DATA/spool" >"$DATA/logs/ledger.log" 2>&1 &
ledger=$!
for _ in $(seq 1 100); do [ -S "$TOKMODEL_LEDGER_SOCKET" ] && break; sleep 0.05; done
"$BIN/tokmodel-edge" --listen "$EDGE" >"$DATA/logs/edge.log" 2>&1 &
edge=$!
pids=("$edge" "$ledger" "$mock")
for _ in $(seq 1 100); do curl -fs "http://$EDGE/health" >/dev/null 2>&1 && break; sleep 0.05; done
curl -fs "http://$EDGE/health" >/dev/null || { echo "the edge did not start; see $DATA/logs/edge.log" >&2; exit 1; }

# The demo account and key, created once. The demo key is kept in a local file (mode 600) for convenience;
# TokModel itself stores only its hash.
"$BIN/tokmodel-admin" accounts list --json | grep -q '"name":"demo"' || "$BIN/tokmodel-admin" accounts create demo >/dev/null
"$BIN/tokmodel-admin" credits topup --account demo --amount 10.00 --reference demo-initial-credit >/dev/null
if [ ! -s "$DATA/demo-key" ]; then
    (umask 077; "$BIN/tokmodel-admin" keys create --account demo --name demo --json |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])' >"$DATA/demo-key")
fi
KEY=$(cat "$DATA/demo-key")
BALANCE=$("$BIN/tokmodel-admin" credits balance --account demo)

cat <<EOF

TokModel is running.
  edge           http://$EDGE/v1   (logs: $DATA/logs/edge.log)
  ledger         $TOKMODEL_LEDGER_SOCKET
  mock provider  http://127.0.0.1:9090/v1
  account        $BALANCE
  demo key       $KEY

Try it:

curl http://$EDGE/v1/chat/completions \\
  -H "Authorization: Bearer $KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"model": "openai/gpt-4o", "messages": [{"role": "user", "content": "Hello!"}]}'

python3 - <<'PY'
from openai import OpenAI
client = OpenAI(base_url="http://$EDGE/v1", api_key="$KEY")
reply = client.chat.completions.create(model="openai/gpt-4o", messages=[{"role": "user", "content": "Hello!"}])
print(reply.choices[0].message.content, reply.usage)
PY

Usage so far:  $BIN/tokmodel-admin usage report --account demo
(the admin commands read TOKMODEL_POSTGRES_URL=$TOKMODEL_POSTGRES_URL and TOKMODEL_REDIS_URL=$TOKMODEL_REDIS_URL)

Press Ctrl-C to stop.
EOF

wait -n "${pids[@]}" || true
echo "a TokModel process exited; see $DATA/logs" >&2
