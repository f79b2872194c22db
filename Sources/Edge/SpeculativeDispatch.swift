import Governance
import Synchronization
import TokModelCore

/// Decides whether a request may go to its provider while its admission is still in Redis ("speculative
/// dispatch"), which takes the Redis round trip off the request's latency (docs/architecture.md).
///
/// Admission stays authoritative: nothing is relayed, held or billed before Redis admits the request, and a
/// refusal cancels the provider call. What a wrong guess costs is a provider call the operator pays for and
/// nobody is billed for, so the edge guesses only when its last admission of the same key, less than
/// ``maxAge`` (a second by default) ago, left room for this request too: each admission reports what it
/// leaves (money, requests and tokens per minute, requests in flight — `AdmissionDecision.Headroom`), and the
/// requests already sent ahead on that report are counted against it. Any refusal (or a Redis failure)
/// forgets the key until an admission succeeds again. So a guess is wrong only when something changed
/// elsewhere within that time — another edge spent the balance, an operator revoked the key or lowered a
/// limit — and then at most ``maxPending`` calls per key are wasted before the refusal arrives. A key this
/// edge has not admitted recently (first use, revoked, out of credits) always waits for Redis.
struct SpeculationBook: Sendable {
    /// How long an admission's report is trusted.
    let maxAge: Duration
    /// At most this many requests of one key ahead of their admission at once.
    static let maxPending: Int64 = 64

    /// What one request would take from the headroom.
    struct Claim: Sendable, Equatable {
        var reservation: Money
        var tokens: Int64
    }

    struct Entry: Sendable {
        /// The last admission's report, and when it arrived; nil after a refusal.
        var headroom: AdmissionDecision.Headroom?
        var reportedAt: ContinuousClock.Instant
        /// Requests sent ahead on this report whose admission has not answered yet.
        var pendingCount: Int64 = 0
        var pendingMoney: Int64 = 0
        var pendingTokens: Int64 = 0
    }

    private(set) var entries: [String: Entry] = [:]
    let capacity: Int

    init(maxAge: Duration = .seconds(1), capacity: Int = 100_000) {
        self.maxAge = maxAge
        self.capacity = capacity
    }

    /// Whether a request of the key may be sent ahead of its admission; if so, it is counted as pending until
    /// ``settle(_:claim:wasAhead:headroom:at:)``.
    mutating func claimAhead(_ keyHash: String, _ claim: Claim, at now: ContinuousClock.Instant) -> Bool {
        guard var entry = entries[keyHash], let headroom = entry.headroom, now - entry.reportedAt < maxAge,
            entry.pendingCount < Self.maxPending
        else { return false }
        let count = entry.pendingCount + 1
        let money = entry.pendingMoney.addingReportingOverflow(claim.reservation.nanos)
        let tokens = entry.pendingTokens.addingReportingOverflow(claim.tokens)
        guard !money.overflow, !tokens.overflow else { return false }
        if let room = headroom.money, money.partialValue > room.nanos { return false }
        if let room = headroom.tokens, tokens.partialValue > room { return false }
        if let room = headroom.requests, count > room { return false }
        if let room = headroom.inFlight, count > room { return false }
        entry.pendingCount = count
        entry.pendingMoney = money.partialValue
        entry.pendingTokens = tokens.partialValue
        entries[keyHash] = entry
        return true
    }

    /// Records how an admission of the key ended: admitted with its report, or refused (`headroom` nil, which
    /// also stands for Redis failing). `wasAhead` releases the request's pending claim.
    mutating func settle(
        _ keyHash: String, claim: Claim, wasAhead: Bool, headroom: AdmissionDecision.Headroom?, at now: ContinuousClock.Instant
    ) {
        var entry = entries[keyHash] ?? Entry(headroom: nil, reportedAt: now)
        if wasAhead {
            entry.pendingCount = max(0, entry.pendingCount - 1)
            entry.pendingMoney = max(0, entry.pendingMoney - claim.reservation.nanos)
            entry.pendingTokens = max(0, entry.pendingTokens - claim.tokens)
        }
        entry.headroom = headroom
        entry.reportedAt = now
        if headroom == nil && entry.pendingCount == 0 {
            entries[keyHash] = nil
            return
        }
        // Crude but bounded, like the key cache: start over when full (keys then wait for Redis once).
        if entries[keyHash] == nil && entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[keyHash] = entry
    }
}

/// The edge's ``SpeculationBook``, shared by its event loops.
final class SpeculationGate: Sendable {
    private let book: Mutex<SpeculationBook>

    init(maxAge: Duration = .seconds(1), capacity: Int = 100_000) { book = Mutex(SpeculationBook(maxAge: maxAge, capacity: capacity)) }

    func claimAhead(_ keyHash: String, _ claim: SpeculationBook.Claim) -> Bool {
        book.withLock { $0.claimAhead(keyHash, claim, at: .now) }
    }

    func settle(_ keyHash: String, claim: SpeculationBook.Claim, wasAhead: Bool, headroom: AdmissionDecision.Headroom?) {
        book.withLock { $0.settle(keyHash, claim: claim, wasAhead: wasAhead, headroom: headroom, at: .now) }
    }
}
