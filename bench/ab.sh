#!/usr/bin/env bash
# A/B two edge binaries on the running bench stack (`scripts/bench.sh up` in another terminal): both edges use
# the stack's Redis, ledger and mock; wrk runs against them alternately (the order flips every round) and each
# run reports requests/s and the edge's (and Redis') CPU per request from /proc. Changes inside the edge are compared on
# the same machine minutes apart at most, which `make bench` across commits cannot do on a noisy machine.
#
#   bench/ab.sh OLD_BINARY NEW_BINARY [plain|stream] [CONNECTIONS] [ROUNDS]
#
# Build the "before" binary first, e.g.: git stash; swift build -c release --product tokmodel-edge;
# cp .build/release/tokmodel-edge /tmp/edge-before; git stash pop; swift build -c release --product tokmodel-edge.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n 2,10p "$0" >&2; exit 2; }
A=$1 B=$2 KIND=${3:-plain} C=${4:-32} ROUNDS=${5:-4} DUR=${AB_DURATION:-4}
CFG=.run/bench/config.json
[ -f "$CFG" ] || { echo "ab: no bench stack (run scripts/bench.sh up first)" >&2; exit 1; }
cfg() { python3 -c "import json,sys; c=json.load(open('$CFG')); print(eval(sys.argv[1]))" "$1"; }
KEY=$(cfg "c['key']") REDIS=$(cfg "c['redis_url']") SOCKET=$(cfg "c['ledger_socket']") DATA=$(cfg "c['data']")
REDIS_PID=$(cfg "c['pids']['redis']")
content='Hello! Say something short.' extra=''
if [ "$KIND" = stream ]; then
    content='Hello! [[mock:chunks=4]][[mock:delay_ms=2]]' extra=',"stream":true,"stream_options":{"include_usage":true}'
fi
# wrk posts the body with the bench's own script (closed loop: no BENCH_RATE).
script=bench/wrk/post.lua
BENCH_BODY_FILE=$(mktemp --suffix=.json)
echo '{"model":"bench/model","messages":[{"role":"user","content":"'"$content"'"}],"max_tokens":16'"$extra"'}' >"$BENCH_BODY_FILE"
export BENCH_BODY_FILE BENCH_HEADERS="Authorization: Bearer $KEY"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -f "$BENCH_BODY_FILE"' EXIT
start() {
    "$1" --listen "127.0.0.1:$2" --catalog "$DATA/catalog.yaml" --redis-url "$REDIS" --ledger-socket "$SOCKET" \
        --log-level warning >"$DATA/logs/ab-$2.log" 2>&1 &
    pids+=($!)
}
start "$A" 18371
start "$B" 18372
sleep 2
for port in 18371 18372; do wrk -t2 -c"$C" -d2s -s "$script" "http://127.0.0.1:$port/v1/chat/completions" >/dev/null; done
run() {
    local pid=$1 port=$2 before after redis_before redis_after out n
    before=$(awk '{print $14+$15}' "/proc/$pid/stat") redis_before=$(awk '{print $14+$15}' "/proc/$REDIS_PID/stat")
    out=$(wrk -t2 -c"$C" -d"${DUR}s" -s "$script" "http://127.0.0.1:$port/v1/chat/completions")
    after=$(awk '{print $14+$15}' "/proc/$pid/stat") redis_after=$(awk '{print $14+$15}' "/proc/$REDIS_PID/stat")
    n=$(awk '/requests in/{print $1}' <<<"$out")
    bad=$(awk '/Non-2xx/{print $NF}' <<<"$out")
    [ -z "$bad" ] || { echo "ab: $bad non-2xx answers from :$port (is the stack up? see $DATA/logs/ab-$port.log)" >&2; exit 1; }
    # Redis serves only the edge under load during a run, so its CPU is this edge's too.
    echo "$(awk '/Requests\/sec/{printf "%.0f", $2}' <<<"$out") req/s, $(((after - before) * 10000 / n)) us CPU/req (Redis $(((redis_after - redis_before) * 10000 / n)))"
}
echo "A = $A, B = $B, $KIND, $C connections, ${DUR}s runs"
for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then a=$(run "${pids[0]}" 18371); b=$(run "${pids[1]}" 18372); else b=$(run "${pids[1]}" 18372); a=$(run "${pids[0]}" 18371); fi
    echo "round $round   A: $a   B: $b"
done
