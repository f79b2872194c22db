/// The Lua scripts that run inside Redis. Each runs atomically, so a decision and its effects can never be
/// interleaved with another edge's request.
///
/// Money in Redis: `bal` is the account's PostgreSQL balance and `held` the sum of open holds; what may be
/// spent is `bal - held`. Both are integers in nano-dollars changed only with HINCRBY/HSET (exact int64).
/// The comparison `bal - held >= reserve` runs in Lua's doubles, which are exact below 2^53 nano-dollars
/// (about $9 million); a balance above that is treated as covering any request below 2^52 (docs/money.md).
/// Scripts build the names of an account's keys from its hash tag (all in one cluster slot).
enum Scripts {
    /// Shared Lua: the clock, UTC calendar ids, and the GCRA limiter.
    static let prelude = """
        local t = redis.call('TIME')
        local nowUs = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local windowUs = 60000000
        -- Days since 1970-01-01 to a civil date (H. Hinnant's algorithm), for UTC day and month ids.
        local function civil(days)
          local z = days + 719468
          local era = math.floor(z / 146097)
          local doe = z - era * 146097
          local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
          local y = yoe + era * 400
          local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
          local mp = math.floor((5 * doy + 2) / 153)
          local d = doy - math.floor((153 * mp + 2) / 5) + 1
          local m = mp < 10 and mp + 3 or mp - 9
          if m <= 2 then y = y + 1 end
          return y, m, d
        end
        -- GCRA: `limit` per minute, bursts up to `limit`; `stored` is the theoretical arrival time (µs) kept in
        -- a hash field, or nil. Returns ok, new state, remaining, reset ms, retry ms.
        local function gcra(stored, limit, cost)
          if limit <= 0 then return true, 0, -1, 0, 0 end
          local interval = windowUs / limit
          local tat = tonumber(stored) or nowUs
          if tat < nowUs then tat = nowUs end
          local newTat = tat + interval * cost
          local allowAt = newTat - windowUs
          if allowAt > nowUs then
            return false, tat, math.max(0, math.floor((windowUs - (tat - nowUs)) / interval)), math.ceil((tat - nowUs) / 1000), math.ceil((allowAt - nowUs) / 1000)
          end
          return true, newTat, math.max(0, math.floor((windowUs - (newTat - nowUs)) / interval)), math.ceil((newTat - nowUs) / 1000), 0
        end
        -- Integers go to Redis as '%d' strings: Redis would print a Lua number with 14 significant digits.
        local function int(x) return string.format('%d', x) end
        """

    /// Admission: key status, expiry, allowed models, concurrency (key, account), requests and tokens per
    /// minute (key, account; GCRA), the credit hold, and the key's spend limits (total, UTC day, UTC month),
    /// decided and then applied atomically. A refused request changes nothing.
    ///
    /// The limiter's states live in the key and account hashes (`rl_r`, `rl_t`), so one HMGET per hash reads
    /// everything the decision needs and one HSET per hash writes it back.
    ///
    /// KEYS: ready, key record, account, holds, hold deadlines, holders set.
    /// ARGV: request id, model id, reserve nanos, admitted tokens, hold ttl ms, key id, account id.
    /// Returns `{code, ...}`; see ``GovernanceStore/admit(_:)``.
    static let admit = prelude + "\n" + """
        if redis.call('EXISTS', KEYS[1]) == 0 then return {2} end
        local k = redis.call('HMGET', KEYS[2], 'st', 'rpm', 'tpm', 'exp', 'models', 'conc', 'lim_t', 'lim_d', 'lim_m',
                             'sp_t', 'sp_d', 'sp_did', 'sp_m', 'sp_mid', 'held', 'infl', 'rl_r', 'rl_t')
        if not k[1] then return {3} end
        if k[1] ~= 'a' then return {4} end
        local exp = tonumber(k[4]) or 0
        if exp > 0 and nowUs >= exp * 1000 then return {5} end
        local models = k[5]
        if models and models ~= '' then
          local model = ARGV[2]
          local allowed = false
          for pattern in string.gmatch(models, '[^,]+') do
            if pattern == model or pattern == '*' then allowed = true break end
            if string.sub(pattern, -2) == '/*' and string.sub(model, 1, #pattern - 1) == string.sub(pattern, 1, -2) then allowed = true break end
          end
          if not allowed then return {6} end
        end
        local a = redis.call('HMGET', KEYS[3], 'bal', 'held', 'rpm', 'tpm', 'conc', 'infl', 'rl_r', 'rl_t')
        local kConc, kInfl = tonumber(k[6]) or 0, tonumber(k[16]) or 0
        if kConc > 0 and kInfl >= kConc then return {11, kConc, 1} end
        local aConc, aInfl = tonumber(a[5]) or 0, tonumber(a[6]) or 0
        if aConc > 0 and aInfl >= aConc then return {11, aConc, 2} end

        local tokens = tonumber(ARGV[4])
        local rpm, tpm = tonumber(k[2]) or 0, tonumber(k[3]) or 0
        local arpm, atpm = tonumber(a[3]) or 0, tonumber(a[4]) or 0
        local rOk, rTat, rRem, rReset, rRetry = gcra(k[17], rpm, 1)
        if not rOk then return {7, rRetry, rpm, rRem, rReset, tpm} end
        local arOk, arTat, arRem, arReset, arRetry = gcra(a[7], arpm, 1)
        if not arOk then return {7, arRetry, arpm, arRem, arReset, atpm} end
        if tpm > 0 and tokens > tpm then return {10, 60000, rpm, rRem, rReset, tpm} end
        if atpm > 0 and tokens > atpm then return {10, 60000, arpm, arRem, arReset, atpm} end
        local tOk, tTat, tRem, tReset, tRetry = gcra(k[18], tpm, tokens)
        if not tOk then return {8, tRetry, rpm, rRem, rReset, tpm, tRem, tReset} end
        local atOk, atTat, atRem, atReset, atRetry = gcra(a[8], atpm, tokens)
        if not atOk then return {8, atRetry, arpm, arRem, arReset, atpm, atRem, atReset} end

        local bal = tonumber(a[1])
        if not bal then return {9, 0} end
        local held = tonumber(a[2]) or 0
        local reserve = tonumber(ARGV[3])
        if bal < 9007199254740992 and bal - held < reserve then return {9, bal - held} end

        -- What is left once this request is held (-1: nothing limits it), for the edge's prediction of the
        -- key's next admission (docs/architecture.md, "Speculative dispatch"): money (the balance, then the
        -- key's spend limits), requests and tokens (key and account limits), requests in flight.
        local function tighter(room, v) if room < 0 or v < room then return math.max(0, v) end return room end
        local moneyRoom = (bal < 9007199254740992) and math.max(0, bal - held - reserve) or -1
        local limT, limD, limM = tonumber(k[7]) or 0, tonumber(k[8]) or 0, tonumber(k[9]) or 0
        if limT > 0 or limD > 0 or limM > 0 then
          local y, m, d = civil(math.floor(nowUs / 86400000000))
          local dayId, monthId = string.format('%04d%02d%02d', y, m, d), string.format('%04d%02d', y, m)
          local kHeld = tonumber(k[15]) or 0
          local spentT = tonumber(k[10]) or 0
          local spentD = (k[12] == dayId) and (tonumber(k[11]) or 0) or 0
          local spentM = (k[14] == monthId) and (tonumber(k[13]) or 0) or 0
          if limT > 0 and spentT + kHeld + reserve > limT then return {12, limT, 1, spentT} end
          if limD > 0 and spentD + kHeld + reserve > limD then return {12, limD, 2, spentD} end
          if limM > 0 and spentM + kHeld + reserve > limM then return {12, limM, 3, spentM} end
          if limT > 0 then moneyRoom = tighter(moneyRoom, limT - spentT - kHeld - reserve) end
          if limD > 0 then moneyRoom = tighter(moneyRoom, limD - spentD - kHeld - reserve) end
          if limM > 0 then moneyRoom = tighter(moneyRoom, limM - spentM - kHeld - reserve) end
        end
        local requestRoom, tokenRoom, flightRoom = -1, -1, -1
        if rpm > 0 then requestRoom = tighter(requestRoom, rRem) end
        if arpm > 0 then requestRoom = tighter(requestRoom, arRem) end
        if tpm > 0 then tokenRoom = tighter(tokenRoom, tRem) end
        if atpm > 0 then tokenRoom = tighter(tokenRoom, atRem) end
        if kConc > 0 then flightRoom = tighter(flightRoom, kConc - kInfl - 1) end
        if aConc > 0 then flightRoom = tighter(flightRoom, aConc - aInfl - 1) end

        -- A request id is held once: a second admission under the same id would count its hold twice.
        if redis.call('HEXISTS', KEYS[4], ARGV[1]) == 1 then return {13} end
        local deadline = math.floor(nowUs / 1000) + tonumber(ARGV[5])
        -- `held` stays HINCRBY (exact int64 in Redis); the small counters and the limiter states are written
        -- from the values read above, all in one HSET per hash (the script runs atomically).
        redis.call('HINCRBY', KEYS[2], 'held', ARGV[3])
        redis.call('HSET', KEYS[2], 'infl', int(kInfl + 1), 'rl_r', int(rpm > 0 and rTat or 0), 'rl_t', int(tpm > 0 and tTat or 0))
        redis.call('HINCRBY', KEYS[3], 'held', ARGV[3])
        redis.call('HSET', KEYS[3], 'infl', int(aInfl + 1), 'rl_r', int(arpm > 0 and arTat or 0), 'rl_t', int(atpm > 0 and atTat or 0))
        redis.call('HSET', KEYS[4], ARGV[1], ARGV[3] .. '|' .. ARGV[6] .. '|' .. ARGV[4] .. '|' .. int(deadline))
        redis.call('ZADD', KEYS[5], deadline, ARGV[1])
        redis.call('SADD', KEYS[6], ARGV[7])
        -- Report the key's limits, or the account's where the key has none.
        if rpm <= 0 and arpm > 0 then rpm, rRem, rReset = arpm, arRem, arReset end
        if tpm <= 0 and atpm > 0 then tpm, tRem, tReset = atpm, atRem, atReset end
        return {1, rpm, rRem, rReset, tpm, tRem, tReset, moneyRoom, requestRoom, tokenRoom, flightRoom}
        """

    /// Key lookup by hash. KEYS: key-hash mapping, ready. Returns `{1, "acct:key"}`, `{3}` unknown, `{2}` not ready.
    static let lookup = """
        if redis.call('EXISTS', KEYS[2]) == 0 then return {2} end
        local v = redis.call('GET', KEYS[1])
        if not v then return {3} end
        return {1, v}
        """

    /// Releases holds and, when given, stores a newer PostgreSQL balance, in one step per account.
    ///
    /// Releasing is idempotent (a hold is deleted once; only that deletion lowers `held` and the in-flight
    /// counts), and the balance is versioned (an older version never overwrites a newer one), so replays and
    /// races between ledgers cannot double-count. When a release carries the request's real token count, the
    /// tokens-per-minute states (key and account) are corrected by the difference from the admission estimate.
    ///
    /// The holds of a batch are read with one HMGET and deleted with one HDEL and one ZREM; the account's and
    /// each key's counters are changed once per batch with the batch's sums (GCRA is linear in the cost, so one
    /// correction by the sum equals the corrections one by one). Sums of nano-dollars are flushed before they
    /// could reach 2^52, so the doubles stay exact integers.
    ///
    /// KEYS: account, holds, hold deadlines, holders set.
    /// ARGV: balance or "", version or "", account hash tag, account id, n, n request ids, n token counts ("-" = none).
    /// Returns the number of holds released.
    static let settle = prelude + "\n" + """
        local tag, n = ARGV[3], tonumber(ARGV[5])
        local exactBelow = 4503599627370496
        local function chunked(command, key, list)
          local replies = {}
          for first = 1, #list, 1000 do
            local reply = redis.call(command, key, unpack(list, first, math.min(first + 999, #list)))
            if type(reply) == 'table' then
              for _, value in ipairs(reply) do replies[#replies + 1] = value end
            end
          end
          return replies
        end
        -- One counter set per hash: nano-dollars released, requests released, token correction.
        local function changes() return {held = 0, count = 0, tokens = 0} end
        local function flushHeld(key, c)
          if c.held ~= 0 then redis.call('HINCRBY', key, 'held', int(-c.held)) c.held = 0 end
        end
        local function addHeld(key, c, amount)
          if c.held + amount >= exactBelow then flushHeld(key, c) end
          c.held = c.held + amount
        end
        -- Applies a hash's changes: `held` with HINCRBY (exact), the in-flight count and the corrected TPM
        -- state in one HSET from the values read.
        local function apply(key, c)
          flushHeld(key, c)
          if c.count == 0 and c.tokens == 0 then return end
          local r = redis.call('HMGET', key, 'infl', 'tpm', 'rl_t')
          local fields = {'infl', int((tonumber(r[1]) or 0) - c.count)}
          local tpm, tat = tonumber(r[2]) or 0, tonumber(r[3])
          if c.tokens ~= 0 and tpm > 0 and tat then
            fields[3], fields[4] = 'rl_t', int(tat + c.tokens * windowUs / tpm)
          end
          redis.call('HSET', key, unpack(fields))
        end

        local ids = {}
        for i = 1, n do ids[i] = ARGV[5 + i] end
        local holds = n > 0 and chunked('HMGET', KEYS[2], ids) or {}
        local gone, seen, account, keys = {}, {}, changes(), {}
        for i = 1, n do
          local hold = holds[i]
          -- A batch may name a request twice (a replayed spool): its hold is released once.
          if hold and not seen[ids[i]] then
            seen[ids[i]] = true
            local amount, kid, admitted = string.match(hold, '^(%d+)|(%d+)|(%d+)|')
            amount = tonumber(amount) or 0
            gone[#gone + 1] = ids[i]
            addHeld(KEYS[1], account, amount)
            account.count = account.count + 1
            if kid then
              local record = tag .. ':k:' .. kid
              local c = keys[record]
              if not c then c = changes() keys[record] = c end
              addHeld(record, c, amount)
              c.count = c.count + 1
              local actual = ARGV[5 + n + i]
              if actual and actual ~= '-' then
                local delta = tonumber(actual) - tonumber(admitted)
                c.tokens = c.tokens + delta
                account.tokens = account.tokens + delta
              end
            end
          end
        end
        if #gone > 0 then
          chunked('HDEL', KEYS[2], gone)
          chunked('ZREM', KEYS[3], gone)
        end
        for record, c in pairs(keys) do apply(record, c) end
        apply(KEYS[1], account)
        if redis.call('HLEN', KEYS[2]) == 0 then redis.call('SREM', KEYS[4], ARGV[4]) end
        if ARGV[1] ~= '' then
          local current = tonumber(redis.call('HGET', KEYS[1], 'ver') or '-1')
          if tonumber(ARGV[2]) > current then
            redis.call('HSET', KEYS[1], 'bal', ARGV[1], 'ver', ARGV[2])
          end
        end
        return #gone
        """

    /// Stores a key's spend (total, UTC day, UTC month) if its version is newer. KEYS: key record.
    /// ARGV: total, day amount, day id, month amount, month id, version.
    static let keySpend = """
        local current = tonumber(redis.call('HGET', KEYS[1], 'sp_v') or '-1')
        if tonumber(ARGV[6]) <= current then return 0 end
        redis.call('HSET', KEYS[1], 'sp_t', ARGV[1], 'sp_d', ARGV[2], 'sp_did', ARGV[3], 'sp_m', ARGV[4], 'sp_mid', ARGV[5], 'sp_v', ARGV[6])
        return 1
        """

    /// Moves the deadline of existing holds (a settlement spooled while PostgreSQL is down keeps its hold
    /// until the spool drains). KEYS: holds, hold deadlines. ARGV: deadline ms, request ids…
    static let extendHolds = """
        local moved = 0
        for i = 2, #ARGV do
          local hold = redis.call('HGET', KEYS[1], ARGV[i])
          if hold then
            local head = string.match(hold, '^(%d+|%d+|%d+)|')
            if head then
              redis.call('HSET', KEYS[1], ARGV[i], head .. '|' .. ARGV[1])
              redis.call('ZADD', KEYS[2], ARGV[1], ARGV[i])
              moved = moved + 1
            end
          end
        end
        return moved
        """
}
