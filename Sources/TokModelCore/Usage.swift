/// Token counts of one request, as the provider reported them (or as estimated, see ``UsageSource``).
public struct Usage: Sendable, Hashable {
    /// All prompt tokens, cached ones included.
    public var inputTokens: Int64
    /// All generated tokens, reasoning tokens included.
    public var outputTokens: Int64
    /// Prompt tokens read from the provider's cache (a subset of ``inputTokens``).
    public var cachedInputTokens: Int64
    /// Prompt tokens written to the provider's cache (a subset of ``inputTokens``; Anthropic).
    public var cacheWriteInputTokens: Int64
    /// Reasoning tokens (a subset of ``outputTokens``), kept for reports.
    public var reasoningTokens: Int64

    public init(inputTokens: Int64 = 0, outputTokens: Int64 = 0, cachedInputTokens: Int64 = 0, cacheWriteInputTokens: Int64 = 0, reasoningTokens: Int64 = 0) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
        self.cacheWriteInputTokens = cacheWriteInputTokens
        self.reasoningTokens = reasoningTokens
    }

    public static let zero = Usage()
    public var totalTokens: Int64 { inputTokens + outputTokens }
}

/// Where a usage figure came from; recorded on every usage event.
public enum UsageSource: UInt8, Sendable, Hashable, CaseIterable {
    /// The provider reported it in its response.
    case provider = 1
    /// The client went away; the edge read the rest of the provider's answer to get its report.
    case drained = 2
    /// No report was available; the edge estimated from what it relayed.
    case estimated = 3
    /// Nothing was generated (e.g. a provider error before any output).
    case none = 4

    public var name: String {
        switch self {
        case .provider: "provider"
        case .drained: "drained"
        case .estimated: "estimated"
        case .none: "none"
        }
    }
}

/// How a request ended, from the gateway's point of view.
public enum RequestOutcome: UInt8, Sendable, Hashable, CaseIterable {
    case completed = 1
    /// The client disconnected before the answer was complete.
    case clientAborted = 2
    /// The provider failed (error status, broken stream, timeout).
    case upstreamFailed = 3
    /// The edge died before the request ended (killed, crashed): settled by the ledger from the edge's journal,
    /// with the prompt estimate, as a client abort is.
    case edgeLost = 4

    public var name: String {
        switch self {
        case .completed: "completed"
        case .clientAborted: "client_aborted"
        case .upstreamFailed: "upstream_failed"
        case .edgeLost: "edge_lost"
        }
    }
}

/// Everything the ledger needs to bill one request exactly once. The request id is the idempotency key: a
/// settlement replayed any number of times is billed once.
public struct Settlement: Sendable, Hashable {
    public var requestID: String
    public var accountID: Int64
    public var keyID: Int64
    /// The catalog id the client asked for, e.g. `openai/gpt-4o`.
    public var model: String
    /// The catalog provider that served it.
    public var provider: String
    /// The API surface, e.g. `chat.completions`.
    public var endpoint: String
    public var usage: Usage
    public var usageSource: UsageSource
    public var outcome: RequestOutcome
    /// HTTP status returned to the client.
    public var httpStatus: UInt16
    /// The amount held at admission; the ledger releases it when it settles.
    public var reservation: Money
    /// Tokens charged to the tokens-per-minute limits at admission, corrected at settlement.
    public var admittedTokens: Int64
    /// Prices the edge saw; the ledger bills with its own catalog and uses these only for a model it lacks.
    public var prices: PriceSheet
    /// Unix time in milliseconds when the edge received the request.
    public var startedAtMillis: Int64
    /// Milliseconds from receipt to the last byte sent.
    public var latencyMillis: Int32
    /// Milliseconds from receipt to the first byte sent.
    public var firstByteMillis: Int32

    public init(
        requestID: String, accountID: Int64, keyID: Int64, model: String, provider: String, endpoint: String,
        usage: Usage, usageSource: UsageSource, outcome: RequestOutcome, httpStatus: UInt16, reservation: Money,
        admittedTokens: Int64, prices: PriceSheet, startedAtMillis: Int64, latencyMillis: Int32, firstByteMillis: Int32
    ) {
        self.requestID = requestID
        self.accountID = accountID
        self.keyID = keyID
        self.model = model
        self.provider = provider
        self.endpoint = endpoint
        self.usage = usage
        self.usageSource = usageSource
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.reservation = reservation
        self.admittedTokens = admittedTokens
        self.prices = prices
        self.startedAtMillis = startedAtMillis
        self.latencyMillis = latencyMillis
        self.firstByteMillis = firstByteMillis
    }
}
