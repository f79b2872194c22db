import Governance
import Testing
import TokModelCore

@testable import Edge

/// When a request may go to its provider before Redis has admitted it: only on a recent report of the same key's
/// admission that leaves room for it and for every request already sent ahead on that report.
struct SpeculationBookTests {
    /// The book behind a reference: `#expect` cannot call mutating methods.
    final class Book {
        var book: SpeculationBook
        init(_ book: SpeculationBook) { self.book = book }
        var entries: [String: SpeculationBook.Entry] { book.entries }
        func claimAhead(_ key: String, _ claim: SpeculationBook.Claim, at now: ContinuousClock.Instant) -> Bool {
            book.claimAhead(key, claim, at: now)
        }
        func settle(_ key: String, claim: SpeculationBook.Claim, wasAhead: Bool, headroom: AdmissionDecision.Headroom?, at now: ContinuousClock.Instant) {
            book.settle(key, claim: claim, wasAhead: wasAhead, headroom: headroom, at: now)
        }
    }

    let t0 = ContinuousClock.now
    let key = "hash-a"

    func claim(_ nanos: Int64, tokens: Int64 = 10) -> SpeculationBook.Claim { .init(reservation: Money(nanos: nanos), tokens: tokens) }

    func book(after headroom: AdmissionDecision.Headroom?, maxAge: Duration = .seconds(1)) -> Book {
        let book = Book(SpeculationBook(maxAge: maxAge))
        book.settle(key, claim: claim(1), wasAhead: false, headroom: headroom, at: t0)
        return book
    }

    @Test func aKeyNeverAdmittedHereWaitsForRedis() {
        let book = Book(SpeculationBook())
        #expect(!book.claimAhead(key, claim(1), at: t0))
        #expect(book.entries.isEmpty)
    }

    @Test func moneyLeftBoundsTheRequestsSentAheadTogether() {
        let book = book(after: .init(money: Money(nanos: 1_000)))
        #expect(book.claimAhead(key, claim(400), at: t0))
        #expect(book.claimAhead(key, claim(600), at: t0))
        // 1,000 is spoken for by the two still waiting for their admission.
        #expect(!book.claimAhead(key, claim(1), at: t0))
        #expect(book.entries[key]?.pendingMoney == 1_000 && book.entries[key]?.pendingCount == 2)
        // One is admitted and reports 600 left: the other (600) is still pending, so nothing more fits.
        book.settle(key, claim: claim(400), wasAhead: true, headroom: .init(money: Money(nanos: 600)), at: t0)
        #expect(!book.claimAhead(key, claim(1), at: t0))
        book.settle(key, claim: claim(600), wasAhead: true, headroom: .init(money: Money(nanos: 600)), at: t0)
        #expect(book.claimAhead(key, claim(600), at: t0))
        #expect(!book.claimAhead(key, claim(1), at: t0))
    }

    @Test func requestsTokensAndInFlightRoomEachBound() {
        let requests = book(after: .init(requests: 2))
        #expect(requests.claimAhead(key, claim(0), at: t0) && requests.claimAhead(key, claim(0), at: t0))
        #expect(!requests.claimAhead(key, claim(0), at: t0))

        let tokens = book(after: .init(tokens: 25))
        #expect(tokens.claimAhead(key, claim(0, tokens: 20), at: t0))
        #expect(!tokens.claimAhead(key, claim(0, tokens: 6), at: t0))
        #expect(tokens.claimAhead(key, claim(0, tokens: 5), at: t0))

        let inFlight = book(after: .init(inFlight: 1))
        #expect(inFlight.claimAhead(key, claim(0), at: t0))
        #expect(!inFlight.claimAhead(key, claim(0), at: t0))

        let none = book(after: .init(money: .zero))
        #expect(!none.claimAhead(key, claim(1), at: t0))
        #expect(none.claimAhead(key, claim(0), at: t0))
    }

    @Test func withoutLimitsAtMostMaxPendingGoAhead() {
        let book = book(after: .init())
        for _ in 0..<SpeculationBook.maxPending { #expect(book.claimAhead(key, claim(1_000_000_000), at: t0)) }
        #expect(!book.claimAhead(key, claim(1), at: t0))
        book.settle(key, claim: claim(1_000_000_000), wasAhead: true, headroom: .init(), at: t0)
        #expect(book.claimAhead(key, claim(1), at: t0))
    }

    @Test func aReportIsTrustedOnlyForMaxAge() {
        let book = book(after: .init(), maxAge: .milliseconds(500))
        #expect(book.claimAhead(key, claim(1), at: t0 + .milliseconds(499)))
        #expect(!book.claimAhead(key, claim(1), at: t0 + .milliseconds(500)))
        // A later admission (this one's) renews it.
        book.settle(key, claim: claim(1), wasAhead: true, headroom: .init(), at: t0 + .milliseconds(600))
        #expect(book.claimAhead(key, claim(1), at: t0 + .milliseconds(1_000)))
    }

    @Test func aRefusalForgetsTheKeyUntilAnAdmissionSucceeds() {
        let book = book(after: .init())
        #expect(book.claimAhead(key, claim(1), at: t0))
        #expect(book.claimAhead(key, claim(1), at: t0))
        // The first comes back refused (revoked, out of credits, Redis failing): the key waits for Redis again.
        book.settle(key, claim: claim(1), wasAhead: true, headroom: nil, at: t0)
        #expect(!book.claimAhead(key, claim(1), at: t0))
        #expect(book.entries[key]?.pendingCount == 1)
        // The second is refused too: nothing is left of the key.
        book.settle(key, claim: claim(1), wasAhead: true, headroom: nil, at: t0)
        #expect(book.entries[key] == nil)
        // The next request, admitted after waiting for Redis, vouches for the key again.
        book.settle(key, claim: claim(1), wasAhead: false, headroom: .init(), at: t0)
        #expect(book.claimAhead(key, claim(1), at: t0))
    }

    @Test func keysAreIndependentAndTheBookIsBounded() {
        let book = Book(SpeculationBook(capacity: 2))
        book.settle("a", claim: claim(1), wasAhead: false, headroom: .init(money: Money(nanos: 5)), at: t0)
        book.settle("b", claim: claim(1), wasAhead: false, headroom: .init(money: .zero), at: t0)
        #expect(book.claimAhead("a", claim(5), at: t0))
        #expect(!book.claimAhead("b", claim(5), at: t0))
        // A third key starts the book over (each key then waits for Redis once).
        book.settle("c", claim: claim(1), wasAhead: false, headroom: .init(), at: t0)
        #expect(book.entries.count == 1 && book.claimAhead("c", claim(1), at: t0))
        #expect(!book.claimAhead("a", claim(1), at: t0))
    }

    @Test func hugeClaimsNeverOverflow() {
        let book = book(after: .init())
        #expect(book.claimAhead(key, claim(Int64.max), at: t0))
        #expect(!book.claimAhead(key, claim(1), at: t0))
    }
}
