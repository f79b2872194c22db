import Foundation
import Governance
import Ledger
import RedisClient
import Testing
import TokModelCore

/// One account and key of the governance tests: ids in a high range no ledger ever hands out, random per test,
/// so that tests running in parallel (and earlier runs) never share Redis keys.
struct GovernanceFixture: Sendable {
    let store: GovernanceStore
    let accountID = Int64.random(in: 8_000_000_000_000...8_999_999_999_999)
    let keyID = Int64.random(in: 1...9_000_000_000)
    let hashHex = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()

    /// Writes the key and the balance the way the ledger does, and marks the database ready.
    func setUp(balance: Int64?, version: Int64 = 1, key: (inout KeyRecord) -> Void = { _ in }) async throws {
        var record = KeyRecord(accountID: accountID, keyID: keyID, hashHex: hashHex)
        key(&record)
        try await store.putKey(record)
        if let balance { try await store.settle(accountID: accountID, balance: Money(nanos: balance), version: version, releasing: []) }
        try await store.markReady(generation: "integration-tests")
    }

    func request(_ id: String = TestEnvironment.unique("req"), model: String = "openai/gpt-4o", reservation: Int64, tokens: Int64 = 100, holdMillis: Int64 = 600_000)
        -> GovernanceStore.AdmissionRequest
    {
        .init(requestID: id, accountID: accountID, keyID: keyID, model: model, reservation: Money(nanos: reservation), admittedTokens: tokens, holdMillis: holdMillis)
    }

    func admit(_ request: GovernanceStore.AdmissionRequest) async throws -> AdmissionDecision { try await store.admit(request) }

    func held() async throws -> Int64 { try await store.accountView(accountID: accountID).held.nanos }
}

func withGovernance<T>(databaseOffset: Int = 0, _ body: (GovernanceFixture) async throws -> T) async throws -> T {
    try await TestRedis.withConnection(databaseOffset: databaseOffset) { redis in
        try await body(GovernanceFixture(store: GovernanceStore(redis: redis)))
    }
}

extension AdmissionDecision {
    var isAdmitted: Bool {
        if case .admitted = self { return true }
        return false
    }
    var headroom: Headroom? {
        if case .admitted(_, let headroom) = self { return headroom }
        return nil
    }
    var limits: Limits? {
        switch self {
        case .admitted(let limits, _), .requestRateLimited(_, let limits), .tokenRateLimited(_, let limits): limits
        default: nil
        }
    }
}

@Suite(.timeLimit(.minutes(2)))
struct GovernanceIntegrationTests {
    @Test func admissionHoldsAndSettlementReleasesIdempotently() async throws {
        try await withGovernance { g in
            try await g.setUp(balance: 10_000, version: 5) { $0.requestsPerMinute = 60; $0.tokensPerMinute = 10_000 }
            let request = g.request("req-lifecycle", reservation: 2_500, tokens: 100)
            let decision = try await g.admit(request)
            // First request of a fresh key: the limits are exact (one request of 60, 100 tokens of 10000).
            #expect(
                decision
                    == .admitted(
                        .init(requestLimit: 60, requestsRemaining: 59, requestsResetMillis: 1_000, tokenLimit: 10_000, tokensRemaining: 9_900, tokensResetMillis: 600),
                        .init(money: Money(nanos: 7_500), requests: 59, tokens: 9_900)))

            let holds = try await g.store.holds(accountID: g.accountID)
            #expect(holds.count == 1)
            let hold = try #require(holds.first)
            #expect(hold.requestID == "req-lifecycle" && hold.amount == Money(nanos: 2_500) && hold.keyID == g.keyID && hold.admittedTokens == 100)
            #expect(hold.deadlineMillis > Int64(Date().timeIntervalSince1970 * 1000))
            var view = try await g.store.accountView(accountID: g.accountID)
            #expect(view.balance == Money(nanos: 10_000) && view.version == 5 && view.held == Money(nanos: 2_500))
            // The sweeper can find the hold: its deadline is indexed and the account listed.
            #expect(try await g.store.redis.send(["ZCARD", RedisArgument(RedisLayout.holdDeadlines(g.accountID))]) == .integer(1))
            #expect(try await g.store.redis.send(["SISMEMBER", RedisArgument(RedisLayout.accountsWithHolds), RedisArgument(g.accountID)]) == .integer(1))

            // The ledger commits the request: the hold goes, the new balance arrives with its version.
            #expect(try await g.store.settle(accountID: g.accountID, balance: Money(nanos: 8_000), version: 6, releasing: ["req-lifecycle"]) == 1)
            view = try await g.store.accountView(accountID: g.accountID)
            #expect(view.balance == Money(nanos: 8_000) && view.version == 6 && view.held == .zero)
            #expect(try await g.store.holds(accountID: g.accountID).isEmpty)
            #expect(try await g.store.redis.send(["ZCARD", RedisArgument(RedisLayout.holdDeadlines(g.accountID))]) == .integer(0))

            // A replay releases nothing (held never goes negative) and changes nothing.
            #expect(try await g.store.settle(accountID: g.accountID, balance: Money(nanos: 8_000), version: 6, releasing: ["req-lifecycle"]) == 0)
            view = try await g.store.accountView(accountID: g.accountID)
            #expect(view.balance == Money(nanos: 8_000) && view.version == 6 && view.held == .zero)

            // An older version (a late ledger, a rebuild racing a settlement) never overwrites a newer balance,
            // nor does the same version with another value.
            try await g.store.settle(accountID: g.accountID, balance: Money(nanos: 10_000), version: 5, releasing: [])
            try await g.store.settle(accountID: g.accountID, balance: Money(nanos: 9_999), version: 6, releasing: [])
            view = try await g.store.accountView(accountID: g.accountID)
            #expect(view.balance == Money(nanos: 8_000) && view.version == 6)
            try await g.store.settle(accountID: g.accountID, balance: Money(nanos: 7_000), version: 7, releasing: [])
            view = try await g.store.accountView(accountID: g.accountID)
            #expect(view.balance == Money(nanos: 7_000) && view.version == 7)

            // Releasing only what is named: two holds, one settled.
            #expect(try await g.admit(g.request("a", reservation: 1_000)).isAdmitted)
            #expect(try await g.admit(g.request("b", reservation: 2_000)).isAdmitted)
            #expect(try await g.held() == 3_000)
            #expect(try await g.store.settle(accountID: g.accountID, balance: nil, version: nil, releasing: ["b", "unknown"]) == 1)
            #expect(try await g.held() == 1_000)
            #expect(try await g.store.holds(accountID: g.accountID).map(\.requestID) == ["a"])
            #expect(try await g.store.accountView(accountID: g.accountID).balance == Money(nanos: 7_000))
        }
    }

    /// The ledger releases a batch at once: each hold once (even named twice), the counters of the account and
    /// of each key lowered by the batch's sums, and the TPM states moved by the summed token corrections.
    @Test func settlementBatchReleasesOnceAndCorrectsTokensPerMinute() async throws {
        try await withGovernance { g in
            try await g.setUp(balance: 1_000_000) { $0.tokensPerMinute = 1_000 }
            try await g.store.putAccountLimits(accountID: g.accountID, requestsPerMinute: 0, tokensPerMinute: 2_000, maxConcurrent: 0)
            let otherKey = g.keyID + 1
            var other = KeyRecord(accountID: g.accountID, keyID: otherKey, hashHex: String(g.hashHex.reversed()))
            other.tokensPerMinute = 1_000
            try await g.store.putKey(other)
            func field(_ key: String, _ name: String) async throws -> Int64? {
                try await g.store.redis.send(["HGET", RedisArgument(key), RedisArgument(name)]).int64
            }
            let record = RedisLayout.keyRecord(account: g.accountID, key: g.keyID)
            let account = RedisLayout.account(g.accountID)

            #expect(try await g.admit(g.request("r1", reservation: 1_000, tokens: 400)).isAdmitted)
            #expect(try await g.admit(g.request("r2", reservation: 2_000, tokens: 400)).isAdmitted)
            var third = g.request("r3", reservation: 4_000, tokens: 400)
            third.keyID = otherKey
            #expect(try await g.admit(third).isAdmitted)
            // The key has 200 tokens left this minute: a third 400-token estimate is refused.
            guard case .tokenRateLimited = try await g.admit(g.request(reservation: 10, tokens: 400)) else {
                Issue.record("expected the key's TPM to refuse")
                return
            }
            #expect(try await g.held() == 7_000)
            #expect(try await field(record, "infl") == 2)
            #expect(try await field(account, "infl") == 3)
            let keyState = try #require(try await field(record, "rl_t"))
            let accountState = try #require(try await field(account, "rl_t"))

            // r1 and r2 used 100 tokens each (300 fewer than estimated apiece), r3 exactly its estimate; r1 is
            // named twice (a replayed spool) and an unknown id once.
            let released = try await g.store.settle(
                accountID: g.accountID, balance: nil, version: nil,
                releases: [.init(requestID: "r1", tokens: 100), .init(requestID: "r2", tokens: 100), .init(requestID: "r1", tokens: 100),
                           .init(requestID: "r3", tokens: 400), .init(requestID: "unknown", tokens: 5)])
            #expect(released == 3)
            #expect(try await g.held() == 0)
            #expect(try await field(record, "held") == 0)
            #expect(try await field(RedisLayout.keyRecord(account: g.accountID, key: otherKey), "held") == 0)
            #expect(try await field(record, "infl") == 0)
            #expect(try await field(account, "infl") == 0)
            #expect(try await field(RedisLayout.keyRecord(account: g.accountID, key: otherKey), "infl") == 0)
            // 600 tokens back: 600 × 60 s / limit, in µs, exactly once (not 900 for the duplicate).
            #expect(try await field(record, "rl_t") == keyState - 36_000_000)
            #expect(try await field(account, "rl_t") == accountState - 18_000_000)
            // And the key can use them at once.
            #expect(try await g.admit(g.request(reservation: 10, tokens: 400)).isAdmitted)
            #expect(try await g.admit(g.request(reservation: 10, tokens: 400)).isAdmitted)
            #expect(try await g.store.settle(accountID: g.accountID, balance: nil, version: nil, releasing: ["r1", "r2", "r3"]) == 0)
        }
    }

    @Test func keyLookup() async throws {
        try await withGovernance { g in
            try await g.setUp(balance: nil)
            #expect(try await g.store.lookupKey(hashHex: g.hashHex) == .found(accountID: g.accountID, keyID: g.keyID))
            #expect(try await g.store.lookupKey(hashHex: String(repeating: "0", count: 63) + "1") == .unknown)
            #expect(try await g.store.lookupKey(hashHex: TestEnvironment.unique("not-a-hash")) == .unknown)
            #expect(try await g.store.isReady())
        }
    }

    /// Uses a Redis database of its own, which it flushes: the state after a wipe.
    @Test func notReadyWithoutTheMarker() async throws {
        try await withGovernance(databaseOffset: TestRedis.notReadyDatabase) { g in
            #expect(try await g.store.redis.send(["FLUSHDB"]) == .status("OK"))
            #expect(try await g.store.isReady() == false)
            #expect(try await g.store.lookupKey(hashHex: g.hashHex) == .notReady)
            #expect(try await g.admit(g.request(reservation: 1)) == .notReady)

            // Keys and balances written before the marker still answer "not ready", and nothing is held.
            var record = KeyRecord(accountID: g.accountID, keyID: g.keyID, hashHex: g.hashHex)
            record.requestsPerMinute = 1
            try await g.store.putKey(record)
            try await g.store.settle(accountID: g.accountID, balance: Money(nanos: 1_000), version: 1, releasing: [])
            #expect(try await g.store.lookupKey(hashHex: g.hashHex) == .notReady)
            #expect(try await g.admit(g.request(reservation: 1)) == .notReady)
            #expect(try await g.held() == 0)

            try await g.store.markReady(generation: "now")
            #expect(try await g.store.isReady())
            #expect(try await g.store.lookupKey(hashHex: g.hashHex) == .found(accountID: g.accountID, keyID: g.keyID))
            #expect(try await g.store.lookupKey(hashHex: String(repeating: "a", count: 64)) == .unknown)
            // The refused admissions did not consume the key's single request per minute.
            #expect(try await g.admit(g.request(reservation: 1)).isAdmitted)
        }
    }

    @Test func unknownRevokedAndExpiredKeys() async throws {
        try await withGovernance { g in
            try await g.setUp(balance: 1_000_000)
            // No record for this key id under the account.
            let stranger = GovernanceStore.AdmissionRequest(
                requestID: "x", accountID: g.accountID, keyID: g.keyID + 1, model: "m/m", reservation: Money(nanos: 1), admittedTokens: 1, holdMillis: 1_000)
            #expect(try await g.admit(stranger) == .unknownKey)

            try await g.setUp(balance: nil) { $0.revoked = true }
            #expect(try await g.admit(g.request(reservation: 1)) == .revokedKey)

            let now = Int64(Date().timeIntervalSince1970 * 1000)
            try await g.setUp(balance: nil) { $0.expiresAtMillis = now - 60_000 }
            #expect(try await g.admit(g.request(reservation: 1)) == .expiredKey)

            try await g.setUp(balance: nil) { $0.expiresAtMillis = now + 3_600_000 }
            #expect(try await g.admit(g.request("fine", reservation: 1)).isAdmitted)
            // Only the last one holds anything.
            #expect(try await g.store.holds(accountID: g.accountID).map(\.requestID) == ["fine"])
            #expect(try await g.held() == 1)
        }
    }

    @Test func allowedModelsExactAndProviderPatterns() async throws {
        try await withGovernance { g in
            try await g.setUp(balance: 1_000_000) { $0.allowedModels = ["openai/gpt-4o", "anthropic/*"] }
            let cases: [(String, Bool)] = [
                ("openai/gpt-4o", true), ("openai/gpt-4o-mini", false), ("openai/gpt-4", false), ("anthropic/claude-sonnet-4", true),
                ("anthropic/claude-3-haiku", true), ("anthropicx/claude", false), ("anthropic", false), ("gemini/gemini-2.0-flash", false),
                ("OPENAI/gpt-4o", false),
            ]
            for (model, allowed) in cases {
                let decision = try await g.admit(g.request(model: model, reservation: 10))
                if allowed {
                    #expect(decision.isAdmitted, "\(model)")
                } else {
                    #expect(decision == .modelNotAllowed, "\(model)")
                }
            }
            #expect(try await g.held() == 30)

            try await g.setUp(balance: nil) { $0.allowedModels = ["*"] }
            #expect(try await g.admit(g.request(model: "anything/at-all", reservation: 10)).isAdmitted)
            try await g.setUp(balance: nil) { $0.allowedModels = [] }
            #expect(try await g.admit(g.request(model: "gemini/gemini-2.0-flash", reservation: 10)).isAdmitted)
            #expect(try await g.held() == 50)
        }
    }

    @Test func requestsPerMinuteLimit() async throws {
        try await withGovernance { g in
            try await g.setUp(balance: 1_000_000) { $0.requestsPerMinute = 3 }
            var remaining: [Int64] = []
            for _ in 0..<3 {
                let decision = try await g.admit(g.request(reservation: 100))
                #expect(decision.isAdmitted)
                remaining.append(decision.limits?.requestsRemaining ?? -99)
                #expect(decision.limits?.requestLimit == 3)
            }
            #expect(remaining == [2, 1, 0])
            for _ in 0..<2 {
                let refused = try await g.admit(g.request(reservation: 100))
                guard case .requestRateLimited(let retryAfter, let limits) = refused else {
                    Issue.record("expected requestRateLimited, got \(refused)")
                    return
                }
                // The next request slot opens one interval (20 s) after the first admission.
                #expect(retryAfter > 0 && retryAfter <= 20_000)
                #expect(limits.requestLimit == 3 && limits.requestsRemaining == 0 && limits.requestsResetMillis > 0)
            }
            // Refusals hold nothing.
            #expect(try await g.store.holds(accountID: g.accountID).count == 3)
            #expect(try await g.held() == 300)
        }
    }

    @Test func tokensPerMinuteLimitAndOversizedRequests() async throws {
        try await withGovernance { g in
            try await g.setUp(balance: 1_000_000) { $0.requestsPerMinute = 3; $0.tokensPerMinute = 1_000 }
            let first = try await g.admit(g.request(reservation: 10, tokens: 400))
            #expect(first.limits?.tokenLimit == 1_000 && first.limits?.tokensRemaining == 600)
            #expect(try await g.admit(g.request(reservation: 10, tokens: 400)).isAdmitted)

            let refused = try await g.admit(g.request(reservation: 10, tokens: 400))
            guard case .tokenRateLimited(let retryAfter, let limits) = refused else {
                Issue.record("expected tokenRateLimited, got \(refused)")
                return
            }
            #expect(retryAfter > 0 && retryAfter <= 24_000)
            #expect(limits.tokenLimit == 1_000 && limits.requestLimit == 3)

            // Alone above the limit: never admissible, however long one waits.
            #expect(try await g.admit(g.request(reservation: 10, tokens: 1_001)) == .tooLargeForTokenLimit(tokenLimit: 1_000))

            // Neither refusal consumed a request or a token: 200 tokens still fit, and it is the third request.
            let third = try await g.admit(g.request(reservation: 10, tokens: 200))
            #expect(third.isAdmitted)
            #expect(third.limits?.requestsRemaining == 0)
            #expect(try await g.store.holds(accountID: g.accountID).count == 3)
            #expect(try await g.held() == 30)
        }
    }

    @Test func creditsAreReservedAndReleased() async throws {
        try await withGovernance { g in
            try await g.setUp(balance: 1_000) { $0.requestsPerMinute = 3 }
            let a = try await g.admit(g.request("credit-a", reservation: 400))
            #expect(a.isAdmitted && a.limits?.requestsRemaining == 2)
            #expect(try await g.admit(g.request("credit-b", reservation: 400)).isAdmitted)
            #expect(try await g.admit(g.request("credit-c", reservation: 400)) == .insufficientCredits(available: Money(nanos: 200)))
            #expect(try await g.held() == 800)
            #expect(try await g.store.holds(accountID: g.accountID).count == 2)

            // Settling one frees its reservation; the refused request did not use the third request slot.
            #expect(try await g.store.settle(accountID: g.accountID, balance: nil, version: nil, releasing: ["credit-a"]) == 1)
            let d = try await g.admit(g.request("credit-d", reservation: 400))
            #expect(d.isAdmitted && d.limits?.requestsRemaining == 0)
            #expect(try await g.held() == 800)

            try await g.store.settle(accountID: g.accountID, balance: Money(nanos: 1_000), version: 2, releasing: ["credit-b", "credit-d"])
            #expect(try await g.held() == 0)
        }
        try await withGovernance { g in
            try await g.setUp(balance: 1_000)
            #expect(try await g.admit(g.request(reservation: 1_001)) == .insufficientCredits(available: Money(nanos: 1_000)))
            #expect(try await g.admit(g.request(reservation: 1_000)).isAdmitted)
            #expect(try await g.admit(g.request(reservation: 1)) == .insufficientCredits(available: .zero))
            #expect(try await g.admit(g.request(reservation: 0)).isAdmitted)
            #expect(try await g.held() == 1_000)
        }
        try await withGovernance { g in
            // A key whose account has no balance in Redis yet: nothing is available.
            try await g.setUp(balance: nil)
            #expect(try await g.admit(g.request(reservation: 1)) == .insufficientCredits(available: .zero))
            #expect(try await g.store.holds(accountID: g.accountID).isEmpty)
        }
    }

    /// What an admission leaves for the next requests, which an edge uses to decide whether to call the provider
    /// while the next admission runs: each figure is the tightest of the limits that apply, nil when none does.
    @Test func admissionReportsTheHeadroomItLeaves() async throws {
        try await withGovernance { g in
            try await g.setUp(balance: 10_000) {
                $0.requestsPerMinute = 60
                $0.tokensPerMinute = 10_000
                $0.maxConcurrent = 3
                $0.spendLimit = Money(nanos: 6_000)
            }
            // Balance 10,000 − 2,500 held = 7,500, but the key's total spend limit leaves 6,000 − 2,500 = 3,500.
            let first = try await g.admit(g.request(reservation: 2_500, tokens: 100))
            #expect(first.headroom == .init(money: Money(nanos: 3_500), requests: 59, tokens: 9_900, inFlight: 2))
            let second = try await g.admit(g.request(reservation: 2_500, tokens: 100))
            let room = try #require(second.headroom)
            #expect(room.money == Money(nanos: 1_000) && room.inFlight == 1)
            // The per-minute limits refill meanwhile (a token every 6 ms): 58 and 9,800 if no time passed.
            #expect((58...59).contains(room.requests ?? -1) && (9_800..<9_900).contains(room.tokens ?? -1))
            // The headroom said a third such request would be refused, and it is.
            #expect(try await g.admit(g.request(reservation: 2_500, tokens: 100)) == .spendLimitReached(limit: Money(nanos: 6_000), period: .total, spent: .zero))
        }
        try await withGovernance { g in
            // No limits on the key: only the balance bounds what follows.
            try await g.setUp(balance: 1_000)
            #expect(try await g.admit(g.request(reservation: 400)).headroom == .init(money: Money(nanos: 600)))
            #expect(try await g.admit(g.request(reservation: 600)).headroom == .init(money: .zero))
        }
        try await withGovernance { g in
            // A balance beyond 2^53 nano-dollars is treated as covering any request (docs/money.md): no money bound.
            try await g.setUp(balance: 1 << 60)
            #expect(try await g.admit(g.request(reservation: 400)).headroom == .init())
        }
    }

    /// Billing safety: many edges admitting at once can never hold more than the balance.
    @Test func noOverspendUnderConcurrency() async throws {
        try await TestRedis.withConnection { second in
            try await withGovernance { g in
                let reservation: Int64 = 1_234_567
                let balance = reservation * 10
                try await g.setUp(balance: balance)
                // Two connections, as two edges would have.
                let stores = [g.store, GovernanceStore(redis: second)]
                let maxHeld = Locked<Int64>(0)
                let sampling = Locked(true)
                let sampler = Task {
                    while sampling.value {
                        let view = try await g.store.accountView(accountID: g.accountID)
                        maxHeld.update { $0 = max($0, view.held.nanos) }
                        #expect(view.balance == Money(nanos: balance))
                        await Task.yield()
                    }
                }
                let decisions = try await withThrowingTaskGroup(of: AdmissionDecision.self) { group in
                    for index in 0..<200 {
                        group.addTask { try await stores[index % 2].admit(g.request("conc-\(index)", reservation: reservation)) }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                sampling.update { $0 = false }
                try await sampler.value

                #expect(decisions.filter(\.isAdmitted).count == 10)
                var refused = 0
                for decision in decisions {
                    if case .insufficientCredits(let available) = decision {
                        refused += 1
                        #expect(available.nanos >= 0 && available.nanos < reservation)
                    }
                }
                #expect(refused == 190)
                #expect(maxHeld.value <= balance)
                #expect(try await g.held() == balance)
                let holds = try await g.store.holds(accountID: g.accountID)
                #expect(holds.count == 10 && holds.reduce(0) { $0 + $1.amount.nanos } == balance)
            }
        }
    }
    /// Uses a Redis database of its own: the sweeper visits every account with holds.
    @Test func sweeperReleasesOnlyExpiredHolds() async throws {
        try await withGovernance(databaseOffset: TestRedis.sweeperDatabase) { g in
            #expect(try await g.store.redis.send(["FLUSHDB"]) == .status("OK"))
            try await g.setUp(balance: 10_000)
            #expect(try await g.admit(g.request("expires", reservation: 1_000, holdMillis: 1)).isAdmitted)
            #expect(try await g.admit(g.request("lives", reservation: 2_000, holdMillis: 600_000)).isAdmitted)
            #expect(try await g.held() == 3_000)
            let expiry = try #require(try await g.store.holds(accountID: g.accountID).first { $0.requestID == "expires" }?.deadlineMillis)
            try await waitUntil(10, "the short hold's deadline to pass") { WallClock.unixMillis() > expiry + 5 }

            let sweeper = HoldSweeper(governance: g.store, logger: TestEnvironment.logger)
            #expect(try await sweeper.sweepOnce() == 1)
            #expect(try await g.store.holds(accountID: g.accountID).map(\.requestID) == ["lives"])
            #expect(try await g.held() == 2_000)
            #expect(try await sweeper.sweepOnce() == 0)
            // A settlement arriving after its hold was swept releases nothing more.
            #expect(try await g.store.settle(accountID: g.accountID, balance: Money(nanos: 9_000), version: 2, releasing: ["expires"]) == 0)
            #expect(try await g.held() == 2_000)
            #expect(try await g.store.accountsWithHolds() == [g.accountID])
            #expect(try await g.store.settle(accountID: g.accountID, balance: nil, version: nil, releasing: ["lives"]) == 1)
            #expect(try await g.held() == 0)
            #expect(try await g.store.accountsWithHolds().isEmpty)
        }
    }
}
