import Foundation
public import Governance
public import Logging
public import PostgresClient
import RedisClient
public import ServiceLifecycle
import TokModelCore

/// Keeps Redis' view complete: rebuilds it from PostgreSQL at start and whenever it comes back empty.
///
/// Redis is a cache the edge reads on every request; PostgreSQL is the truth. When the readiness marker
/// (`tm:ready`) is missing — a fresh Redis, a restart without persistence, a wipe — the edge answers 503 and
/// this service copies every account's balance (with its version) and every key's record into Redis, then
/// sets the marker. Both writes are idempotent and versioned, so a rebuild racing with settlements or with
/// another ledger's rebuild cannot leave an older balance behind. Holds lost in a wipe are simply gone: the
/// requests they covered settle later without a hold to release.
public struct RedisSynchronizer: Service {
    let pool: PostgresPool
    let governance: GovernanceStore
    let logger: Logger
    /// How often to check the marker. Defaults to 1 s.
    let checkInterval: Duration
    /// How often to copy everything again even when Redis looks whole, repairing any update a crash lost
    /// (all writes are versioned or idempotent, so this is always safe). Defaults to 30 s.
    let fullSyncInterval: Duration

    public init(
        pool: PostgresPool, governance: GovernanceStore, logger: Logger, checkInterval: Duration = .seconds(1),
        fullSyncInterval: Duration = .seconds(30)
    ) {
        self.pool = pool
        self.governance = governance
        self.logger = logger
        self.checkInterval = checkInterval
        self.fullSyncInterval = fullSyncInterval
    }

    public func run() async throws {
        var lastFullSync: ContinuousClock.Instant?
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                // At start, always resynchronise (the ledger may have missed updates while it was down).
                if lastFullSync == nil {
                    try await rebuild(reason: "startup")
                    lastFullSync = .now
                } else if !(try await governance.isReady()) {
                    try await rebuild(reason: "readiness marker missing")
                    lastFullSync = .now
                } else if let last = lastFullSync, ContinuousClock.now - last >= fullSyncInterval {
                    try await rebuild(reason: "periodic", quiet: true)
                    lastFullSync = .now
                }
            } catch {
                logger.warning("redis synchronisation failed; retrying", metadata: ["ledger.error": "\(error)"])
            }
            try? await Task.sleep(for: checkInterval)
        }
    }

    /// Copies balances and keys from PostgreSQL into Redis, then marks Redis ready.
    public func rebuild(reason: String, quiet: Bool = false) async throws {
        let lockValue = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))"
        let locked = try await governance.redis.send(["SET", RedisArgument(RedisLayout.rebuildLock), RedisArgument(lockValue), "NX", "PX", "60000"])
        guard locked.string == "OK" else {
            logger.debug("another ledger is rebuilding redis")
            return
        }
        defer {
            // Delete the lock only if it is still ours (it may have expired and been taken by another ledger).
            Task { [governance] in
                _ = try? await governance.redis.send([
                    "EVAL", "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", "1",
                    RedisArgument(RedisLayout.rebuildLock), RedisArgument(lockValue),
                ])
            }
        }
        let started = ContinuousClock.now
        let (accounts, keys, spends) = try await pool.withConnection { db in (try db.accounts(), try db.keys(), try db.keySpends()) }
        try await forEach(accounts) { account in
            try await governance.settle(accountID: account.id, balance: account.balance, version: account.version, releasing: [])
            try await governance.putAccountLimits(
                accountID: account.id, requestsPerMinute: account.requestsPerMinute, tokensPerMinute: account.tokensPerMinute,
                maxConcurrent: account.maxConcurrent)
        }
        try await forEach(keys) { key in try await governance.putKey(key.governanceRecord) }
        let spendEntries = spends.map { SpendEntry(keyID: $0.keyID, accountID: $0.accountID, spend: $0.spend) }
        try await forEach(spendEntries) { entry in
            try await governance.putKeySpend(accountID: entry.accountID, keyID: entry.keyID, spend: entry.spend)
        }
        try await governance.markReady(generation: "\(Int64(Date().timeIntervalSince1970 * 1000))")
        if quiet { return }
        logger.info(
            "redis view rebuilt from postgres",
            metadata: [
                "ledger.reason": "\(reason)", "ledger.accounts": "\(accounts.count)", "ledger.keys": "\(keys.count)",
                "ledger.duration": "\(ContinuousClock.now - started)",
            ])
    }

    struct SpendEntry: Sendable {
        var keyID: Int64
        var accountID: Int64
        var spend: GovernanceStore.KeySpend
    }

    /// Runs `body` for every element, up to 256 at a time (the Redis client pipelines them).
    func forEach<T: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) async throws -> Void) async throws {
        var index = 0
        while index < items.count {
            let chunk = items[index..<min(index + 256, items.count)]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for item in chunk { group.addTask { try await body(item) } }
                try await group.waitForAll()
            }
            index += chunk.count
        }
    }
}
