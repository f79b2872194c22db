@testable import PostgresClient
import Testing

/// The pool's scheduling rules, checked on the state machine alone (no server needed).
@Suite("LeaseQueue")
struct LeaseQueueTests {
    @Test("free slots are leased first, most recently freed first")
    func idleSlots() {
        var queue = LeaseQueue<String>(slotCount: 2)
        guard case .leased(let first) = queue.lease(id: queue.makeID(), waiter: "a", isCancelled: false),
            case .leased(let second) = queue.lease(id: queue.makeID(), waiter: "b", isCancelled: false)
        else {
            Issue.record("two slots should be free")
            return
        }
        #expect(first != second)
        #expect(queue.release(slot: second) == nil)
        #expect(queue.idleCount == 1)
        guard case .leased(let again) = queue.lease(id: queue.makeID(), waiter: "c", isCancelled: false) else {
            Issue.record("a slot should be free")
            return
        }
        #expect(again == second)
    }

    @Test("waiters are served first come, first served as slots free")
    func fifo() {
        var queue = LeaseQueue<String>(slotCount: 1)
        guard case .leased(let slot) = queue.lease(id: queue.makeID(), waiter: "owner", isCancelled: false) else {
            Issue.record("the slot should be free")
            return
        }
        for name in ["w1", "w2", "w3"] {
            guard case .enqueued = queue.lease(id: queue.makeID(), waiter: name, isCancelled: false) else {
                Issue.record("\(name) should wait")
                return
            }
        }
        #expect(queue.waitingCount == 3)
        var served: [String] = []
        while let handOff = queue.release(slot: slot) {
            #expect(handOff.slot == slot)
            served.append(handOff.waiter)
        }
        #expect(served == ["w1", "w2", "w3"])
        #expect(queue.idleCount == 1)
    }

    @Test("a cancelled waiter is removed; a cancelled caller never enqueues")
    func cancellation() {
        var queue = LeaseQueue<String>(slotCount: 1)
        _ = queue.lease(id: queue.makeID(), waiter: "owner", isCancelled: false)
        let first = queue.makeID()
        let second = queue.makeID()
        _ = queue.lease(id: first, waiter: "first", isCancelled: false)
        _ = queue.lease(id: second, waiter: "second", isCancelled: false)
        #expect(queue.cancel(id: first) == "first")
        #expect(queue.cancel(id: first) == nil)
        #expect(queue.release(slot: 0)?.waiter == "second")

        guard case .cancelled = queue.lease(id: queue.makeID(), waiter: "late", isCancelled: true) else {
            Issue.record("an already cancelled caller must not wait")
            return
        }
        #expect(queue.waitingCount == 0)
    }

    @Test("shutdown returns all waiters and refuses new leases")
    func shutdown() {
        var queue = LeaseQueue<String>(slotCount: 1)
        _ = queue.lease(id: queue.makeID(), waiter: "owner", isCancelled: false)
        _ = queue.lease(id: queue.makeID(), waiter: "w1", isCancelled: false)
        _ = queue.lease(id: queue.makeID(), waiter: "w2", isCancelled: false)
        #expect(queue.shutDown() == ["w1", "w2"])
        #expect(queue.waitingCount == 0)
        guard case .shutDown = queue.lease(id: queue.makeID(), waiter: "late", isCancelled: false) else {
            Issue.record("leases after shutdown must fail")
            return
        }
        #expect(queue.release(slot: 0) == nil)
    }
}

@Suite("PostgresError classification")
struct PostgresErrorTests {
    @Test("connection failures by code and SQLSTATE")
    func connectionFailures() {
        #expect(PostgresError(.connectionFailed, "refused").isConnectionFailure)
        #expect(PostgresError(.queryFailed, "server closed the connection").isConnectionFailure)
        for state in ["08006", "08003", "57P01", "57P02", "57P03"] {
            #expect(PostgresError(.queryFailed, "x", sqlState: state).isConnectionFailure, "\(state)")
        }
        for state in ["23505", "42601", "40001", "57014"] {
            #expect(!PostgresError(.queryFailed, "x", sqlState: state).isConnectionFailure, "\(state)")
        }
        #expect(!PostgresError(.invalidURL, "x").isConnectionFailure)
        #expect(!PostgresError(.poolShutDown, "x").isConnectionFailure)
    }

    @Test("retryable and duplicate-key errors")
    func retryable() {
        #expect(PostgresError(.queryFailed, "x", sqlState: "40001").isSerializationFailure)
        #expect(PostgresError(.queryFailed, "x", sqlState: "40P01").isSerializationFailure)
        #expect(!PostgresError(.queryFailed, "x", sqlState: "23505").isSerializationFailure)
        #expect(PostgresError(.queryFailed, "x", sqlState: "23505").isUniqueViolation)
        #expect(!PostgresError(.queryFailed, "x", sqlState: "23503").isUniqueViolation)
    }
}
