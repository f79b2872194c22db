import LedgerProtocol
import Synchronization
import TokModelCore

/// Guarantees that an admitted request is handed to the ledger exactly once, whatever path it takes.
///
/// Created right after admission (when the hold exists). The handler calls ``finish(usage:source:outcome:status:)``
/// once it knows how the request ended; if the request is abandoned before that (the client vanished before
/// a streamed body started, a bug threw past the handler), `deinit` submits an estimated settlement so that
/// the hold is released and the prompt billed. A second `finish` is ignored.
/// From creation until then, a provisional settlement in the edge's journal stands for the request, should
/// the edge die first (`SettlementJournal`).
final class RequestBilling: Sendable {
    struct Base: Sendable {
        var requestID: String
        var accountID: Int64
        var keyID: Int64
        var model: String
        var provider: String
        var endpoint: String
        var reservation: Money
        var admittedTokens: Int64
        var prices: PriceSheet
        /// Prompt tokens to bill when no report ever arrives.
        var inputTokenEstimate: Int64
    }

    private let base: Base
    private let ledger: LedgerClient
    private let startedAtMillis: Int64
    private let started: ContinuousClock.Instant
    private let state = Mutex<(done: Bool, firstByte: ContinuousClock.Instant?)>((false, nil))
    /// The journal slot of the provisional settlement: what the ledger bills if this edge dies first.
    private let provisionalSlot: Int32?

    init(base: Base, ledger: LedgerClient, startedAtMillis: Int64, started: ContinuousClock.Instant) {
        self.base = base
        self.ledger = ledger
        self.startedAtMillis = startedAtMillis
        self.started = started
        self.provisionalSlot = ledger.recordProvisional(
            Self.settlement(
                base, usage: Usage(inputTokens: base.inputTokenEstimate), source: .estimated, outcome: .edgeLost, status: 502,
                startedAtMillis: startedAtMillis, latencyMillis: 0, firstByteMillis: 0))
    }

    var requestID: String { base.requestID }

    /// Records when the first byte went to the client (time to first byte in the usage event).
    func markFirstByte() {
        state.withLock { if $0.firstByte == nil { $0.firstByte = .now } }
    }

    func finish(usage: Usage, source: UsageSource, outcome: RequestOutcome, status: Int) {
        let firstByte: ContinuousClock.Instant? = state.withLock { state in
            guard !state.done else { return nil }
            state.done = true
            return state.firstByte ?? .now
        }
        guard let firstByte else { return }
        submit(usage: usage, source: source, outcome: outcome, status: status, firstByte: firstByte)
    }

    deinit {
        let pending = state.withLock { !$0.done }
        if pending {
            submit(usage: Usage(inputTokens: base.inputTokenEstimate), source: .estimated, outcome: .clientAborted, status: 499, firstByte: .now)
        }
    }

    private func submit(usage: Usage, source: UsageSource, outcome: RequestOutcome, status: Int, firstByte: ContinuousClock.Instant) {
        let now = ContinuousClock.now
        ledger.submit(
            Self.settlement(
                base, usage: usage, source: source, outcome: outcome, status: status, startedAtMillis: startedAtMillis,
                latencyMillis: Self.millis(now - started), firstByteMillis: Self.millis(firstByte - started)),
            replacingProvisional: provisionalSlot)
    }

    static func settlement(
        _ base: Base, usage: Usage, source: UsageSource, outcome: RequestOutcome, status: Int, startedAtMillis: Int64, latencyMillis: Int32,
        firstByteMillis: Int32
    ) -> Settlement {
        Settlement(
            requestID: base.requestID, accountID: base.accountID, keyID: base.keyID, model: base.model, provider: base.provider,
            endpoint: base.endpoint, usage: usage, usageSource: source, outcome: outcome, httpStatus: UInt16(clamping: status),
            reservation: base.reservation, admittedTokens: base.admittedTokens, prices: base.prices, startedAtMillis: startedAtMillis,
            latencyMillis: latencyMillis, firstByteMillis: firstByteMillis)
    }

    static func millis(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
