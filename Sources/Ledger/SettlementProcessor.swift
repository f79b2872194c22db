public import Governance
public import LedgerProtocol
public import Logging
public import PostgresClient
public import ServiceLifecycle
import Synchronization
public import TokModelCore

/// Turns settlements from every edge connection into PostgreSQL writes, with group commit.
///
/// Settlements that arrive while a batch is being written wait and go together in the next one: one statement
/// and one transaction per batch, however many edges and requests. A settlement is acknowledged only once it
/// is durable: committed, or (when PostgreSQL is unreachable) fsynced to the ``Spool``. After a commit the
/// Redis view is brought up to date: the holds of the settled requests are released and the accounts' new
/// balances stored (both idempotent, see `Scripts.settle`).
public final class SettlementProcessor: SettlementHandler, Service, Sendable {
    public struct Configuration: Sendable {
        /// Most settlements written in one statement. Defaults to 2000.
        public var maxBatch = 2_000
        /// While PostgreSQL is unreachable, how often to try it again (spooling meanwhile). Defaults to 1 s.
        public var retryInterval: Duration = .seconds(1)
        /// Group commit: when fewer than `lingerBelow` settlements wait, wait this long for more before
        /// writing. A commit costs PostgreSQL far more than a row (a batch of one cost ~0.5 ms of its CPU on the
        /// bench machine, a row in a batch of 1000 ~25 µs), so this turns one commit per request into one per
        /// dozens or hundreds, at the price of milliseconds before the settlement is acknowledged. The client
        /// is not waiting: its answer went out before settlement, and its hold covers the request meanwhile.
        /// Only a batch of `lingerBelow` or more is written at once. An edge sends its next frame only once
        /// the previous one is acknowledged, so the wait paces the edges: their settlements gather in the
        /// edge meanwhile and the next frame carries them all (about the request rate × the cycle).
        /// Measured on the bench machine (`bench/ab-ledger.sh`, docs/performance.md): 20 ms below 256 against
        /// 10 ms below 64 — at 32 connections (~7k requests/s) PostgreSQL CPU per request 33 → 28 µs and the
        /// ledger's 15 → 12; at 4 connections 46 → 38 and 24 → 17.
        public var groupCommitDelay: Duration = .milliseconds(20)
        public var lingerBelow = 256
        public init() {}
    }

    struct Waiter {
        var settlements: [Settlement]
        var continuation: CheckedContinuation<[SettleResult], Never>
    }

    struct State {
        var waiting: [Waiter] = []
        /// Redis updates that failed; retried every tick.
        var redisBacklog: [RedisUpdate] = []
        var stats = Statistics()
    }

    /// Counters for operations and tests.
    public struct Statistics: Sendable, Equatable {
        public var committed = 0
        public var spooled = 0
        public var drained = 0
        public var rejected = 0
        public var batches = 0
    }

    /// One account's Redis work after a commit: holds to release (with real token counts), its new balance,
    /// and the new spend of its keys.
    struct RedisUpdate: Sendable {
        var accountID: Int64
        var balance: BalanceUpdate?
        var releases: [GovernanceStore.Release]
        var keySpends: [(keyID: Int64, spend: GovernanceStore.KeySpend)] = []
    }

    let configuration: Configuration
    let pool: PostgresPool
    let governance: GovernanceStore
    let catalog: Catalog
    let spool: Spool
    /// The spool's blocking writes, reads and truncations run here, never on the cooperative pool.
    let spoolWork = FileWork(label: "tokmodel.ledger.spool")
    let logger: Logger
    let state = Mutex(State())
    let wake: AsyncStream<Void>
    let wakeContinuation: AsyncStream<Void>.Continuation

    public init(configuration: Configuration = Configuration(), pool: PostgresPool, governance: GovernanceStore, catalog: Catalog, spool: Spool, logger: Logger) {
        self.configuration = configuration
        self.pool = pool
        self.governance = governance
        self.catalog = catalog
        self.spool = spool
        self.logger = logger
        (wake, wakeContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    public var statistics: Statistics { state.withLock { $0.stats } }

    // MARK: SettlementHandler

    public func settle(_ settlements: [Settlement]) async -> [SettleResult] {
        guard !settlements.isEmpty else { return [] }
        return await withCheckedContinuation { continuation in
            state.withLock { $0.waiting.append(Waiter(settlements: settlements, continuation: continuation)) }
            wakeContinuation.yield()
        }
    }

    // MARK: Service

    public func run() async throws {
        var postgresDownSince: ContinuousClock.Instant?
        var lastAttempt = ContinuousClock.now - .seconds(60)
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                wakeContinuation.yield()
            }
        }
        defer { ticker.cancel() }
        var iterator = wake.makeAsyncIterator()
        var lastMaintenance = ContinuousClock.now
        while true {
            // Maintenance (spool drain, Redis retries) runs at least once a second, also under steady traffic.
            if ContinuousClock.now - lastMaintenance >= .seconds(1) {
                await maintenance(postgresDownSince: &postgresDownSince, lastAttempt: &lastAttempt)
                lastMaintenance = .now
            }
            if configuration.groupCommitDelay > .zero, (1..<configuration.lingerBelow).contains(waitingCount()) {
                try? await Task.sleep(for: configuration.groupCommitDelay)
            }
            let waiters = takeWaiters()
            if waiters.isEmpty {
                if Task.isShuttingDownGracefully || Task.isCancelled { break }
                await maintenance(postgresDownSince: &postgresDownSince, lastAttempt: &lastAttempt)
                lastMaintenance = .now
                _ = await iterator.next()
                continue
            }
            let postgresUsable = postgresDownSince == nil || ContinuousClock.now - lastAttempt >= configuration.retryInterval
            await process(waiters, tryPostgres: postgresUsable, postgresDownSince: &postgresDownSince, lastAttempt: &lastAttempt)
        }
        // Graceful shutdown: everything received has been answered above; flush what Redis still lacks.
        await retryRedisBacklog()
    }

    func waitingCount() -> Int {
        state.withLock { $0.waiting.reduce(0) { $0 + $1.settlements.count } }
    }

    func takeWaiters() -> [Waiter] {
        state.withLock { state in
            var taken: [Waiter] = []
            var count = 0
            while let first = state.waiting.first, count == 0 || count + first.settlements.count <= configuration.maxBatch {
                taken.append(first)
                count += first.settlements.count
                state.waiting.removeFirst()
            }
            return taken
        }
    }

    func process(_ waiters: [Waiter], tryPostgres: Bool, postgresDownSince: inout ContinuousClock.Instant?, lastAttempt: inout ContinuousClock.Instant) async {
        var results: [String: SettleResult.Status] = [:]
        var batch: [PricedSettlement] = []
        var invalid: [Settlement] = []
        var seen = Set<String>()
        for waiter in waiters {
            for settlement in waiter.settlements {
                if let problem = Self.validate(settlement) {
                    logger.error("settlement rejected", metadata: ["gw.request.id": "\(settlement.requestID)", "ledger.reason": "\(problem)"])
                    results[settlement.requestID] = .rejected
                    invalid.append(settlement)
                } else if seen.insert(settlement.requestID).inserted {
                    batch.append(PricedSettlement(settlement: settlement, prices: catalog.models[settlement.model]?.prices ?? settlement.prices))
                }
            }
        }

        if !invalid.isEmpty, invalid.allSatisfy({ $0.accountID > 0 }) { await releaseRejected(invalid) }
        var committed = false
        if tryPostgres, !batch.isEmpty {
            lastAttempt = .now
            do {
                let (updates, rejected) = try await commit(batch)
                committed = true
                if postgresDownSince != nil {
                    logger.info("postgres reachable again")
                    postgresDownSince = nil
                }
                for item in batch { results[item.settlement.requestID] = rejected.contains(item.settlement.requestID) ? .rejected : .committed }
                state.withLock {
                    $0.stats.committed += batch.count - rejected.count
                    $0.stats.rejected += rejected.count
                    $0.stats.batches += 1
                }
                await applyToRedis(batch.filter { !rejected.contains($0.settlement.requestID) }.map(\.settlement), updates: updates)
                await releaseRejected(batch.map(\.settlement).filter { rejected.contains($0.requestID) })
            } catch {
                if postgresDownSince == nil {
                    logger.error("postgres unavailable; spooling settlements", metadata: ["ledger.error": "\(error)"])
                    postgresDownSince = .now
                }
            }
        }
        if !committed, !batch.isEmpty {
            do {
                let settlements = batch.map(\.settlement)
                try await spoolWork.run { [spool] in try spool.append(settlements) }
                for item in batch { results[item.settlement.requestID] = .spooled }
                await keepHoldsWhileSpooled(settlements)
                state.withLock { $0.stats.spooled += batch.count }
            } catch {
                // Neither PostgreSQL nor the disk: acknowledge nothing; the edges keep the settlements and retry.
                logger.critical("cannot spool settlements", metadata: ["ledger.error": "\(error)"])
                for waiter in waiters {
                    waiter.continuation.resume(returning: [])
                }
                return
            }
        }
        for waiter in waiters {
            waiter.continuation.resume(returning: waiter.settlements.map { SettleResult(requestID: $0.requestID, status: results[$0.requestID] ?? .rejected) })
        }
    }

    /// Writes a batch; when PostgreSQL refuses it because of its data (a constraint or a data exception,
    /// which means a bad settlement), splits it to isolate and reject the culprits. Any other refusal (a
    /// read-only standby, a deadlock, a full disk, a schema mismatch) says nothing about the settlements: it is
    /// thrown, so that the batch is spooled and retried instead of being rejected and lost.
    func commit(_ batch: [PricedSettlement]) async throws -> (SettledBatch, Set<String>) {
        do {
            let settled = try await pool.withConnection { db in try db.settleBatchDetailed(batch) }
            return (settled, [])
        } catch let error as PostgresError where Self.isCausedByData(error) {
            if batch.count == 1 {
                logger.error("settlement refused by postgres", metadata: ["gw.request.id": "\(batch[0].settlement.requestID)", "ledger.error": "\(error)"])
                return (SettledBatch(accounts: [], keys: []), [batch[0].settlement.requestID])
            }
            let middle = batch.count / 2
            let (first, rejectedFirst) = try await commit(Array(batch[..<middle]))
            let (second, rejectedSecond) = try await commit(Array(batch[middle...]))
            return (SettledBatch(accounts: first.accounts + second.accounts, keys: first.keys + second.keys), rejectedFirst.union(rejectedSecond))
        }
    }

    /// SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation): errors a settlement's
    /// content can cause.
    static func isCausedByData(_ error: PostgresError) -> Bool {
        guard !error.isConnectionFailure, let state = error.sqlState else { return false }
        return state.hasPrefix("22") || state.hasPrefix("23")
    }

    static func validate(_ s: Settlement) -> String? {
        if s.requestID.isEmpty || s.requestID.utf8.count > 128 { return "invalid request id" }
        if s.accountID <= 0 || s.keyID <= 0 { return "invalid account or key id" }
        let u = s.usage
        if u.inputTokens < 0 || u.outputTokens < 0 || u.cachedInputTokens < 0 || u.cacheWriteInputTokens < 0 || u.reasoningTokens < 0 {
            return "negative token count"
        }
        if u.cachedInputTokens + u.cacheWriteInputTokens > u.inputTokens { return "cached tokens exceed input tokens" }
        if s.reservation.nanos < 0 { return "negative reservation" }
        return nil
    }

    // MARK: Redis view

    /// Releases the holds of committed settlements and stores new balances, one script call per account,
    /// sent concurrently (the Redis client pipelines them).
    func applyToRedis(_ settlements: [Settlement], updates settled: SettledBatch) async {
        var byAccount: [Int64: RedisUpdate] = [:]
        var accountOfKey: [Int64: Int64] = [:]
        for settlement in settlements {
            accountOfKey[settlement.keyID] = settlement.accountID
            byAccount[settlement.accountID, default: RedisUpdate(accountID: settlement.accountID, balance: nil, releases: [])]
                .releases.append(.init(requestID: settlement.requestID, tokens: settlement.usage.totalTokens))
        }
        for update in settled.accounts {
            byAccount[update.accountID, default: RedisUpdate(accountID: update.accountID, balance: nil, releases: [])].balance = update
        }
        for key in settled.keys {
            guard let account = accountOfKey[key.keyID] else { continue }
            let spend = GovernanceStore.KeySpend(
                total: key.total, today: key.today, dayID: key.dayID, thisMonth: key.thisMonth, monthID: key.monthID, version: key.version)
            byAccount[account, default: RedisUpdate(accountID: account, balance: nil, releases: [])].keySpends.append((key.keyID, spend))
        }
        await send(Array(byAccount.values))
    }

    /// A rejected settlement will never be billed; its hold goes back at once rather than at its deadline.
    func releaseRejected(_ settlements: [Settlement]) async {
        guard !settlements.isEmpty else { return }
        await send(Dictionary(grouping: settlements, by: \.accountID).map { account, items in
            RedisUpdate(accountID: account, balance: nil, releases: items.map { .init(requestID: $0.requestID) })
        })
    }

    /// Keeps the holds of spooled settlements until the spool drains (a week at most), so that the sweeper
    /// does not release them while PostgreSQL's balance still lacks their cost. Best effort: without Redis
    /// there is nothing to keep.
    func keepHoldsWhileSpooled(_ settlements: [Settlement]) async {
        let deadline = WallClock.unixMillis() + 7 * 24 * 3_600_000
        let byAccount = Dictionary(grouping: settlements, by: \.accountID)
        for (account, items) in byAccount {
            _ = try? await governance.extendHolds(accountID: account, requestIDs: items.map(\.requestID), deadlineMillis: deadline)
        }
    }


    func send(_ updates: [RedisUpdate]) async {
        let failed = await withTaskGroup(of: RedisUpdate?.self) { group in
            for update in updates {
                group.addTask {
                    do {
                        try await self.governance.settle(
                            accountID: update.accountID, balance: update.balance?.balance, version: update.balance?.version,
                            releases: update.releases)
                        for (keyID, spend) in update.keySpends {
                            try await self.governance.putKeySpend(accountID: update.accountID, keyID: keyID, spend: spend)
                        }
                        return nil
                    } catch {
                        return update
                    }
                }
            }
            var failed: [RedisUpdate] = []
            for await result in group { if let result { failed.append(result) } }
            return failed
        }
        if !failed.isEmpty {
            logger.warning("redis update failed; will retry", metadata: ["ledger.accounts": "\(failed.count)"])
            state.withLock { $0.redisBacklog.append(contentsOf: failed) }
        }
    }

    func retryRedisBacklog() async {
        let backlog = state.withLock { state -> [RedisUpdate] in
            defer { state.redisBacklog.removeAll() }
            return state.redisBacklog
        }
        if !backlog.isEmpty { await send(backlog) }
    }

    // MARK: Maintenance (every tick)

    func maintenance(postgresDownSince: inout ContinuousClock.Instant?, lastAttempt: inout ContinuousClock.Instant) async {
        await retryRedisBacklog()
        guard !spool.isEmpty, postgresDownSince == nil || ContinuousClock.now - lastAttempt >= configuration.retryInterval else { return }
        lastAttempt = .now
        do {
            let spooled = try await spoolWork.run { [spool] in try spool.readAll() }
            var offset = 0
            while offset < spooled.count {
                let chunk = spooled[offset..<min(offset + configuration.maxBatch, spooled.count)]
                let priced = chunk.map { PricedSettlement(settlement: $0, prices: catalog.models[$0.model]?.prices ?? $0.prices) }
                let (settled, _) = try await commit(priced)
                await applyToRedis(Array(chunk), updates: settled)
                offset += chunk.count
            }
            try await spoolWork.run { [spool] in try spool.clear() }
            state.withLock { $0.stats.drained += spooled.count }
            logger.info("spool drained into postgres", metadata: ["ledger.settlements": "\(spooled.count)"])
            postgresDownSince = nil
        } catch {
            if postgresDownSince == nil { postgresDownSince = .now }
            logger.debug("spool drain postponed", metadata: ["ledger.error": "\(error)"])
        }
    }
}
