/// Names of every Redis key TokModel uses, in one place (docs/redis.md describes each).
///
/// Keys that one admission touches carry the account's hash tag `{a:ID}`, so that on a Redis Cluster they
/// share a slot and the admission script stays atomic. The key-hash → key-id mapping lives in its own slot;
/// the edge caches it (it never changes for a key).
public enum RedisLayout {
    /// Present once Redis holds a complete view rebuilt from PostgreSQL. Absent after a wipe: the edge then
    /// answers 503 instead of 401 for keys it cannot see yet.
    public static let ready = "tm:ready"
    /// Lock taken by the ledger that rebuilds Redis.
    public static let rebuildLock = "tm:rebuild:lock"
    /// Pub/sub channel announcing key, limit and balance changes to edges' local caches.
    public static let invalidationChannel = "tm:invalidate"

    /// `tm:kh:<sha256 hex>` → `"<account id>:<key id>"`.
    public static func keyHash(_ hashHex: String) -> String { "tm:kh:" + hashHex }

    public static func tag(_ account: Int64) -> String { "{a:\(account)}" }

    /// Hash: configuration `st` (a active / r revoked), `rpm`, `tpm`, `conc` (0 = unlimited), `exp` (unix ms,
    /// 0 = never), `models` (comma-separated ids or `provider/*` patterns; empty = all), spend limits `lim_t`,
    /// `lim_d`, `lim_m` (nano-dollars, 0 = none); spend `sp_t`, `sp_d`/`sp_did`, `sp_m`/`sp_mid`, `sp_v`
    /// (versioned, from PostgreSQL); live counters `held` (nano-dollars) and `infl` (requests in flight); the
    /// limiter's GCRA states `rl_r` and `rl_t` (theoretical arrival time in µs of the RPM and TPM limits).
    public static func keyRecord(account: Int64, key: Int64) -> String { tag(account) + ":k:\(key)" }
    /// Hash: `bal` (PostgreSQL balance, nano-dollars), `ver` (its version), `held` (sum of open holds), `infl`
    /// (requests in flight), the account's limits `rpm`, `tpm`, `conc` (0 = unlimited), and the GCRA states of
    /// the account-wide limits `rl_r`, `rl_t`.
    public static func account(_ account: Int64) -> String { tag(account) + ":acct" }
    /// Hash: request id → `"<reserved nanos>|<key id>|<admitted tokens>|<deadline unix ms>"`.
    public static func holds(_ account: Int64) -> String { tag(account) + ":holds" }
    /// Sorted set: request id scored by its hold's deadline, for the sweeper.
    public static func holdDeadlines(_ account: Int64) -> String { tag(account) + ":hdl" }
    /// Set of account ids with open holds, for the sweeper to visit.
    public static let accountsWithHolds = "tm:holders"
}
