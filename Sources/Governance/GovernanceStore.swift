public import RedisClient
public import TokModelCore

/// What the admission script decided.
public enum AdmissionDecision: Sendable, Equatable {
    public struct Limits: Sendable, Equatable {
        /// Requests per minute allowed (0 = unlimited), how many remain, and milliseconds until fully reset.
        public var requestLimit: Int64
        public var requestsRemaining: Int64
        public var requestsResetMillis: Int64
        public var tokenLimit: Int64
        public var tokensRemaining: Int64
        public var tokensResetMillis: Int64

        public init(requestLimit: Int64 = 0, requestsRemaining: Int64 = -1, requestsResetMillis: Int64 = 0, tokenLimit: Int64 = 0, tokensRemaining: Int64 = -1, tokensResetMillis: Int64 = 0) {
            self.requestLimit = requestLimit
            self.requestsRemaining = requestsRemaining
            self.requestsResetMillis = requestsResetMillis
            self.tokenLimit = tokenLimit
            self.tokensRemaining = tokensRemaining
            self.tokensResetMillis = tokensResetMillis
        }
    }

    /// What an admission left for the requests after it, each `nil` where nothing limits it. An edge uses it
    /// to predict whether the key's next request will be admitted too (speculative dispatch, in the edge).
    public struct Headroom: Sendable, Equatable {
        /// Money still available: the account's balance less its holds, or the key's tightest spend limit.
        public var money: Money?
        /// Requests the key's and the account's per-minute limits allow right now.
        public var requests: Int64?
        /// Tokens the key's and the account's per-minute limits allow right now.
        public var tokens: Int64?
        /// More requests in flight the key's and the account's concurrency limits allow.
        public var inFlight: Int64?

        public init(money: Money? = nil, requests: Int64? = nil, tokens: Int64? = nil, inFlight: Int64? = nil) {
            self.money = money
            self.requests = requests
            self.tokens = tokens
            self.inFlight = inFlight
        }
    }

    /// Admitted; the reservation is held under the request id.
    case admitted(Limits, Headroom)
    /// Redis has not been rebuilt from PostgreSQL (after a wipe): answer 503.
    case notReady
    case unknownKey
    case revokedKey
    case expiredKey
    case modelNotAllowed
    case requestRateLimited(retryAfterMillis: Int64, Limits)
    case tokenRateLimited(retryAfterMillis: Int64, Limits)
    /// The request alone exceeds the key's tokens-per-minute limit.
    case tooLargeForTokenLimit(tokenLimit: Int64)
    case insufficientCredits(available: Money)
    /// Too many requests in flight for the key (`scope` 1) or the account (2).
    case concurrencyLimited(limit: Int64, accountWide: Bool)
    /// The key's spend limit (`period`: total, day or month) cannot cover this request.
    case spendLimitReached(limit: Money, period: SpendPeriod, spent: Money)
    /// A hold already exists under this request id.
    case duplicateRequest
}

public enum SpendPeriod: String, Sendable, Equatable {
    case total, day, month
}

public enum KeyLookup: Sendable, Equatable {
    case found(accountID: Int64, keyID: Int64)
    case unknown
    case notReady
}

/// A key's state as the admission script reads it.
public struct KeyRecord: Sendable, Equatable {
    public var accountID: Int64
    public var keyID: Int64
    public var hashHex: String
    public var revoked: Bool
    public var requestsPerMinute: Int64
    public var tokensPerMinute: Int64
    /// Unix milliseconds after which the key stops working; nil for never.
    public var expiresAtMillis: Int64?
    /// Exact model ids or `provider/*` patterns; empty allows every model.
    public var allowedModels: [String]
    /// Requests in flight at once (0 = unlimited).
    public var maxConcurrent: Int64
    /// Spend limits in total, per UTC day and per UTC month (zero = none).
    public var spendLimit: Money
    public var dailySpendLimit: Money
    public var monthlySpendLimit: Money

    public init(
        accountID: Int64, keyID: Int64, hashHex: String, revoked: Bool = false, requestsPerMinute: Int64 = 0, tokensPerMinute: Int64 = 0,
        expiresAtMillis: Int64? = nil, allowedModels: [String] = [], maxConcurrent: Int64 = 0, spendLimit: Money = .zero,
        dailySpendLimit: Money = .zero, monthlySpendLimit: Money = .zero
    ) {
        self.accountID = accountID
        self.keyID = keyID
        self.hashHex = hashHex
        self.revoked = revoked
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
        self.expiresAtMillis = expiresAtMillis
        self.allowedModels = allowedModels
        self.maxConcurrent = maxConcurrent
        self.spendLimit = spendLimit
        self.dailySpendLimit = dailySpendLimit
        self.monthlySpendLimit = monthlySpendLimit
    }
}

/// One open hold, as stored in Redis.
public struct Hold: Sendable, Equatable {
    public var requestID: String
    public var amount: Money
    public var keyID: Int64
    public var admittedTokens: Int64
    public var deadlineMillis: Int64
}

/// Typed access to TokModel's Redis view: the edge's admission, the ledger's settlement and rebuild, the
/// admin's key and balance updates. Every operation is one round trip.
public struct GovernanceStore: Sendable {
    public let redis: RedisConnection
    static let admitScript = Script(Scripts.admit)
    static let lookupScript = Script(Scripts.lookup)
    static let settleScript = Script(Scripts.settle)
    static let keySpendScript = Script(Scripts.keySpend)
    static let extendHoldsScript = Script(Scripts.extendHolds)

    public init(redis: RedisConnection) { self.redis = redis }

    // MARK: Edge

    public func lookupKey(hashHex: String) async throws -> KeyLookup {
        let reply = try await Self.lookupScript.run(on: redis, keys: [RedisLayout.keyHash(hashHex), RedisLayout.ready], arguments: [])
        guard let fields = reply.array, let code = fields.first?.int64 else { throw GovernanceError("lookup script: \(reply)") }
        switch code {
        case 1:
            guard let text = fields[1].string, let colon = text.firstIndex(of: ":"),
                let account = Int64(text[..<colon]), let key = Int64(text[text.index(after: colon)...])
            else { throw GovernanceError("malformed key mapping") }
            return .found(accountID: account, keyID: key)
        case 2: return .notReady
        default: return .unknown
        }
    }

    public struct AdmissionRequest: Sendable {
        public var requestID: String
        public var accountID: Int64
        public var keyID: Int64
        public var model: String
        public var reservation: Money
        public var admittedTokens: Int64
        public var holdMillis: Int64

        public init(requestID: String, accountID: Int64, keyID: Int64, model: String, reservation: Money, admittedTokens: Int64, holdMillis: Int64) {
            self.requestID = requestID
            self.accountID = accountID
            self.keyID = keyID
            self.model = model
            self.reservation = reservation
            self.admittedTokens = admittedTokens
            self.holdMillis = holdMillis
        }
    }

    public func admit(_ request: AdmissionRequest) async throws -> AdmissionDecision {
        let a = request.accountID
        let k = request.keyID
        let keys = [
            RedisLayout.ready, RedisLayout.keyRecord(account: a, key: k), RedisLayout.account(a), RedisLayout.holds(a),
            RedisLayout.holdDeadlines(a), RedisLayout.accountsWithHolds,
        ]
        let reply = try await Self.admitScript.run(
            on: redis, keys: keys,
            arguments: [
                RedisArgument(request.requestID), RedisArgument(request.model), RedisArgument(request.reservation.nanos),
                RedisArgument(request.admittedTokens), RedisArgument(request.holdMillis), RedisArgument(k), RedisArgument(a),
            ])
        guard let fields = reply.array, let code = fields.first?.int64 else { throw GovernanceError("admission script: \(reply)") }
        let v = fields.map { $0.int64 ?? 0 }
        func at(_ i: Int) -> Int64 { i < v.count ? v[i] : 0 }
        switch code {
        case 1:
            func room(_ i: Int) -> Int64? { i < v.count && v[i] >= 0 ? v[i] : nil }
            return .admitted(
                .init(requestLimit: at(1), requestsRemaining: at(2), requestsResetMillis: at(3), tokenLimit: at(4), tokensRemaining: at(5), tokensResetMillis: at(6)),
                .init(money: room(7).map { Money(nanos: $0) }, requests: room(8), tokens: room(9), inFlight: room(10)))
        case 2: return .notReady
        case 3: return .unknownKey
        case 4: return .revokedKey
        case 5: return .expiredKey
        case 6: return .modelNotAllowed
        case 7: return .requestRateLimited(retryAfterMillis: at(1), .init(requestLimit: at(2), requestsRemaining: at(3), requestsResetMillis: at(4), tokenLimit: at(5)))
        case 8:
            return .tokenRateLimited(
                retryAfterMillis: at(1),
                .init(requestLimit: at(2), requestsRemaining: at(3), requestsResetMillis: at(4), tokenLimit: at(5), tokensRemaining: at(6), tokensResetMillis: at(7)))
        case 10: return .tooLargeForTokenLimit(tokenLimit: at(5))
        case 9: return .insufficientCredits(available: Money(nanos: at(1)))
        case 13: return .duplicateRequest
        case 11: return .concurrencyLimited(limit: at(1), accountWide: at(2) == 2)
        case 12:
            let period: SpendPeriod = at(2) == 1 ? .total : (at(2) == 2 ? .day : .month)
            return .spendLimitReached(limit: Money(nanos: at(1)), period: period, spent: Money(nanos: at(3)))
        default: throw GovernanceError("admission script returned code \(code)")
        }
    }

    // MARK: Ledger and admin

    /// A hold to release, with the request's real token count when known (it corrects the tokens-per-minute
    /// limits, which were charged an estimate at admission).
    public struct Release: Sendable, Equatable {
        public var requestID: String
        public var tokens: Int64?

        public init(requestID: String, tokens: Int64? = nil) {
            self.requestID = requestID
            self.tokens = tokens
        }
    }

    /// Releases the holds of `requestIDs` and stores the account's PostgreSQL balance at `version` (when given),
    /// atomically. Safe to repeat. Returns how many holds were released.
    @discardableResult
    public func settle(accountID: Int64, balance: Money?, version: Int64?, releasing requestIDs: [String]) async throws -> Int {
        try await settle(accountID: accountID, balance: balance, version: version, releases: requestIDs.map { Release(requestID: $0) })
    }

    @discardableResult
    public func settle(accountID: Int64, balance: Money?, version: Int64?, releases: [Release]) async throws -> Int {
        // A balance is stored only with its version (the version is what keeps an older value from winning).
        let versioned = balance.flatMap { balance in version.map { (balance, $0) } }
        var arguments: [RedisArgument] = [
            versioned.map { RedisArgument($0.0.nanos) } ?? "", versioned.map { RedisArgument($0.1) } ?? "",
            RedisArgument(RedisLayout.tag(accountID)), RedisArgument(accountID), RedisArgument(releases.count),
        ]
        arguments.append(contentsOf: releases.map { RedisArgument($0.requestID) })
        arguments.append(contentsOf: releases.map { $0.tokens.map { RedisArgument($0) } ?? "-" })
        let reply = try await Self.settleScript.run(
            on: redis,
            keys: [RedisLayout.account(accountID), RedisLayout.holds(accountID), RedisLayout.holdDeadlines(accountID), RedisLayout.accountsWithHolds],
            arguments: arguments)
        guard let released = reply.int64 else { throw GovernanceError("settle script: \(reply)") }
        return Int(released)
    }

    /// A key's spend as PostgreSQL last computed it.
    public struct KeySpend: Sendable, Equatable {
        public var total: Money
        public var today: Money
        /// `YYYYMMDD` (UTC).
        public var dayID: String
        public var thisMonth: Money
        /// `YYYYMM` (UTC).
        public var monthID: String
        public var version: Int64

        public init(total: Money, today: Money, dayID: String, thisMonth: Money, monthID: String, version: Int64) {
            self.total = total
            self.today = today
            self.dayID = dayID
            self.thisMonth = thisMonth
            self.monthID = monthID
            self.version = version
        }
    }

    /// Stores a key's spend unless Redis already has a newer version. Returns whether it was stored.
    @discardableResult
    public func putKeySpend(accountID: Int64, keyID: Int64, spend: KeySpend) async throws -> Bool {
        let reply = try await Self.keySpendScript.run(
            on: redis, keys: [RedisLayout.keyRecord(account: accountID, key: keyID)],
            arguments: [
                RedisArgument(spend.total.nanos), RedisArgument(spend.today.nanos), RedisArgument(spend.dayID),
                RedisArgument(spend.thisMonth.nanos), RedisArgument(spend.monthID), RedisArgument(spend.version),
            ])
        guard let stored = reply.int64 else { throw GovernanceError("key spend script: \(reply)") }
        return stored == 1
    }

    /// Moves the deadline of holds whose settlement is safe in a ledger's spool, so the sweeper keeps them
    /// until the spool drains into PostgreSQL (and the balance reflects the cost).
    @discardableResult
    public func extendHolds(accountID: Int64, requestIDs: [String], deadlineMillis: Int64) async throws -> Int {
        var arguments: [RedisArgument] = [RedisArgument(deadlineMillis)]
        arguments.append(contentsOf: requestIDs.map { RedisArgument($0) })
        let reply = try await Self.extendHoldsScript.run(
            on: redis, keys: [RedisLayout.holds(accountID), RedisLayout.holdDeadlines(accountID)], arguments: arguments)
        return Int(reply.int64 ?? 0)
    }

    /// Accounts that may have open holds (for the sweeper).
    public func accountsWithHolds() async throws -> [Int64] {
        let reply = try await redis.send(["SMEMBERS", RedisArgument(RedisLayout.accountsWithHolds)])
        return (reply.array ?? []).compactMap(\.int64)
    }

    /// Request ids of an account's holds whose deadline has passed.
    public func expiredHolds(accountID: Int64, nowMillis: Int64, limit: Int = 1000) async throws -> [String] {
        let reply = try await redis.send([
            "ZRANGEBYSCORE", RedisArgument(RedisLayout.holdDeadlines(accountID)), "-inf", RedisArgument(nowMillis), "LIMIT", "0", RedisArgument(limit),
        ])
        return (reply.array ?? []).compactMap(\.string)
    }

    /// Stores the account-wide limits (0 = unlimited).
    public func putAccountLimits(accountID: Int64, requestsPerMinute: Int64, tokensPerMinute: Int64, maxConcurrent: Int64) async throws {
        let reply = try await redis.send([
            "HSET", RedisArgument(RedisLayout.account(accountID)), "rpm", RedisArgument(requestsPerMinute), "tpm", RedisArgument(tokensPerMinute),
            "conc", RedisArgument(maxConcurrent),
        ])
        if let failure = reply.errorMessage { throw GovernanceError(failure) }
    }

    /// Writes a key's record and its hash mapping.
    public func putKey(_ record: KeyRecord) async throws {
        let replies = try await redis.pipeline([
            [
                "HSET", RedisArgument(RedisLayout.keyRecord(account: record.accountID, key: record.keyID)),
                "st", RedisArgument(record.revoked ? "r" : "a"),
                "rpm", RedisArgument(record.requestsPerMinute), "tpm", RedisArgument(record.tokensPerMinute),
                "exp", RedisArgument(record.expiresAtMillis ?? 0), "models", RedisArgument(record.allowedModels.joined(separator: ",")),
                "conc", RedisArgument(record.maxConcurrent), "lim_t", RedisArgument(record.spendLimit.nanos),
                "lim_d", RedisArgument(record.dailySpendLimit.nanos), "lim_m", RedisArgument(record.monthlySpendLimit.nanos),
            ],
            ["SET", RedisArgument(RedisLayout.keyHash(record.hashHex)), RedisArgument("\(record.accountID):\(record.keyID)")],
            ["PUBLISH", RedisArgument(RedisLayout.invalidationChannel), RedisArgument("key:\(record.accountID):\(record.keyID)")],
        ])
        if let failure = replies.compactMap(\.errorMessage).first { throw GovernanceError(failure) }
    }

    /// Whether Redis holds a complete view (the ledger sets the marker after a rebuild).
    public func isReady() async throws -> Bool {
        try await redis.send(["EXISTS", RedisArgument(RedisLayout.ready)]).int64 == 1
    }

    public func markReady(generation: String) async throws {
        _ = try await redis.send(["SET", RedisArgument(RedisLayout.ready), RedisArgument(generation)])
    }

    /// The account's view: PostgreSQL balance, its version, and the sum of open holds.
    public func accountView(accountID: Int64) async throws -> (balance: Money?, version: Int64?, held: Money) {
        let reply = try await redis.send(["HMGET", RedisArgument(RedisLayout.account(accountID)), "bal", "ver", "held"])
        let fields = reply.array ?? []
        func int(_ i: Int) -> Int64? { i < fields.count ? fields[i].int64 : nil }
        return (int(0).map { Money(nanos: $0) }, int(1), Money(nanos: int(2) ?? 0))
    }

    /// Open holds of an account.
    public func holds(accountID: Int64) async throws -> [Hold] {
        let reply = try await redis.send(["HGETALL", RedisArgument(RedisLayout.holds(accountID))])
        let items = reply.array ?? []
        var holds: [Hold] = []
        var index = 0
        while index + 1 < items.count {
            if let id = items[index].string, let value = items[index + 1].string {
                let parts = value.split(separator: "|")
                if parts.count == 4, let amount = Int64(parts[0]), let key = Int64(parts[1]), let tokens = Int64(parts[2]), let deadline = Int64(parts[3]) {
                    holds.append(Hold(requestID: id, amount: Money(nanos: amount), keyID: key, admittedTokens: tokens, deadlineMillis: deadline))
                }
            }
            index += 2
        }
        return holds
    }
}
