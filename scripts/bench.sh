#!/usr/bin/env bash
# `make bench` / `make bench-soak`: starts a private stack from the release binaries, measures it with
# bench/bench.py, and stops everything it started, whatever happens.
#
#   scripts/bench.sh          arms x repeats, TTFB, billing check, ledger alone -> bench/results/latest.md
#   scripts/bench.sh soak     edge RSS across a 5-minute load               -> bench/results/soak-latest.md
#   scripts/bench.sh up       start the stack, print its config and wait (Ctrl-C stops it): for poking at it
#
# The stack: PostgreSQL and Redis (scripts/services.sh, fresh under .run/bench, own ports), the mock provider
# (zero latency; streams are paced per request with [[mock:...]] directives), the ledger, the edge, and nginx
# proxying to the same mock as the reference hop. Knobs (environment): BENCH_REPEATS, BENCH_DURATION,
# BENCH_PACED_DURATION, BENCH_RATE, BENCH_ARMS, BENCH_NGINX_WORKERS, ... (see docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
case "$mode" in run | soak | up) ;; *) echo "usage: scripts/bench.sh [run|soak|up]" >&2; exit 2 ;; esac

BIN=${BIN:-.build/release}
DATA=.run/bench
PG_PORT=${BENCH_PG_PORT:-54360}
REDIS_PORT=${BENCH_REDIS_PORT:-63860}
MOCK_PORT=${BENCH_MOCK_PORT:-19360}
NGINX_PORT=${BENCH_NGINX_PORT:-18360}
EDGE_PORT=${BENCH_EDGE_PORT:-18361}
NGINX_WORKERS=${BENCH_NGINX_WORKERS:-auto}
PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/tokmodel"
REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"

fail() {
    echo "bench: $*" >&2
    exit 1
}

for b in tokmodel-edge tokmodel-ledger tokmodel-admin tokmodel-mock-provider tokmodel-bench-ledger; do
    [ -x "$BIN/$b" ] || fail "$BIN/$b is missing: run 'swift build -c release' (or 'make bench')"
done
for c in wrk nginx python3 psql redis-cli curl; do
    command -v "$c" >/dev/null || fail "$c not found: run 'scripts/install-deps.sh bench'"
done
for port in "$PG_PORT" "$REDIS_PORT" "$MOCK_PORT" "$NGINX_PORT" "$EDGE_PORT"; do
    if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        fail "port $port is already in use (a previous bench still running? set BENCH_*_PORT to move)"
    fi
done

pids=()
nginx_started=""
driver=""
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    trap '' PIPE
    set +e
    echo "bench: stopping the stack" >&2
    if [ -n "$driver" ] && kill -0 "$driver" 2>/dev/null; then
        kill -TERM "$driver" 2>/dev/null # bench.py stops its wrk on SIGTERM
        wait "$driver" 2>/dev/null
    fi
    # Edge first (it hands its last settlements to the ledger), then the ledger, then the mock.
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    if [ -n "$nginx_started" ] && [ -f "$DATA/nginx/nginx.pid" ]; then
        local npid
        npid=$(cat "$DATA/nginx/nginx.pid")
        kill -QUIT "$npid" 2>/dev/null
        for _ in $(seq 1 50); do kill -0 "$npid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$npid" 2>/dev/null
    fi
    scripts/services.sh stop "$DATA" >/dev/null 2>&1
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== bench: fresh PostgreSQL ($PG_PORT) and Redis ($REDIS_PORT) under $DATA" >&2
scripts/services.sh stop "$DATA" >/dev/null 2>&1 || true
rm -rf "$DATA"
mkdir -p "$DATA/logs"
scripts/services.sh start "$DATA" "$PG_PORT" "$REDIS_PORT"
# Private copies of the binaries: the build dir is shared, and a rebuild must not swap a binary under a
# running bench.
mkdir -p "$DATA/bin"
for b in tokmodel-edge tokmodel-ledger tokmodel-admin tokmodel-mock-provider tokmodel-bench-ledger; do cp "$BIN/$b" "$DATA/bin/"; done
BIN=$DATA/bin
sed "s#MOCK_ROOT#http://127.0.0.1:$MOCK_PORT#" bench/catalog.yaml >"$DATA/catalog.yaml"
"$BIN/tokmodel-admin" --postgres-url "$PG_URL" migrate >/dev/null

wait_http() { # name url log
    for _ in $(seq 1 200); do
        curl -fs -o /dev/null "$2" 2>/dev/null && return 0
        sleep 0.05
    done
    echo "bench: $1 did not start; last lines of $3:" >&2
    tail -n 20 "$3" >&2
    exit 1
}

"$BIN/tokmodel-mock-provider" --port "$MOCK_PORT" >"$DATA/logs/mock.log" 2>&1 &
mock=$!
wait_http "the mock provider" "http://127.0.0.1:$MOCK_PORT/v1/models" "$DATA/logs/mock.log"

"$BIN/tokmodel-ledger" --socket "$PWD/$DATA/ledger.sock" --postgres-url "$PG_URL" --redis-url "$REDIS_URL" \
    --catalog "$DATA/catalog.yaml" --spool-dir "$DATA/spool" >"$DATA/logs/ledger.log" 2>&1 &
ledger=$!
for _ in $(seq 1 200); do [ -S "$DATA/ledger.sock" ] && break; kill -0 "$ledger" 2>/dev/null || break; sleep 0.05; done
[ -S "$DATA/ledger.sock" ] || { tail -n 20 "$DATA/logs/ledger.log" >&2; fail "the ledger did not start"; }

"$BIN/tokmodel-edge" --listen "127.0.0.1:$EDGE_PORT" --catalog "$DATA/catalog.yaml" --redis-url "$REDIS_URL" \
    --ledger-socket "$PWD/$DATA/ledger.sock" --log-level warning >"$DATA/logs/edge.log" 2>&1 &
edge=$!
pids=("$edge" "$ledger" "$mock")
wait_http "the edge" "http://127.0.0.1:$EDGE_PORT/health" "$DATA/logs/edge.log"

# nginx, as the current user, everything under $DATA/nginx.
mkdir -p "$DATA/nginx/tmp"
prefix="$PWD/$DATA/nginx"
user_directive=""
[ "$(id -u)" = 0 ] && user_directive="user root;"
sed -e "s#@PREFIX@#$prefix#g" -e "s#@LISTEN_PORT@#$NGINX_PORT#g" -e "s#@MOCK_PORT@#$MOCK_PORT#g" \
    -e "s#@WORKERS@#$NGINX_WORKERS#g" -e "s#@USER_DIRECTIVE@#$user_directive#g" bench/nginx.conf.template >"$prefix/nginx.conf"
nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" -t >"$DATA/logs/nginx-test.log" 2>&1 ||
    { cat "$DATA/logs/nginx-test.log" >&2; fail "nginx rejected its configuration"; }
nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log"
nginx_started=1
wait_http "nginx" "http://127.0.0.1:$NGINX_PORT/v1/models" "$prefix/error.log"

# The bench account: ample credit, and a key whose limits are large enough never to refuse but still run
# (RPM/TPM on the key and the account), so the edge arms pay for the full governance path.
admin=("$BIN/tokmodel-admin" --postgres-url "$PG_URL" --redis-url "$REDIS_URL")
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)[\"$1\"])"; }
account_id=$("${admin[@]}" accounts create bench --json | json_field id)
"${admin[@]}" accounts update bench --rpm 100000000 --tpm 100000000 >/dev/null
"${admin[@]}" credits topup --account bench --amount 1000000.00 --reference bench-initial >/dev/null
key=$("${admin[@]}" keys create --account bench --name bench --rpm 100000000 --tpm 100000000 --json | json_field secret)

# Accounts and keys the ledger-alone measurement settles against (they must exist: foreign keys).
ledger_keys=""
for i in 1 2 3 4; do
    id=$("${admin[@]}" accounts create "bench-ledger-$i" --json | json_field id)
    "${admin[@]}" credits topup --account "bench-ledger-$i" --amount 1000000.00 --reference bench-initial >/dev/null
    kid=$("${admin[@]}" keys create --account "bench-ledger-$i" --name bench --json | json_field id)
    ledger_keys="$ledger_keys${ledger_keys:+,}$id:$kid"
done

# One real request through each path before measuring, so a broken stack fails here and not in wrk.
check() { # name url headers... (body on stdin)
    local name=$1 url=$2
    shift 2
    local status
    status=$(curl -s -o "$DATA/logs/check-$name.out" -w '%{http_code}' -H 'Content-Type: application/json' "$@" --data-binary @- "$url")
    [ "$status" = 200 ] || { cat "$DATA/logs/check-$name.out" >&2; echo >&2; fail "$name answered $status"; }
}
body='{"model":"bench/model","messages":[{"role":"user","content":"check"}],"max_tokens":16}'
check nginx "http://127.0.0.1:$NGINX_PORT/v1/chat/completions" <<<"$body"
check edge "http://127.0.0.1:$EDGE_PORT/v1/chat/completions" -H "Authorization: Bearer $key" <<<"$body"
check edge-messages "http://127.0.0.1:$EDGE_PORT/v1/messages" -H "x-api-key: $key" -H 'anthropic-version: 2023-06-01' <<<"$body"

redis_pid=$(cat "$DATA/redis/redis.pid")
pg_pid=$(head -n 1 "$DATA/postgres/db/postmaster.pid")
nginx_pid=$(cat "$DATA/nginx/nginx.pid")
cat >"$DATA/config.json" <<EOF
{
  "data": "$PWD/$DATA",
  "bin": "$PWD/$BIN",
  "postgres_url": "$PG_URL",
  "redis_url": "$REDIS_URL",
  "ledger_socket": "$PWD/$DATA/ledger.sock",
  "key": "$key",
  "account_id": $account_id,
  "ledger_keys": "$ledger_keys",
  "preflight_edge_2xx": 2,
  "ports": {"postgres": $PG_PORT, "redis": $REDIS_PORT, "mock": $MOCK_PORT, "nginx": $NGINX_PORT, "edge": $EDGE_PORT},
  "pids": {"edge": $edge, "ledger": $ledger, "mock": $mock, "redis": $redis_pid, "postgres": $pg_pid, "nginx": $nginx_pid}
}
EOF
echo "== bench: stack up (edge $EDGE_PORT, nginx $NGINX_PORT with $NGINX_WORKERS workers, mock $MOCK_PORT)" >&2
if [ "$mode" = up ]; then
    cat "$DATA/config.json"
    echo "bench stack up; Ctrl-C (or SIGTERM to $$) stops it" >&2
    sleep infinity &
    sleeper=$!
    trap 'kill $sleeper 2>/dev/null; exit 130' INT
    trap 'kill $sleeper 2>/dev/null; exit 143' TERM
    wait "$sleeper" || true
    exit 0
fi
# In the background so that a signal reaches the traps at once (bash runs traps only between commands).
python3 bench/bench.py "$mode" "$DATA/config.json" &
driver=$!
wait "$driver"
