#!/usr/bin/env bash
# Latency A/B of two edge binaries on the running bench stack (`scripts/bench.sh up` in another terminal), as
# bench/ab.sh does for throughput: both edges use the stack's Redis, ledger and mock; the order flips every round.
#   - paced: wrk at a constant 400 requests/s over 4 connections for 3 s (bench/wrk/post.lua), p50 and p99;
#   - sequential: one request at a time over a kept-alive connection, the two edges alternating request by
#     request (BENCH_SEQUENTIAL, 400 each, 2 ms apart), time to the first byte of the answer's content (`data:`
#     for streams, the whole body otherwise), plain and streamed (4 chunks 2 ms apart), p50 and p90.
#
#   bench/ab-latency.sh OLD_BINARY NEW_BINARY [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n 2,9p "$0" >&2; exit 2; }
A=$1 B=$2 ROUNDS=${3:-6}
CFG=.run/bench/config.json
[ -f "$CFG" ] || { echo "ab-latency: no bench stack (run scripts/bench.sh up first)" >&2; exit 1; }
cfg() { python3 -c "import json,sys; c=json.load(open('$CFG')); print(eval(sys.argv[1]))" "$1"; }
KEY=$(cfg "c['key']") REDIS=$(cfg "c['redis_url']") SOCKET=$(cfg "c['ledger_socket']") DATA=$(cfg "c['data']")
BENCH_BODY_FILE=$(mktemp --suffix=.json)
echo '{"model":"bench/model","messages":[{"role":"user","content":"Hello! Say something short."}],"max_tokens":16}' >"$BENCH_BODY_FILE"
export BENCH_BODY_FILE BENCH_HEADERS="Authorization: Bearer $KEY"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -f "$BENCH_BODY_FILE"' EXIT
for pair in "$A 18371" "$B 18372"; do
    set -- $pair
    "$1" --listen "127.0.0.1:$2" --catalog "$DATA/catalog.yaml" --redis-url "$REDIS" --ledger-socket "$SOCKET" \
        --log-level warning >"$DATA/logs/ab-latency-$2.log" 2>&1 &
    pids+=($!)
done
sleep 2
for port in 18371 18372; do wrk -t2 -c4 -d1s -s bench/wrk/post.lua "http://127.0.0.1:$port/v1/chat/completions" >/dev/null; done
paced() {
    BENCH_THREADS=2 BENCH_RATE=400 wrk -t2 -c4 -d3s -s bench/wrk/post.lua "http://127.0.0.1:$1/v1/chat/completions" |
        sed -n 's/^BENCH_JSON //p' |
        python3 -c 'import json,sys; d=json.load(sys.stdin); l=d["latency_us"]; bad=sum(n for s,n in d["statuses"].items() if not s.startswith("2")); print("p50 %d p99 %d µs (%d requests, %d non-2xx)" % (l["p50"], l["p99"], d["requests"], bad))'
}
echo "A = $A, B = $B; paced 400 req/s over 4 connections, 3 s runs"
for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then a=$(paced 18371); b=$(paced 18372); else b=$(paced 18372); a=$(paced 18371); fi
    echo "round $round   A: $a   B: $b"
done
echo "sequential, time to the first byte of content (A = :18371, B = :18372)"
KEY=$KEY python3 - 18371 18372 <<'PY'
import json, os, socket, statistics, sys, time
key, ports, count = os.environ["KEY"], [int(p) for p in sys.argv[1:]], int(os.environ.get("BENCH_SEQUENTIAL", "400"))

def body(stream):
    content = "Hello!" + (" [[mock:chunks=4]][[mock:delay_ms=2]]" if stream else "")
    request = {"model": "bench/model", "messages": [{"role": "user", "content": content}], "max_tokens": 16}
    if stream:
        request.update(stream=True, stream_options={"include_usage": True})
    return json.dumps(request).encode()

def one(sock, data):
    head = (f"POST /v1/chat/completions HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\nAuthorization: Bearer {key}\r\n\r\n").encode()
    started, received, first = time.perf_counter(), b"", None
    sock.sendall(head + data)
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            raise SystemExit("ab-latency: connection closed")
        received += chunk
        if first is None and b"data:" in received:
            first = time.perf_counter()
        if b"data: [DONE]" in received and received.endswith(b"\r\n\r\n"):  # the last event, then the chunked end
            break
        headers, _, rest = received.partition(b"\r\n\r\n")
        if rest and b"content-length:" in headers.lower():
            length = int(headers.lower().split(b"content-length:")[1].split(b"\r\n")[0])
            if len(rest) >= length:
                first = first or time.perf_counter()
                break
    if not received.startswith(b"HTTP/1.1 200"):
        raise SystemExit(f"ab-latency: {received[:200]!r}")
    return (first - started) * 1e6

for stream in (False, True):
    sockets = {p: socket.create_connection(("127.0.0.1", p)) for p in ports}
    for s in sockets.values():
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    samples = {p: [] for p in ports}
    for i in range(count + 20):
        for p in ports:
            value = one(sockets[p], body(stream))
            if i >= 20:
                samples[p].append(value)
            time.sleep(0.002)
    print(("stream" if stream else "plain "), "  ".join(
        f"{'ABCDEF'[n]}: p50 {statistics.median(v):.0f} p90 {sorted(v)[len(v) * 9 // 10]:.0f} µs" for n, v in enumerate(samples.values())))
PY
