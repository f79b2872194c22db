/// The Lua scripts that run inside Redis. Each runs atomically, so a decision and its effects can never be
/// interleaved with another edge's request.
///
/// Money in Redis: `bal` is the account's PostgreSQL balance and `held` the sum of open holds; what may be
/// spent is `bal - held`. Both are integers in nano-dollars changed only with HINCRBY/HSET (exact int64).
/// The comparison `bal - held >= reserve` runs in Lua's doubles, which are exact below 2^53 nano-dollars
/// (about $9 million); a balance above that is treated as covering any request below 2^52 (docs/money.md).
enum Scripts {
    /// Admission: key status, expiry, allowed models, requests- and tokens-per-minute (GCRA), and a hold of
    /// the request's worst-case cost, decided and applied atomically.
    ///
    /// KEYS: ready, key record, account, holds, hold deadlines, rpm state, tpm state, holders set.
    /// ARGV: request id, model id, reserve nanos, admitted tokens, hold ttl ms, key id, account id.
    /// Returns `{code, ...}`; see ``AdmissionDecision``.
    static let admit = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return {2} end
        local k = redis.call('HMGET', KEYS[2], 'st', 'rpm', 'tpm', 'exp', 'models')
        if not k[1] then return {3} end
        if k[1] ~= 'a' then return {4} end
        local t = redis.call('TIME')
        local nowUs = tonumber(t[1]) * 1000000 + tonumber(t[2])
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
        local windowUs = 60000000
        local function gcra(key, limit, cost)
          if limit <= 0 then return true, 0, -1, 0, 0 end
          local interval = windowUs / limit
          local tat = tonumber(redis.call('GET', key)) or nowUs
          if tat < nowUs then tat = nowUs end
          local newTat = tat + interval * cost
          local allowAt = newTat - windowUs
          if allowAt > nowUs then
            return false, tat, math.max(0, math.floor((windowUs - (tat - nowUs)) / interval)), math.ceil((tat - nowUs) / 1000), math.ceil((allowAt - nowUs) / 1000)
          end
          return true, newTat, math.max(0, math.floor((windowUs - (newTat - nowUs)) / interval)), math.ceil((newTat - nowUs) / 1000), 0
        end
        local rpm = tonumber(k[2]) or 0
        local tpm = tonumber(k[3]) or 0
        local tokens = tonumber(ARGV[4])
        local rOk, rTat, rRem, rReset, rRetry = gcra(KEYS[6], rpm, 1)
        if not rOk then return {7, rRetry, rpm, rRem, rReset, tpm} end
        if tpm > 0 and tokens > tpm then return {10, 60000, rpm, rRem, rReset, tpm} end
        local tOk, tTat, tRem, tReset, tRetry = gcra(KEYS[7], tpm, tokens)
        if not tOk then return {8, tRetry, rpm, rRem, rReset, tpm, tRem, tReset} end
        local a = redis.call('HMGET', KEYS[3], 'bal', 'held')
        local bal = tonumber(a[1])
        if not bal then return {9, 0} end
        local held = tonumber(a[2]) or 0
        local reserve = tonumber(ARGV[3])
        if bal < 9007199254740992 and bal - held < reserve then return {9, bal - held} end
        if rpm > 0 then redis.call('SET', KEYS[6], string.format('%d', rTat), 'PX', math.ceil((rTat - nowUs) / 1000) + 1000) end
        if tpm > 0 then redis.call('SET', KEYS[7], string.format('%d', tTat), 'PX', math.ceil((tTat - nowUs) / 1000) + 1000) end
        local deadline = math.floor(nowUs / 1000) + tonumber(ARGV[5])
        redis.call('HINCRBY', KEYS[3], 'held', ARGV[3])
        redis.call('HSET', KEYS[4], ARGV[1], ARGV[3] .. '|' .. ARGV[6] .. '|' .. ARGV[4] .. '|' .. string.format('%d', deadline))
        redis.call('ZADD', KEYS[5], deadline, ARGV[1])
        redis.call('SADD', KEYS[8], ARGV[7])
        return {1, rpm, rRem, rReset, tpm, tRem, tReset, bal - held - reserve}
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
    /// Releasing is idempotent (a hold is deleted once; only that deletion lowers `held`), and the balance is
    /// versioned (an older version never overwrites a newer one), so replays and races between ledgers cannot
    /// double-count. KEYS: account, holds, hold deadlines. ARGV: balance or "", version or "", request ids...
    /// Returns the number of holds released.
    static let settle = """
        local released = 0
        for i = 3, #ARGV do
          local hold = redis.call('HGET', KEYS[2], ARGV[i])
          if hold then
            local amount = tonumber(string.match(hold, '^(%d+)')) or 0
            redis.call('HDEL', KEYS[2], ARGV[i])
            redis.call('ZREM', KEYS[3], ARGV[i])
            redis.call('HINCRBY', KEYS[1], 'held', string.format('%d', -amount))
            released = released + 1
          end
        end
        if ARGV[1] ~= '' then
          local current = tonumber(redis.call('HGET', KEYS[1], 'ver') or '-1')
          if tonumber(ARGV[2]) > current then
            redis.call('HSET', KEYS[1], 'bal', ARGV[1], 'ver', ARGV[2])
          end
        end
        return released
        """
}
