-- wrk script for `make bench`: POSTs one fixed body and reports the result as one JSON line.
--
-- Environment (read by every wrk thread):
--   BENCH_BODY_FILE   file with the request body (required)
--   BENCH_HEADERS     extra headers, "Name: value" separated by "|" (e.g. an Authorization header)
--   BENCH_RATE        if set: total requests per second across all connections (constant-rate mode, below)
--   BENCH_THREADS     wrk's -t, needed to split BENCH_RATE between threads (default 2)
--   BENCH_STOP_MS     if set: send no new request after this many ms (a run shorter than wrk's -d by a margin
--                     ends with nothing in flight, so the client's count of answers is exact)
--
-- Constant-rate mode approximates wrk2: each thread hands out send slots on a fixed schedule (1/rate apart
-- per thread, absolute times, so rounding to wrk's 1 ms timer resolution does not drift the rate) and a
-- connection that finishes early waits for its slot. Below saturation this measures latency without the
-- queueing of a closed loop. Unlike wrk2 it does not correct coordinated omission: when the server falls
-- behind, the schedule is reset rather than measured from the intended send time (the achieved rate is
-- reported, so such a run is visible).
--
-- response() counts HTTP statuses per thread; done() prints `BENCH_JSON {...}` with requests, statuses,
-- socket errors and latency percentiles (microseconds).

local function read_file(path)
    local f = assert(io.open(path, "rb"), "cannot open " .. tostring(path))
    local data = f:read("*a")
    f:close()
    return data
end

wrk.method = "POST"
wrk.body = read_file(os.getenv("BENCH_BODY_FILE"))
wrk.headers["Content-Type"] = "application/json"
local extra = os.getenv("BENCH_HEADERS") or ""
for header in string.gmatch(extra, "[^|]+") do
    local name, value = string.match(header, "^%s*([^:]+):%s*(.-)%s*$")
    if name then wrk.headers[name] = value end
end

-- Per-thread state (each wrk thread runs this file in its own Lua state).
statuses = {}

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

local rate = tonumber(os.getenv("BENCH_RATE") or "")
if rate and rate <= 0 then rate = nil end
local stop_ms = tonumber(os.getenv("BENCH_STOP_MS") or "")

if rate or stop_ms then
    local ffi = require("ffi")
    ffi.cdef [[
        typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
        int clock_gettime(int clock_id, bench_timespec *tp);
    ]]
    local ts = ffi.new("bench_timespec")
    local function now_ms()
        ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
        return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
    end
    local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
    local interval = rate and 1000 * threads / rate
    local started = nil
    local next_slot = nil

    function delay()
        local now = now_ms()
        if started == nil then started = now end
        -- Graceful end: no new request after BENCH_STOP_MS, so that nothing is in flight when wrk stops and
        -- every request the server answered is counted (wrk abandons requests in flight at the end).
        if stop_ms and now - started >= stop_ms then return 3600000 end
        if not interval then return 0 end
        if next_slot == nil or next_slot < now - interval then
            -- First request, or behind schedule by more than a slot: restart the schedule now.
            next_slot = now
        end
        local wait = next_slot - now
        next_slot = next_slot + interval
        if wait <= 0 then return 0 end
        return math.floor(wait + 0.5)
    end
end

-- Main Lua state: collect the threads so done() can read their status counts.
local threads = {}
function setup(thread)
    table.insert(threads, thread)
end

function done(summary, latency, requests)
    local counts = {}
    for _, thread in ipairs(threads) do
        local s = thread:get("statuses")
        if s then
            for status, n in pairs(s) do
                counts[status] = (counts[status] or 0) + n
            end
        end
    end
    local parts = {}
    for status, n in pairs(counts) do
        table.insert(parts, string.format('"%d":%d', status, n))
    end
    local e = summary.errors
    local out = string.format(
        'BENCH_JSON {"duration_us":%d,"requests":%d,"bytes":%d,"statuses":{%s},' ..
        '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
        '"latency_us":{"min":%d,"mean":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d}}',
        summary.duration, summary.requests, summary.bytes, table.concat(parts, ","),
        e.connect, e.read, e.write, e.status, e.timeout,
        latency.min, latency.mean, latency.max,
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9))
    io.write(out .. "\n")
end
