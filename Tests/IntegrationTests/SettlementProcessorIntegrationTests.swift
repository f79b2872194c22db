import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Governance
import Ledger
import LedgerProtocol
import PostgresClient
import RedisClient
import Testing
import TokModelCore

/// Prepares Redis for a PostgreSQL account the way the ledger would: no leftovers from an earlier database
/// with the same ids, the key record and the balance with its version, the ready marker.
func mirror(_ account: TestAccount, in pool: PostgresPool, to store: GovernanceStore) async throws {
    _ = try await store.redis.send([
        "DEL", RedisArgument(RedisLayout.account(account.id)), RedisArgument(RedisLayout.holds(account.id)),
        RedisArgument(RedisLayout.holdDeadlines(account.id)), RedisArgument(RedisLayout.keyRecord(account: account.id, key: account.keyID)),
    ])
    try await store.putKey(account.key.governanceRecord)
    let (balance, version) = try await pool.balance(of: account.id)
    try await store.settle(accountID: account.id, balance: Money(nanos: balance), version: version, releasing: [])
    try await store.markReady(generation: "integration-tests")
}

/// Admits `settlement`'s request in Redis, as the edge does before calling the provider.
func admitHold(for settlement: Settlement, in store: GovernanceStore) async throws {
    let decision = try await store.admit(
        .init(
            requestID: settlement.requestID, accountID: settlement.accountID, keyID: settlement.keyID, model: settlement.model,
            reservation: settlement.reservation, admittedTokens: settlement.admittedTokens, holdMillis: 600_000))
    guard case .admitted = decision else { throw SetupFailure("admission refused: \(decision)") }
}

func makeProcessor(pool: PostgresPool, store: GovernanceStore, spool: Spool, catalog: Catalog = Catalog(providers: [], models: []))
    -> SettlementProcessor
{
    var configuration = SettlementProcessor.Configuration()
    configuration.retryInterval = .milliseconds(200)
    return SettlementProcessor(
        configuration: configuration, pool: pool, governance: store, catalog: catalog, spool: spool, logger: TestEnvironment.logger)
}

@Suite(.timeLimit(.minutes(3)))
struct SettlementProcessorIntegrationTests {
    @Test func commitReleasesHoldsAndSyncsBalances() async throws {
        try await TestPostgres.withPool { pool in
            try await TestRedis.withConnection { redis in
                let store = GovernanceStore(redis: redis)
                let account = try await TestAccount.create(in: pool, credit: 50_000_000)
                try await mirror(account, in: pool, to: store)
                let settlements = (0..<5).map { makeSettlement(account: account.id, key: account.keyID, input: Int64(100 * ($0 + 1)), output: 10) }
                for settlement in settlements { try await admitHold(for: settlement, in: store) }
                #expect(try await store.accountView(accountID: account.id).held.nanos == 5_000_000)

                let directory = try TestEnvironment.temporaryDirectory("spool")
                defer { try? FileManager.default.removeItem(atPath: directory) }
                let spool = try Spool(directory: directory)
                let processor = makeProcessor(pool: pool, store: store, spool: spool)
                let malformed = makeSettlement(account: account.id, key: account.keyID, input: -1, output: 0)
                // A settlement PostgreSQL refuses (its key does not exist) is isolated and rejected; the rest commit.
                let orphan = makeSettlement(account: account.id, key: Int64.max - 1)
                // A key that exists but belongs to another account is refused the same way.
                let stranger = try await TestAccount.create(in: pool, credit: 0)
                let foreignKey = makeSettlement(account: account.id, key: stranger.keyID)

                try await withRunning([processor]) {
                    let first = await processor.settle(Array(settlements.prefix(2)))
                    #expect(first == settlements.prefix(2).map { SettleResult(requestID: $0.requestID, status: .committed) })
                    let second = await processor.settle(Array(settlements.dropFirst(2)) + [malformed, orphan, foreignKey])
                    #expect(second.map(\.status) == [.committed, .committed, .committed, .rejected, .rejected, .rejected])
                    // A replay is acknowledged as committed and changes nothing.
                    let replay = await processor.settle([settlements[0]])
                    #expect(replay == [SettleResult(requestID: settlements[0].requestID, status: .committed)])
                }

                let cost = settlements.reduce(0) { $0 + testPrices.cost(of: $1.usage).nanos }
                let (balance, version) = try await pool.balance(of: account.id)
                #expect(balance == 50_000_000 - cost)
                #expect(balance == (try await pool.ledgerSum(of: account.id)))
                #expect(try await pool.int64("SELECT count(*) FROM usage_events WHERE account_id = $1", [PostgresParameter(account.id)]) == 5)

                let view = try await store.accountView(accountID: account.id)
                #expect(view.held == .zero)
                #expect(view.balance?.nanos == balance && view.version == version)
                #expect(try await store.holds(accountID: account.id).isEmpty)
                #expect(processor.statistics.committed >= 5 && processor.statistics.rejected >= 1)
                #expect(spool.isEmpty)
            }
        }
    }

    @Test func spoolsWhilePostgresIsDownThenDrainsExactlyOnce() async throws {
        try await TestPostgres.withPool { pool in
            try await TestRedis.withConnection { redis in
                let store = GovernanceStore(redis: redis)
                let account = try await TestAccount.create(in: pool, credit: 20_000_000)
                try await mirror(account, in: pool, to: store)
                let settlements = (0..<6).map { makeSettlement(account: account.id, key: account.keyID, input: Int64(1_000 + $0), output: 100) }
                for settlement in settlements { try await admitHold(for: settlement, in: store) }
                let before = try await pool.balance(of: account.id)

                let directory = try TestEnvironment.temporaryDirectory("spool")
                defer { try? FileManager.default.removeItem(atPath: directory) }
                let spool = try Spool(directory: directory)

                // PostgreSQL unreachable: everything is spooled (fsynced) and acknowledged as such.
                let downURL = "postgres://postgres@127.0.0.1:\(TestEnvironment.closedPort())/tokmodel?connect_timeout=3"
                let downPool = PostgresPool(url: downURL, size: 1, logger: TestEnvironment.logger)
                let down = makeProcessor(pool: downPool, store: store, spool: spool)
                try await withRunning([down]) {
                    let first = await down.settle(Array(settlements.prefix(4)))
                    #expect(first.map(\.status) == Array(repeating: .spooled, count: 4))
                    // Resent by an edge that missed the acknowledgement: spooled again, harmless.
                    let second = await down.settle(Array(settlements[2...]))
                    #expect(second.map(\.status) == Array(repeating: .spooled, count: 4))
                }
                await downPool.shutdown()
                #expect(down.statistics.spooled == 8 && down.statistics.committed == 0)
                let spooled = try spool.readAll()
                #expect(spooled.count == 8)
                #expect(Set(spooled.map(\.requestID)) == Set(settlements.map(\.requestID)))
                #expect(spooled.first { $0.requestID == settlements[0].requestID } == settlements[0])
                // Nothing reached PostgreSQL, and the holds are still there, kept (for days) until the spool drains.
                #expect(try await pool.balance(of: account.id) == before)
                let holds = try await store.holds(accountID: account.id)
                #expect(holds.count == 6)
                #expect(holds.allSatisfy { $0.deadlineMillis > WallClock.unixMillis() + 86_400_000 })

                // PostgreSQL is back: a processor drains the spool when it has nothing else to do.
                let up = makeProcessor(pool: pool, store: store, spool: spool)
                try await withRunning([up]) {
                    try await waitUntil(30, "the spool to be drained") { up.statistics.drained > 0 }
                }
                #expect(up.statistics.drained == 8)
                #expect(spool.isEmpty)
                #expect(try spool.readAll().isEmpty)

                let cost = settlements.reduce(0) { $0 + testPrices.cost(of: $1.usage).nanos }
                let (balance, version) = try await pool.balance(of: account.id)
                #expect(balance == before.balance - cost)
                #expect(version == before.version + 1)
                #expect(balance == (try await pool.ledgerSum(of: account.id)))
                let ids = settlements.map(\.requestID)
                #expect(try await pool.int64("SELECT count(*) FROM usage_events WHERE request_id = ANY($1::text[])", [.textArray(ids)]) == 6)
                #expect(try await pool.int64("SELECT count(*) FROM credit_transactions WHERE request_id = ANY($1::text[])", [.textArray(ids)]) == 6)

                let view = try await store.accountView(accountID: account.id)
                #expect(view.held == .zero && view.balance?.nanos == balance && view.version == version)
                #expect(try await store.holds(accountID: account.id).isEmpty)
            }
        }
    }

    /// Uses a Redis database of its own, which it flushes: the ledger rebuilding after a Redis wipe.
    @Test func rebuildRestoresBalancesKeysAndTheReadyMarker() async throws {
        try await TestPostgres.withPool { pool in
            try await TestRedis.withConnection(databaseOffset: TestRedis.rebuildDatabase) { redis in
                let store = GovernanceStore(redis: redis)
                #expect(try await redis.send(["FLUSHDB"]) == .status("OK"))
                let account = try await TestAccount.create(in: pool, credit: 7_000_000)
                let ahead = try await TestAccount.create(in: pool, credit: 1_000)
                let revoked = try await pool.withConnection { db in
                    let key = try db.createKey(
                        accountName: account.name, name: "old", requestsPerMinute: 5, tokensPerMinute: 500, allowedModels: ["openai/*"],
                        expiresAtMillis: nil
                    ).key
                    return try db.revokeKey(id: key.id)
                }
                // Redis already knows a newer balance for one account (a settlement raced the rebuild).
                let aheadVersion = try await pool.balance(of: ahead.id).version + 10
                try await store.settle(accountID: ahead.id, balance: Money(nanos: 42), version: aheadVersion, releasing: [])
                #expect(try await store.isReady() == false)
                #expect(try await store.lookupKey(hashHex: account.key.hashHex) == .notReady)

                let synchronizer = RedisSynchronizer(pool: pool, governance: store, logger: TestEnvironment.logger)
                try await synchronizer.rebuild(reason: "integration test")

                #expect(try await store.isReady())
                let (balance, version) = try await pool.balance(of: account.id)
                let view = try await store.accountView(accountID: account.id)
                #expect(view.balance?.nanos == balance && view.version == version && view.held == .zero)
                let aheadView = try await store.accountView(accountID: ahead.id)
                #expect(aheadView.balance?.nanos == 42 && aheadView.version == aheadVersion)

                #expect(try await store.lookupKey(hashHex: account.key.hashHex) == .found(accountID: account.id, keyID: account.keyID))
                #expect(try await store.lookupKey(hashHex: revoked.hashHex) == .found(accountID: account.id, keyID: revoked.id))
                let record = try await redis.send(["HGETALL", RedisArgument(RedisLayout.keyRecord(account: account.id, key: revoked.id))])
                let fields = Dictionary(
                    uniqueKeysWithValues: stride(from: 0, to: record.array?.count ?? 0, by: 2).map { (record.array![$0].string ?? "", record.array![$0 + 1].string ?? "") })
                let expected = ["st": "r", "rpm": "5", "tpm": "500", "exp": "0", "models": "openai/*"]
                #expect(fields.filter { expected[$0.key] != nil } == expected, "\(fields)")

                // The rebuilt view admits and refuses exactly like the original.
                let request = GovernanceStore.AdmissionRequest(
                    requestID: "after-rebuild", accountID: account.id, keyID: account.keyID, model: "m/m", reservation: Money(nanos: balance),
                    admittedTokens: 1, holdMillis: 60_000)
                #expect(try await store.admit(request).isAdmitted)
                var revokedRequest = request
                revokedRequest.keyID = revoked.id
                #expect(try await store.admit(revokedRequest) == .revokedKey)

                // The rebuild lock is given back.
                try await waitUntil(10, "the rebuild lock to be released") {
                    try await redis.send(["EXISTS", RedisArgument(RedisLayout.rebuildLock)]) == .integer(0)
                }
            }
        }
    }
    /// Many edges at once: group commit charges each request once, whoever sends it, at the ledger's prices.
    @Test func concurrentSettlementsAreGroupCommittedAtCatalogPrices() async throws {
        let catalog = try Catalog.parse(
            yaml: """
                providers:
                  - name: test
                    kind: openai
                    base_url: http://127.0.0.1:9/v1
                models:
                  - id: test/priced
                    provider: test
                    input_per_mtok: 3.00
                    output_per_mtok: 15.00
                """, environment: [:])
        let ledgerPrices = try #require(catalog.models["test/priced"]?.prices)
        try await TestPostgres.withPool(size: 3) { pool in
            try await TestRedis.withConnection { redis in
                let store = GovernanceStore(redis: redis)
                let account = try await TestAccount.create(in: pool, credit: 1_000_000_000)
                try await mirror(account, in: pool, to: store)
                // The edge claims it is free; the ledger bills from its own catalog.
                let settlements = (0..<200).map {
                    makeSettlement(account: account.id, key: account.keyID, model: "test/priced", input: Int64(10 + $0), output: Int64($0), prices: .free)
                }
                for settlement in settlements { try await admitHold(for: settlement, in: store) }
                let before = try await pool.balance(of: account.id)

                let directory = try TestEnvironment.temporaryDirectory("spool")
                defer { try? FileManager.default.removeItem(atPath: directory) }
                let processor = makeProcessor(pool: pool, store: store, spool: try Spool(directory: directory), catalog: catalog)
                let results = try await withRunning([processor]) {
                    await withTaskGroup(of: [SettleResult].self) { group in
                        for part in 0..<20 {
                            // Two edges send each request (a resend racing the original).
                            let slice = Array(settlements[(part * 10)..<((part + 1) * 10)])
                            group.addTask { await processor.settle(slice) }
                            group.addTask { await processor.settle(slice.reversed()) }
                        }
                        return await group.reduce(into: []) { $0 += $1 }
                    }
                }
                #expect(results.count == 400)
                #expect(results.allSatisfy { $0.status == .committed })

                let cost = settlements.reduce(0) { $0 + ledgerPrices.cost(of: $1.usage).nanos }
                #expect(cost > 0)
                let after = try await pool.balance(of: account.id)
                #expect(after.balance == before.balance - cost)
                #expect(after.balance == (try await pool.ledgerSum(of: account.id)))
                #expect(try await pool.int64("SELECT count(*) FROM usage_events WHERE account_id = $1", [PostgresParameter(account.id)]) == 200)
                let event = try await pool.withConnection { db in try db.usageEvent(requestID: settlements[7].requestID) }
                #expect(event.prices == ledgerPrices && event.priceVersion == ledgerPrices.version)
                #expect(event.cost == ledgerPrices.cost(of: settlements[7].usage))
                // Group commit: fewer transactions than calls (at most one per call).
                #expect(processor.statistics.batches <= 40)

                let view = try await store.accountView(accountID: account.id)
                #expect(view.held == .zero && view.balance?.nanos == after.balance && view.version == after.version)
            }
        }
    }

    @Test func spoolIgnoresATornTail() async throws {
        let directory = try TestEnvironment.temporaryDirectory("spool")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = makeSettlements(3)
        let second = makeSettlements(2)
        do {
            let spool = try Spool(directory: directory)
            #expect(spool.isEmpty)
            try spool.append(first)
            try spool.append(second)
            #expect(try spool.readAll() == first + second)
        }
        // A crash in the middle of the second append: its record is cut short.
        let path = directory + "/settlements.spool"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(truncate(path, off_t(size - 10)) == 0)
        #expect((fileMode(path) ?? 0) & 0o777 == 0o600)

        let reopened = try Spool(directory: directory)
        #expect(try reopened.readAll() == first)
        try reopened.clear()
        #expect(reopened.isEmpty)
        try reopened.append(second)
        #expect(try reopened.readAll() == second)
    }

    /// Uses a Redis database of its own, which it flushes: the synchroniser notices a wipe and rebuilds.
    @Test func synchronizerRebuildsAfterAWipe() async throws {
        try await TestPostgres.withPool { pool in
            try await TestRedis.withConnection(databaseOffset: TestRedis.synchronizerDatabase) { redis in
                let store = GovernanceStore(redis: redis)
                _ = try await redis.send(["FLUSHDB"])
                let account = try await TestAccount.create(in: pool, credit: 4_000_000)
                let (balance, version) = try await pool.balance(of: account.id)
                let synchronizer = RedisSynchronizer(pool: pool, governance: store, logger: TestEnvironment.logger, checkInterval: .milliseconds(100))
                try await withRunning([synchronizer]) {
                    try await waitUntil(30, "the start-up rebuild") { try await store.isReady() }
                    #expect(try await store.accountView(accountID: account.id).balance?.nanos == balance)
                    // Wipe.
                    #expect(try await redis.send(["FLUSHDB"]) == .status("OK"))
                    #expect(try await store.lookupKey(hashHex: account.key.hashHex) == .notReady)
                    try await waitUntil(30, "the rebuild after the wipe") {
                        try await store.lookupKey(hashHex: account.key.hashHex) == .found(accountID: account.id, keyID: account.keyID)
                    }
                    let view = try await store.accountView(accountID: account.id)
                    #expect(view.balance?.nanos == balance && view.version == version)
                }
            }
        }
    }
    /// PostgreSQL answers but refuses every write (a failover landed on a read-only standby): that says nothing
    /// about the settlements, so they must be spooled and retried, never rejected (a rejected settlement is
    /// forgotten by the edge: its usage would never be billed).
    @Test func writeRefusalsUnrelatedToTheSettlementsAreSpooledNotRejected() async throws {
        try await TestPostgres.withPool { pool in
            try await TestRedis.withConnection { redis in
                let store = GovernanceStore(redis: redis)
                let account = try await TestAccount.create(in: pool, credit: 20_000_000)
                try await mirror(account, in: pool, to: store)
                let settlements = (0..<4).map { makeSettlement(account: account.id, key: account.keyID, input: Int64(500 + $0), output: 10) }
                for settlement in settlements { try await admitHold(for: settlement, in: store) }
                let before = try await pool.balance(of: account.id)

                let directory = try TestEnvironment.temporaryDirectory("spool")
                defer { try? FileManager.default.removeItem(atPath: directory) }
                let spool = try Spool(directory: directory)
                let url = try TestPostgres.url()
                let readOnlyURL = url + (url.contains("?") ? "&" : "?") + "options=-c%20default_transaction_read_only%3Don"
                let readOnlyPool = PostgresPool(url: readOnlyURL, size: 1, logger: TestEnvironment.logger)
                await #expect(throws: PostgresError.self) { try await readOnlyPool.query("CREATE TEMP TABLE it_probe (x int)") }
                let refused = makeProcessor(pool: readOnlyPool, store: store, spool: spool)
                let malformed = makeSettlement(account: account.id, key: account.keyID, input: 1, output: 0, reservation: Money(nanos: -1))
                try await withRunning([refused]) {
                    let results = await refused.settle(settlements + [malformed])
                    #expect(results.map(\.status) == [.spooled, .spooled, .spooled, .spooled, .rejected])
                }
                await readOnlyPool.shutdown()
                #expect(Set(try spool.readAll().map(\.requestID)) == Set(settlements.map(\.requestID)))
                #expect(try await pool.balance(of: account.id) == before)

                let up = makeProcessor(pool: pool, store: store, spool: spool)
                try await withRunning([up]) {
                    try await waitUntil(30, "the spool to be drained") { up.statistics.drained > 0 }
                }
                let cost = settlements.reduce(0) { $0 + testPrices.cost(of: $1.usage).nanos }
                #expect(try await pool.balance(of: account.id).balance == before.balance - cost)
                #expect(try await pool.int64("SELECT count(*) FROM usage_events WHERE account_id = $1", [PostgresParameter(account.id)]) == 4)
                #expect(try await store.holds(accountID: account.id).isEmpty)
            }
        }
    }
}
