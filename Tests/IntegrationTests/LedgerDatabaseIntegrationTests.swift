import Foundation
import Governance
import Ledger
import PostgresClient
import Testing
import TokModelCore

/// The ledger's PostgreSQL layer against the real server of `TOKMODEL_TEST_POSTGRES_URL`: every test works on
/// accounts of its own (unique names), so the tests share the database safely.
@Suite(.timeLimit(.minutes(3)))
struct LedgerDatabaseIntegrationTests {
    // MARK: Migrations

    @Test func migrationsApplyOnceOnAnEmptyDatabase() async throws {
        let migrations = try Migrator.load(directory: TestEnvironment.migrationsDirectory)
        #expect(migrations.count >= 2)
        #expect(migrations.map(\.version) == migrations.map(\.version).sorted())
        #expect(Set(migrations.map(\.version)).count == migrations.count)

        // A directory with the real migrations and a broken one after them.
        let directory = try TestEnvironment.temporaryDirectory("migrations")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for migration in migrations { try migration.sql.write(toFile: directory + "/" + migration.name, atomically: true, encoding: .utf8) }
        try "CREATE TABLE it_half (x int);\nSELECT no_such_column FROM accounts;\n".write(toFile: directory + "/9999_broken.sql", atomically: true, encoding: .utf8)
        try "not a migration".write(toFile: directory + "/README.md", atomically: true, encoding: .utf8)
        let withBroken = try Migrator.load(directory: directory)
        #expect(withBroken.map(\.version) == migrations.map(\.version) + [9_999])
        #expect(Array(withBroken.dropLast()) == migrations)

        try await TestPostgres.migrated.value  // the server is reachable
        let database = "tm_it_mig_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        try await TestPostgres.withPool(size: 1) { admin in
            _ = try await admin.query("CREATE DATABASE \(database)")
            do {
                let pool = PostgresPool(url: try TestPostgres.url(database: database), size: 1, logger: TestEnvironment.logger)
                do {
                    try await pool.withConnection { db in
                        #expect(try Migrator.currentVersion(db) == 0)
                        let applied = try Migrator.migrate(db, migrations: migrations)
                        #expect(applied.map(\.version) == migrations.map(\.version))
                        #expect(try Migrator.currentVersion(db) == migrations.last?.version)

                        // Again: nothing to do, nothing recorded twice.
                        #expect(try Migrator.migrate(db, migrations: migrations).isEmpty)
                        let rows = try db.query("SELECT version, name, checksum FROM schema_migrations ORDER BY version")
                        #expect(rows.map { $0.int("version") } == migrations.map(\.version))
                        #expect(rows.map { $0.string("checksum") } == migrations.map(\.checksum))
                        #expect(rows.map { $0.string("name") } == migrations.map(\.name))

                        // The schema is there.
                        let tables = try db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename").map { $0.string(0) }
                        #expect(Set(["accounts", "api_keys", "credit_transactions", "schema_migrations", "usage_events"]).isSubset(of: tables.compactMap { $0 }))
                        #expect(try db.query("SELECT 1 FROM pg_proc WHERE proname = 'tm_settle_batch'").count == 1)

                        // No foreign keys on the hot tables since 0004: accounts and keys can never be deleted or
                        // re-parented, and the audit reports rows naming what does not exist.
                        let account = try db.createAccount(name: "orphan-check")
                        let (key, _) = try db.createKey(
                            accountName: "orphan-check", name: "k", requestsPerMinute: 0, tokensPerMinute: 0, allowedModels: [], expiresAtMillis: nil)
                        #expect(throws: PostgresError.self) { try db.query("DELETE FROM accounts WHERE id = $1", [PostgresParameter(account.id)]) }
                        #expect(throws: PostgresError.self) { try db.query("DELETE FROM api_keys WHERE id = $1", [PostgresParameter(key.id)]) }
                        let other = try db.createAccount(name: "orphan-other")
                        #expect(throws: PostgresError.self) {
                            try db.query("UPDATE api_keys SET account_id = $1 WHERE id = $2", [PostgresParameter(other.id), PostgresParameter(key.id)])
                        }
                        #expect(try db.auditLedger().isEmpty)
                        _ = try db.query(
                            """
                            INSERT INTO usage_events VALUES ('req_orphan', $1, $2, 'm', 'p', '/v1/chat/completions', 1, 1, 0, 0, 0, 0, 0,
                                                             'v', 0, 0, 0, 0, 'provider', 'completed', 200, now(), 1, 1, now())
                            """, [PostgresParameter(other.id), PostgresParameter(key.id)])
                        _ = try db.query("INSERT INTO credit_transactions (account_id, kind, amount_nano, reference) VALUES (999999, 'adjustment', 5, 'x')")
                        let findings = try db.auditLedger().map(\.check)
                        #expect(findings.contains("every usage event names an existing key of its account"))
                        #expect(findings.contains("every credit transaction names an existing account"))
                        _ = try db.query("DELETE FROM usage_events WHERE request_id = 'req_orphan'")
                        _ = try db.query("DELETE FROM credit_transactions WHERE account_id = 999999")

                        // An applied migration edited afterwards stops the run; nothing is applied.
                        var edited = migrations
                        edited[0].sql += "\n-- edited"
                        edited[0].checksum = String(repeating: "0", count: 64)
                        #expect(throws: Migrator.MigrationError.self) { try Migrator.migrate(db, migrations: edited) }

                        // A new migration that fails is rolled back entirely and not recorded.
                        #expect(throws: Migrator.MigrationError.self) { try Migrator.migrate(db, migrations: withBroken) }
                        #expect(try db.query("SELECT to_regclass('it_half') IS NULL AS gone").first?.bool("gone") == true)
                        #expect(try Migrator.currentVersion(db) == migrations.last?.version)
                    }
                } catch {
                    await pool.shutdown()
                    throw error
                }
                await pool.shutdown()
            } catch {
                _ = try? await admin.query("DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
                throw error
            }
            _ = try await admin.query("DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        }
    }

    // MARK: Settlement batches

    @Test func settleBatchChargesExactlyOnce() async throws {
        try await TestPostgres.withPool { pool in
            let a = try await TestAccount.create(in: pool, credit: 5_000_000)
            let b = try await TestAccount.create(in: pool, credit: 3_000_000)
            let before = (a: try await pool.balance(of: a.id), b: try await pool.balance(of: b.id))

            let a1 = makeSettlement(account: a.id, key: a.keyID, input: 100, output: 50)  // 100000 + 100000
            let a2 = makeSettlement(account: a.id, key: a.keyID, input: 1, output: 1)  // 1000 + 2000
            let a3 = makeSettlement(account: a.id, key: a.keyID, input: 1234, output: 0, prices: PriceSheet(inputPerMTok: 333, outputPerMTok: 0))  // ceil(0.41) = 1
            let free = makeSettlement(account: a.id, key: a.keyID, input: 0, output: 0)
            let b1 = makeSettlement(account: b.id, key: b.keyID, input: 10, output: 20)  // 10000 + 40000
            let b2 = makeSettlement(account: b.id, key: b.keyID, input: 500_000, output: 0)  // 500000000 > balance: a debt is allowed
            let batch = [a1, b1, a2, free, a3, b2].map { PricedSettlement(settlement: $0, prices: $0.prices) }
            #expect(batch.map(\.cost.nanos) == [200_000, 50_000, 3_000, 0, 1, 500_000_000])

            let updates = try await pool.withConnection { db in try db.settleBatch(batch) }.sorted { $0.accountID < $1.accountID }
            #expect(Set(updates.map(\.accountID)) == [a.id, b.id])
            let ua = try #require(updates.first { $0.accountID == a.id })
            let ub = try #require(updates.first { $0.accountID == b.id })
            #expect(ua.balance.nanos == before.a.balance - 203_001 && ua.version == before.a.version + 1)
            #expect(Set(ua.newRequestIDs) == Set([a1, a2, a3, free].map(\.requestID)))
            #expect(ub.balance.nanos == before.b.balance - 500_050_000 && ub.version == before.b.version + 1)
            #expect(Set(ub.newRequestIDs) == [b1.requestID, b2.requestID])
            #expect(try await pool.balance(of: a.id) == (ua.balance.nanos, ua.version))
            #expect(try await pool.balance(of: b.id) == (ub.balance.nanos, ub.version))

            let ids = batch.map(\.settlement.requestID)
            let eventCount = { try await pool.int64("SELECT count(*) FROM usage_events WHERE request_id = ANY($1::text[])", [.textArray(ids)]) }
            let debitCount = { try await pool.int64("SELECT count(*) FROM credit_transactions WHERE request_id = ANY($1::text[])", [.textArray(ids)]) }
            #expect(try await eventCount() == 6)
            // The free request is recorded but writes no debit.
            #expect(try await debitCount() == 5)
            #expect(try await pool.int64("SELECT count(*) FROM credit_transactions WHERE request_id = $1", [PostgresParameter(free.requestID)]) == 0)
            #expect(try await pool.int64("SELECT amount_nano FROM credit_transactions WHERE request_id = $1", [PostgresParameter(a1.requestID)]) == -200_000)

            // The recorded event carries everything.
            let event = try await pool.withConnection { db in try db.usageEvent(requestID: a1.requestID) }
            #expect(event.accountName == a.name && event.keyID == a.keyID && event.model == "test/model" && event.provider == "test")
            #expect(event.usage == Usage(inputTokens: 100, outputTokens: 50) && event.cost == Money(nanos: 200_000))
            #expect(event.reserved == Money(nanos: 1_000_000) && event.prices == testPrices && event.priceVersion == testPrices.version)
            #expect(event.usageSource == "provider" && event.outcome == "completed" && event.httpStatus == 200)
            #expect(event.startedAt == "2026-01-01T00:00:00.000Z" && event.latencyMillis == 120 && event.firstByteMillis == 40)

            // A replay changes nothing: no balance, no version, no rows.
            let replay = try await pool.withConnection { db in try db.settleBatch(batch) }
            for update in replay {
                #expect(update.newRequestIDs.isEmpty)
                #expect(update.accountID == a.id ? update.balance == ua.balance && update.version == ua.version : update.balance == ub.balance && update.version == ub.version)
            }
            #expect(try await pool.balance(of: a.id) == (ua.balance.nanos, ua.version))
            #expect(try await pool.balance(of: b.id) == (ub.balance.nanos, ub.version))
            #expect(try await eventCount() == 6)
            #expect(try await debitCount() == 5)

            // A batch mixing replays and one new request charges only the new one, with one version step.
            let a4 = makeSettlement(account: a.id, key: a.keyID, input: 7, output: 0)
            let mixed = try await pool.withConnection { db in
                try db.settleBatch([a1, a4, b1, a4].map { PricedSettlement(settlement: $0, prices: $0.prices) })
            }
            let mixedA = try #require(mixed.first { $0.accountID == a.id })
            #expect(mixedA.newRequestIDs == [a4.requestID])
            #expect(mixedA.balance.nanos == ua.balance.nanos - 7_000 && mixedA.version == ua.version + 1)
            // Account b only had replays: if reported at all, unchanged and with nothing new.
            #expect(mixed.filter { $0.accountID == b.id }.allSatisfy { $0.newRequestIDs.isEmpty && $0.balance == ub.balance && $0.version == ub.version })
            #expect(try await pool.balance(of: b.id) == (ub.balance.nanos, ub.version))

            // A batch of free requests only: recorded, balance unchanged, no debit.
            let free2 = makeSettlement(account: b.id, key: b.keyID, input: 0, output: 0)
            let freeOnly = try await pool.withConnection { db in try db.settleBatch([PricedSettlement(settlement: free2, prices: testPrices)]) }
            #expect(freeOnly.first?.balance.nanos == ub.balance.nanos)
            #expect(try await pool.int64("SELECT count(*) FROM credit_transactions WHERE request_id = $1", [PostgresParameter(free2.requestID)]) == 0)

            // Key spend (total and per UTC day and month of the request's start) counts each request once too.
            let spendSQL = "SELECT coalesce(sum(spent_nano), 0)::bigint FROM key_spend WHERE key_id = $1 AND period = $2"
            #expect(try await pool.int64(spendSQL, [PostgresParameter(a.keyID), "total"]) == 210_001)
            #expect(try await pool.int64(spendSQL, [PostgresParameter(a.keyID), "d:20260101"]) == 210_001)
            #expect(try await pool.int64(spendSQL, [PostgresParameter(a.keyID), "m:202601"]) == 210_001)
            #expect(try await pool.int64(spendSQL, [PostgresParameter(b.keyID), "total"]) == 500_050_000)

            // The invariant: a balance is the sum of its credit transactions.
            for account in [a.id, b.id] {
                #expect(try await pool.balance(of: account).balance == (try await pool.ledgerSum(of: account)))
            }
        }
    }

    /// Several ledgers settling overlapping batches at once still charge each request once.
    @Test func concurrentOverlappingBatchesChargeOnce() async throws {
        try await TestPostgres.withPool(size: 6) { pool in
            let account = try await TestAccount.create(in: pool, credit: 100_000_000)
            let other = try await TestAccount.create(in: pool, credit: 100_000_000)
            let settlements = (0..<60).map { index in
                let owner = index % 3 == 0 ? other : account
                return makeSettlement(account: owner.id, key: owner.keyID, input: Int64(index + 1), output: Int64(index))
            }
            let priced = settlements.map { PricedSettlement(settlement: $0, prices: $0.prices) }
            let start = (try await pool.balance(of: account.id), try await pool.balance(of: other.id))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<6 {
                    group.addTask {
                        var generator = SystemRandomNumberGenerator()
                        for round in 0..<4 {
                            let subset = priced.filter { _ in Bool.random(using: &generator) || round == 3 && worker == 0 }.shuffled(using: &generator)
                            _ = try await pool.withConnection { db in try db.settleBatch(subset) }
                        }
                    }
                }
                try await group.waitForAll()
            }
            func total(_ owner: TestAccount) -> Int64 { priced.filter { $0.settlement.accountID == owner.id }.reduce(0) { $0 + $1.cost.nanos } }
            #expect(try await pool.balance(of: account.id).balance == start.0.balance - total(account))
            #expect(try await pool.balance(of: other.id).balance == start.1.balance - total(other))
            #expect(try await pool.int64("SELECT count(*) FROM usage_events WHERE account_id = ANY($1::bigint[])", [.int64Array([account.id, other.id])]) == 60)
            for owner in [account, other] {
                #expect(try await pool.balance(of: owner.id).balance == (try await pool.ledgerSum(of: owner.id)))
                let spent = try await pool.int64(
                    "SELECT coalesce(sum(spent_nano), 0)::bigint FROM key_spend WHERE key_id = $1 AND period = 'total'", [PostgresParameter(owner.keyID)])
                #expect(spent == total(owner))
            }
        }
    }

    // MARK: Credits, keys, names

    @Test func topUpIsIdempotentPerReference() async throws {
        try await TestPostgres.withPool { pool in
            let name = TestEnvironment.unique("it-topup")
            let created = try await pool.withConnection { db in try db.createAccount(name: name) }
            #expect(created.balance == .zero && created.version == 0 && created.name == name)

            let first = try await pool.withConnection { db in try db.topUp(accountName: name, amount: Money(nanos: 2_500_000_000), reference: "invoice-1") }
            #expect(first.applied && first.account.balance.nanos == 2_500_000_000 && first.account.version == 1)
            let again = try await pool.withConnection { db in try db.topUp(accountName: name, amount: Money(nanos: 2_500_000_000), reference: "invoice-1") }
            #expect(!again.applied && again.account.balance.nanos == 2_500_000_000 && again.account.version == 1)

            await #expect(throws: LedgerUserError.self) {
                _ = try await pool.withConnection { db in try db.topUp(accountName: name, amount: Money(nanos: 1), reference: "invoice-1") }
            }
            // Without a reference every call adds.
            for _ in 0..<2 { _ = try await pool.withConnection { db in try db.topUp(accountName: name, amount: Money(nanos: 1), reference: nil) } }
            // Another reference adds once.
            _ = try await pool.withConnection { db in try db.topUp(accountName: name, amount: Money(nanos: 10), reference: "invoice-2") }
            for bad in [Money(nanos: 0), Money(nanos: -5)] {
                await #expect(throws: LedgerUserError.self) {
                    _ = try await pool.withConnection { db in try db.topUp(accountName: name, amount: bad, reference: nil) }
                }
            }
            await #expect(throws: LedgerUserError.self) {
                _ = try await pool.withConnection { db in try db.topUp(accountName: name, amount: Money(nanos: 1), reference: "") }
            }
            await #expect(throws: LedgerUserError.self) {
                _ = try await pool.withConnection { db in try db.topUp(accountName: name + "-nobody", amount: Money(nanos: 1), reference: nil) }
            }
            let account = try await pool.withConnection { db in try db.account(named: name) }
            #expect(account.balance.nanos == 2_500_000_012 && account.version == 4)
            #expect(try await pool.ledgerSum(of: account.id) == account.balance.nanos)
            #expect(try await pool.int64("SELECT count(*) FROM credit_transactions WHERE account_id = $1", [PostgresParameter(account.id)]) == 4)
        }
    }

    @Test func keysStoreOnlyTheHashAndRevoke() async throws {
        try await TestPostgres.withPool { pool in
            let name = TestEnvironment.unique("it-keys")
            _ = try await pool.withConnection { db in try db.createAccount(name: name) }
            let expires: Int64 = 1_900_000_000_123
            let (key, secret) = try await pool.withConnection { db in
                try db.createKey(
                    accountName: name, name: "ci \"key\" 'quoted'", requestsPerMinute: 60, tokensPerMinute: 90_000,
                    allowedModels: ["openai/gpt-4o", "anthropic/*"], expiresAtMillis: expires)
            }
            #expect(APIKey.looksValid(secret))
            #expect(key.hashHex == APIKey.hash(secret) && key.hashHex.count == 64)
            #expect(key.displayPrefix == APIKey.displayPrefix(secret) && secret.hasPrefix(key.displayPrefix) && key.displayPrefix.count < secret.count)
            #expect(key.accountName == name && key.name == "ci \"key\" 'quoted'")
            #expect(key.requestsPerMinute == 60 && key.tokensPerMinute == 90_000)
            #expect(key.allowedModels == ["openai/gpt-4o", "anthropic/*"])
            #expect(key.expiresAtMillis == expires && key.revokedAt == nil)

            // The secret appears in no column of any key, nor in any other table.
            for table in ["api_keys", "accounts", "credit_transactions"] {
                let text = try await pool.query("SELECT coalesce(string_agg(t::text, ' '), '') AS all_rows FROM \(table) t").first?.string("all_rows") ?? ""
                #expect(!text.contains(secret), "\(table)")
                #expect(!text.contains(String(secret.dropFirst(APIKey.prefix.count))), "\(table)")
            }
            let row = try #require(try await pool.query("SELECT * FROM api_keys WHERE id = $1", [PostgresParameter(key.id)]).first)
            for column in row.columns { #expect(row.string(column)?.contains(secret) != true, "\(column)") }

            let record = key.governanceRecord
            #expect(record.accountID == key.accountID && record.keyID == key.id && record.hashHex == key.hashHex && !record.revoked)
            #expect(record.allowedModels == key.allowedModels && record.expiresAtMillis == expires)

            let listed = try await pool.withConnection { db in try db.keys(accountName: name) }
            #expect(listed == [key])

            let revoked = try await pool.withConnection { db in try db.revokeKey(id: key.id) }
            #expect(revoked.revokedAt != nil && revoked.governanceRecord.revoked)
            let revokedAgain = try await pool.withConnection { db in try db.revokeKey(id: key.id) }
            #expect(revokedAgain.revokedAt == revoked.revokedAt)
            await #expect(throws: LedgerUserError.self) { _ = try await pool.withConnection { db in try db.revokeKey(id: Int64.max) } }

            // Bad input writes nothing.
            for models in [["not a model"], ["openai/gpt-4o,anthropic/*"], [""]] {
                await #expect(throws: LedgerUserError.self, "\(models)") {
                    _ = try await pool.withConnection { db in
                        try db.createKey(accountName: name, name: "x", requestsPerMinute: 0, tokensPerMinute: 0, allowedModels: models, expiresAtMillis: nil)
                    }
                }
            }
            await #expect(throws: LedgerUserError.self) {
                _ = try await pool.withConnection { db in
                    try db.createKey(accountName: name, name: "x", requestsPerMinute: -1, tokensPerMinute: 0, allowedModels: [], expiresAtMillis: nil)
                }
            }
            await #expect(throws: LedgerUserError.self) {
                _ = try await pool.withConnection { db in
                    try db.createKey(accountName: name + "-missing", name: "x", requestsPerMinute: 0, tokensPerMinute: 0, allowedModels: [], expiresAtMillis: nil)
                }
            }
            #expect(try await pool.withConnection { db in try db.keys(accountName: name) }.count == 1)
        }
    }

    @Test func accountNamesAreValidated() async throws {
        try await TestPostgres.withPool { pool in
            let injection = "x'; drop table accounts; --"
            let bad = [
                injection, "robert'); DROP TABLE credit_transactions;--", "", " leading", "-dash", ".dot", "with space", "semi;colon",
                "quote\"", "ünïcode", "tab\tname", "new\nline", String(repeating: "a", count: 65), "percent%", "star*",
            ]
            for name in bad {
                await #expect(throws: LedgerUserError.self, "\(name.debugDescription)") {
                    _ = try await pool.withConnection { db in try db.createAccount(name: name) }
                }
                #expect(try await pool.int64("SELECT count(*) FROM accounts WHERE name = $1", [PostgresParameter(name)]) == 0)
            }
            // The tables are all still there.
            #expect(try await pool.int64("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('accounts', 'credit_transactions', 'api_keys', 'usage_events')") == 4)
            // Lookups with such a name are parameters, not SQL: they find nothing.
            await #expect(throws: LedgerUserError.self) { _ = try await pool.withConnection { db in try db.account(named: injection) } }

            let longest = "A" + String(TestEnvironment.unique("x").prefix(20)) + String(repeating: "z", count: 43)
            #expect(longest.utf8.count == 64 || longest.utf8.count < 64)
            for good in [longest, TestEnvironment.unique("ok.name_with-parts"), "9" + TestEnvironment.unique("digits")] {
                let created = try await pool.withConnection { db in try db.createAccount(name: good) }
                #expect(created.name == good)
            }
            // Names are unique.
            await #expect(throws: LedgerUserError.self) { _ = try await pool.withConnection { db in try db.createAccount(name: longest) } }
            // The database enforces the rule too, whatever a future caller forgets.
            await #expect(throws: PostgresError.self) { _ = try await pool.query("INSERT INTO accounts (name) VALUES ($1)", [PostgresParameter(injection)]) }
        }
    }

    @Test func usageReportGroupsAndTotals() async throws {
        try await TestPostgres.withPool { pool in
            let owner = try await TestAccount.create(in: pool, credit: 100_000_000)
            let second = try await pool.withConnection { db in
                try db.createKey(accountName: owner.name, name: "second", requestsPerMinute: 0, tokensPerMinute: 0, allowedModels: [], expiresAtMillis: nil).key
            }
            let day1: Int64 = 1_767_225_600_000  // 2026-01-01T00:00:00Z
            let day2 = day1 + 86_400_000 + 3_600_000  // 2026-01-02T01:00:00Z
            let settlements = [
                makeSettlement(account: owner.id, key: owner.keyID, model: "m/alpha", input: 100, output: 10, startedAtMillis: day1),
                makeSettlement(account: owner.id, key: owner.keyID, model: "m/alpha", input: 200, output: 20, startedAtMillis: day1 + 1_000),
                makeSettlement(account: owner.id, key: second.id, model: "m/beta", input: 300, output: 30, startedAtMillis: day2),
                makeSettlement(account: owner.id, key: second.id, model: "m/alpha", input: 0, output: 0, startedAtMillis: day2 + 5),
            ]
            _ = try await pool.withConnection { db in try db.settleBatch(settlements.map { PricedSettlement(settlement: $0, prices: $0.prices) }) }
            func report(_ grouping: UsageGrouping, since: String? = nil, until: String? = nil) async throws -> [UsageReportRow] {
                try await pool.withConnection { db in try db.usageReport(accountName: owner.name, since: since, until: until, groupBy: grouping) }
            }
            // Costs: 100*1000 + 10*2000 = 120000; 240000; 360000; 0.
            #expect(
                try await report(.model) == [
                    UsageReportRow(group: "m/alpha", requests: 3, inputTokens: 300, outputTokens: 30, cachedInputTokens: 0, cost: Money(nanos: 360_000)),
                    UsageReportRow(group: "m/beta", requests: 1, inputTokens: 300, outputTokens: 30, cachedInputTokens: 0, cost: Money(nanos: 360_000)),
                ])
            #expect(
                try await report(.day) == [
                    UsageReportRow(group: "2026-01-01", requests: 2, inputTokens: 300, outputTokens: 30, cachedInputTokens: 0, cost: Money(nanos: 360_000)),
                    UsageReportRow(group: "2026-01-02", requests: 2, inputTokens: 300, outputTokens: 30, cachedInputTokens: 0, cost: Money(nanos: 360_000)),
                ])
            let byKey = try await report(.key)
            #expect(byKey.count == 2)
            for key in [owner.key, second] {
                let row = byKey.first { $0.group == "key \(key.id) (\(key.displayPrefix))" }
                #expect(row?.requests == 2 && row?.cost.nanos == 360_000, "\(byKey)")
            }

            // A plain `until` date includes that whole day; `since` is inclusive.
            #expect(try await report(.day, until: "2026-01-01").map(\.group) == ["2026-01-01"])
            #expect(try await report(.day, since: "2026-01-02").map(\.group) == ["2026-01-02"])
            #expect(try await report(.model, since: "2026-01-01T00:00:01Z", until: "2026-01-02T01:00:00Z").map(\.requests) == [1])
            #expect(try await report(.model, since: "2027-01-01").isEmpty)
            await #expect(throws: LedgerUserError.self) { _ = try await report(.model, since: "yesterday-ish") }

            // The totals agree with the balance the batch lowered.
            let totalCost = try await report(.model).reduce(0) { $0 + $1.cost.nanos }
            #expect(try await pool.balance(of: owner.id).balance == 100_000_000 - totalCost)
        }
    }
    /// Several processes migrating a fresh database at once (ledgers and an admin starting together).
    @Test func concurrentMigratorsApplyEachMigrationOnce() async throws {
        let migrations = try Migrator.load(directory: TestEnvironment.migrationsDirectory)
        let database = "tm_it_migc_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        try await TestPostgres.withPool(size: 1) { admin in
            _ = try await admin.query("CREATE DATABASE \(database)")
            let pool = PostgresPool(url: try TestPostgres.url(database: database), size: 4, logger: TestEnvironment.logger)
            let outcome: Result<[[Int]], any Error>
            do {
                let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                    for _ in 0..<4 {
                        group.addTask { try await pool.withConnection { db in try Migrator.migrate(db, migrations: migrations).map(\.version) } }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                outcome = .success(applied)
            } catch {
                outcome = .failure(error)
            }
            let recorded = try? await pool.query("SELECT version FROM schema_migrations ORDER BY version").map { $0.int(0) ?? -1 }
            await pool.shutdown()
            _ = try await admin.query("DROP DATABASE IF EXISTS \(database) WITH (FORCE)")

            let applied = try outcome.get()
            // Exactly one migrator applied each version; the others found it done.
            #expect(applied.flatMap { $0 }.sorted() == migrations.map(\.version))
            #expect(recorded == migrations.map(\.version))
        }
    }

    /// An operator retrying a top-up from several terminals at once credits it once.
    @Test func concurrentTopUpsWithOneReferenceCreditOnce() async throws {
        try await TestPostgres.withPool(size: 5) { pool in
            let name = TestEnvironment.unique("it-topup-race")
            _ = try await pool.withConnection { db in try db.createAccount(name: name) }
            let outcomes = await withTaskGroup(of: Bool?.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        try? await pool.withConnection { db in
                            try db.topUp(accountName: name, amount: Money(nanos: 5_000_000_000), reference: "wire-2026-001").applied
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == true }.count == 1)
            // Every retry is answered (none fails): the others see the reference applied.
            #expect(outcomes.filter { $0 == false }.count == 9)
            let account = try await pool.withConnection { db in try db.account(named: name) }
            #expect(account.balance.nanos == 5_000_000_000 && account.version == 1)
            #expect(try await pool.ledgerSum(of: account.id) == 5_000_000_000)
        }
    }
}
