import Governance
import HTTPTypes
import Logging
import RedisClient
import TokModelCore

/// Authentication, limits and the credit hold: everything decided before a request may reach a provider.
struct Gatekeeper: Sendable {
    let governance: GovernanceStore
    let keyCache: KeyCache
    /// Remembers what each key's last admission left, to send requests ahead of their admission; nil when the
    /// edge runs with speculative dispatch off.
    let speculation: SpeculationGate?
    let logger: Logger

    init(governance: GovernanceStore, keyCache: KeyCache, speculation: SpeculationGate? = nil, logger: Logger) {
        self.governance = governance
        self.keyCache = keyCache
        self.speculation = speculation
        self.logger = logger
    }

    /// What a request needs admitted.
    struct Ticket: Sendable {
        var requestID: String
        var model: String
        var reservation: Money
        /// Tokens charged to tokens-per-minute limits now; corrected at settlement.
        var admittedTokens: Int64
        var holdMillis: Int64

        var claim: SpeculationBook.Claim { .init(reservation: reservation, tokens: admittedTokens) }
    }

    struct Admitted: Sendable {
        var accountID: Int64
        var keyID: Int64
        var limits: AdmissionDecision.Limits
    }

    /// A refusal with the headers it must carry (Retry-After, rate-limit headers).
    struct Refusal: Error, Sendable {
        var error: GatewayError
        var headers: HTTPFields = [:]
    }

    /// Extracts the key from `Authorization: Bearer …` (or `x-api-key`, which Anthropic clients send).
    static func apiKey(from headers: HTTPFields) throws(Refusal) -> String {
        if let authorization = headers[.authorization] {
            guard let token = bearerToken(authorization) else { throw Refusal(error: .missingKey) }
            return token
        }
        if let key = headers[xAPIKey] { return String(key.trimmingSpaces()) }
        throw Refusal(error: .missingKey)
    }

    static let xAPIKey = HTTPField.Name("x-api-key")!

    /// The token of `Bearer <token>` (the scheme in any case, spaces around it ignored), or nil. Works on the
    /// UTF-8 bytes: it runs for every request.
    static func bearerToken(_ value: String) -> String? {
        var bytes = Substring(value).utf8[...]
        while bytes.first == UInt8(ascii: " ") { bytes = bytes.dropFirst() }
        let scheme = "bearer ".utf8
        guard bytes.count > scheme.count,
            bytes.prefix(scheme.count).elementsEqual(scheme, by: { byte, expected in Self.asciiLowercased(byte) == expected })
        else { return nil }
        bytes = bytes.dropFirst(scheme.count)
        while let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes = bytes.dropLast() }
        return String(Substring(bytes))
    }

    static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    /// Whether the request may be sent to its provider before its admission answers (``SpeculationBook``);
    /// if so, admit it with `ahead: true`.
    func mayGoAhead(keyHash: String, ticket: Ticket) -> Bool {
        speculation?.claimAhead(keyHash, ticket.claim) ?? false
    }

    /// Checks the key (by its SHA-256) and its limits and holds the worst-case cost, in one Redis round trip
    /// when the key's mapping is cached (two the first time a key is seen by this edge). `ahead` says the
    /// request was already sent to its provider; either way the outcome updates the speculation book.
    func admit(keyHash hash: String, ticket: Ticket, ahead: Bool) async throws(Refusal) -> Admitted {
        var headroom: AdmissionDecision.Headroom?
        defer { speculation?.settle(hash, claim: ticket.claim, wasAhead: ahead, headroom: headroom) }
        do {
            var entry = keyCache.lookup(hash)
            if entry == nil {
                switch try await governance.lookupKey(hashHex: hash) {
                case .found(let accountID, let keyID):
                    let found = KeyCache.Entry(accountID: accountID, keyID: keyID)
                    keyCache.store(hash, found)
                    entry = found
                case .unknown: throw Refusal(error: .invalidKey)
                case .notReady: throw Refusal(error: .redisUnavailable)
                }
            }
            guard let entry else { throw Refusal(error: .invalidKey) }
            let decision = try await governance.admit(
                .init(
                    requestID: ticket.requestID, accountID: entry.accountID, keyID: entry.keyID, model: ticket.model,
                    reservation: ticket.reservation, admittedTokens: ticket.admittedTokens, holdMillis: ticket.holdMillis))
            if case .admitted(_, let room) = decision { headroom = room }
            return try Self.interpret(decision, entry: entry, model: ticket.model)
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            logger.warning("governance unavailable", metadata: ["gw.request.id": "\(ticket.requestID)", "gw.error": "\(error)"])
            throw Refusal(error: .redisUnavailable)
        }
    }

    static func interpret(_ decision: AdmissionDecision, entry: KeyCache.Entry, model: String) throws(Refusal) -> Admitted {
        switch decision {
        case .admitted(let limits, _):
            return Admitted(accountID: entry.accountID, keyID: entry.keyID, limits: limits)
        case .notReady:
            throw Refusal(error: .redisUnavailable)
        case .unknownKey:
            throw Refusal(error: .invalidKey)
        case .revokedKey:
            throw Refusal(error: .revokedKey)
        case .expiredKey:
            throw Refusal(error: .expiredKey)
        case .modelNotAllowed:
            throw Refusal(error: GatewayError(.permissionDenied, "This API key may not use the model '\(model)'.", code: "model_not_allowed", param: "model"))
        case .requestRateLimited(let retryAfter, let limits):
            throw rateLimited("Rate limit reached: \(limits.requestLimit) requests per minute for this key.", retryAfterMillis: retryAfter, limits: limits)
        case .tokenRateLimited(let retryAfter, let limits):
            throw rateLimited("Rate limit reached: \(limits.tokenLimit) tokens per minute for this key.", retryAfterMillis: retryAfter, limits: limits)
        case .tooLargeForTokenLimit(let tokenLimit):
            throw Refusal(
                error: GatewayError(
                    .rateLimited(retryAfterSeconds: 60), "Request too large: it may use more tokens than this key's limit of \(tokenLimit) per minute.",
                    code: "request_too_large_for_limit"))
        case .insufficientCredits:
            throw Refusal(error: .insufficientCredits)
        case .duplicateRequest:
            throw Refusal(error: GatewayError(.internalError, "Duplicate request id; retry the request.", code: "duplicate_request_id"))
        case .concurrencyLimited(let limit, let accountWide):
            var headers: HTTPFields = [:]
            headers[.retryAfter] = "1"
            throw Refusal(
                error: GatewayError(
                    .rateLimited(retryAfterSeconds: 1),
                    "Too many requests in flight: at most \(limit) at once for this \(accountWide ? "account" : "key").", code: "concurrency_limit_exceeded"),
                headers: headers)
        case .spendLimitReached(let limit, let period, let spent):
            let window = period == .total ? "in total" : (period == .day ? "per day (UTC)" : "per month (UTC)")
            throw Refusal(
                error: GatewayError(
                    .insufficientCredits,
                    "This API key's spend limit of $\(limit.dollarString) \(window) would be exceeded ($\(spent.dollarString) spent).",
                    code: "key_spend_limit_reached"))
        }
    }

    static func rateLimited(_ message: String, retryAfterMillis: Int64, limits: AdmissionDecision.Limits) -> Refusal {
        let seconds = Int(max(1, (retryAfterMillis + 999) / 1000))
        var headers: HTTPFields = [:]
        headers[.retryAfter] = String(seconds)
        RateLimitHeaders.add(limits, to: &headers)
        return Refusal(error: GatewayError(.rateLimited(retryAfterSeconds: seconds), message, code: "rate_limit_exceeded"), headers: headers)
    }
}

extension StringProtocol {
    func trimmingSpaces() -> SubSequence {
        var slice = self[...]
        while slice.first == " " || slice.first == "\t" { slice = slice.dropFirst() }
        while slice.last == " " || slice.last == "\t" { slice = slice.dropLast() }
        return slice
    }
}
