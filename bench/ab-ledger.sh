#!/usr/bin/env bash
# A/B two ledger configurations on the running bench stack (`scripts/bench.sh up` in another terminal): each
# side is an edge with a ledger of its own (the stack's edge binary, PostgreSQL, Redis and mock), loaded
# alternately with wrk (the order flips every round). Each run reports requests/s and CPU per request of that
# side's edge and ledger and of Redis and PostgreSQL, which only the loaded side uses at the time.
#
#   bench/ab-ledger.sh "LEDGER_A [ARGS]" "LEDGER_B [ARGS]" [CONNECTIONS] [ROUNDS]
#   e.g. bench/ab-ledger.sh ".run/bench/bin/tokmodel-ledger" ".run/bench/bin/tokmodel-ledger --group-commit-ms 5" 32 6
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n 2,8p "$0" >&2; exit 2; }
A=$1 B=$2 C=${3:-32} ROUNDS=${4:-4} DUR=${AB_DURATION:-4}
CFG=.run/bench/config.json
[ -f "$CFG" ] || { echo "ab-ledger: no bench stack (run scripts/bench.sh up first)" >&2; exit 1; }
cfg() { python3 -c "import json,sys; c=json.load(open('$CFG')); print(eval(sys.argv[1]))" "$1"; }
KEY=$(cfg "c['key']") REDIS=$(cfg "c['redis_url']") PG=$(cfg "c['postgres_url']") DATA=$(cfg "c['data']")
PG_PID=$(cfg "c['pids']['postgres']") REDIS_PID=$(cfg "c['pids']['redis']")
work=$(mktemp -d)
# wrk posts the body with the bench's own script (closed loop: no BENCH_RATE).
script=bench/wrk/post.lua
export BENCH_BODY_FILE=$work/body.json BENCH_HEADERS="Authorization: Bearer $KEY"
echo '{"model":"bench/model","messages":[{"role":"user","content":"Hello! Say something short."}],"max_tokens":16}' >"$BENCH_BODY_FILE"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT
declare -A edge_pid ledger_pid
start_side() { # name ledger-command port
    local socket=$work/$1.sock
    # shellcheck disable=SC2086  # the command carries its arguments
    $2 --socket "$socket" --postgres-url "$PG" --redis-url "$REDIS" --catalog "$DATA/catalog.yaml" --spool-dir "$work/spool-$1" \
        >"$DATA/logs/ab-ledger-$1.log" 2>&1 &
    pids+=($!) ledger_pid[$1]=$!
    for _ in $(seq 1 200); do [ -S "$socket" ] && break; sleep 0.05; done
    [ -S "$socket" ] || { echo "ab-ledger: ledger $1 did not start (see $DATA/logs/ab-ledger-$1.log)" >&2; exit 1; }
    "$DATA/bin/tokmodel-edge" --listen "127.0.0.1:$3" --catalog "$DATA/catalog.yaml" --redis-url "$REDIS" --ledger-socket "$socket" \
        --journal-dir "$work/journals-$1" --log-level warning >"$DATA/logs/ab-ledger-edge-$1.log" 2>&1 &
    pids+=($!) edge_pid[$1]=$!
}
start_side a "$A" 18381
start_side b "$B" 18382
sleep 2
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
postgres_ticks() { # the postmaster (with its children's waited-for time) and its live children
    local total=0 pid stat
    for pid in $(pgrep -P "$PG_PID") "$PG_PID"; do
        stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
        set -- ${stat##*) }
        total=$((total + ${12} + ${13}))
        [ "$pid" = "$PG_PID" ] && total=$((total + ${14} + ${15}))
    done
    echo "$total"
}
run() { # side port
    local before after out n
    before=($(ticks "${edge_pid[$1]}") $(ticks "${ledger_pid[$1]}") $(ticks "$REDIS_PID") $(postgres_ticks))
    out=$(wrk -t2 -c"$C" -d"${DUR}s" -s "$script" "http://127.0.0.1:$2/v1/chat/completions")
    sleep 0.5  # the last settlements committed
    after=($(ticks "${edge_pid[$1]}") $(ticks "${ledger_pid[$1]}") $(ticks "$REDIS_PID") $(postgres_ticks))
    n=$(awk '/requests in/{print $1}' <<<"$out")
    ! grep -q Non-2xx <<<"$out" || { echo "ab-ledger: non-2xx answers from :$2" >&2; exit 1; }
    local us=() sum=0
    for i in 0 1 2 3; do us+=($(((after[i] - before[i]) * 10000 / n))); sum=$((sum + us[i])); done
    echo "$(awk '/Requests\/sec/{printf "%.0f", $2}' <<<"$out") req/s, us/req edge ${us[0]} ledger ${us[1]} Redis ${us[2]} PostgreSQL ${us[3]} (sum $sum)"
}
for port in 18381 18382; do wrk -t2 -c"$C" -d2s -s "$script" "http://127.0.0.1:$port/v1/chat/completions" >/dev/null; done
echo "A = $A, B = $B, $C connections, ${DUR}s runs"
for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then a=$(run a 18381); b=$(run b 18382); else b=$(run b 18382); a=$(run a 18381); fi
    echo "round $round   A: $a   B: $b"
done
