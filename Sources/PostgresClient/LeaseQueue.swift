/// Which pool slot is free and who is waiting for one: the whole decision logic of ``PostgresPool``, as a
/// value type with no I/O, locks or continuations so it can be tested directly.
///
/// Waiters are served strictly first come, first served, and a freed slot goes straight to the oldest
/// waiter, so nobody can be overtaken indefinitely. Idle slots are reused most-recently-freed first, which
/// keeps a lightly loaded pool on one warm connection instead of opening all of them.
///
/// `Waiter` is whatever the pool needs to wake a caller (a continuation in production, a plain value in tests).
struct LeaseQueue<Waiter> {
    enum Decision {
        /// The slot is the caller's now.
        case leased(Int)
        /// No slot is free; the waiter will be returned by a later ``release(slot:)``.
        case enqueued
        case cancelled
        case shutDown
    }

    /// Free slots; the last one is taken first.
    private var idle: [Int]
    /// Waiting callers, oldest first.
    private var waiters: [(id: UInt64, waiter: Waiter)] = []
    private var nextID: UInt64 = 0
    private(set) var isShutDown = false

    init(slotCount: Int) {
        idle = Array((0..<slotCount).reversed())
    }

    var waitingCount: Int { waiters.count }
    var idleCount: Int { idle.count }

    /// An identity for one lease attempt, taken before ``lease(id:waiter:isCancelled:)`` so a cancellation
    /// that races ahead of the enqueue can still name the attempt.
    mutating func makeID() -> UInt64 {
        nextID += 1
        return nextID
    }

    /// Takes a free slot or queues `waiter`.
    ///
    /// - Parameter isCancelled: the caller's cancellation state, read while the pool's lock is held: a
    ///   cancellation that lands after this call finds the waiter in the queue, one that landed before is
    ///   seen here, so none is lost.
    mutating func lease(id: UInt64, waiter: Waiter, isCancelled: Bool) -> Decision {
        if isShutDown { return .shutDown }
        if isCancelled { return .cancelled }
        if let slot = idle.popLast() { return .leased(slot) }
        waiters.append((id, waiter))
        return .enqueued
    }

    /// Gives `slot` back. Returns the waiter that now owns it, or `nil` if it went idle.
    mutating func release(slot: Int) -> (waiter: Waiter, slot: Int)? {
        if !waiters.isEmpty {
            return (waiters.removeFirst().waiter, slot)
        }
        idle.append(slot)
        return nil
    }

    /// Removes a waiter whose task was cancelled. Returns it if it was still waiting (the caller must then
    /// fail it), or `nil` if it was already served or never enqueued.
    mutating func cancel(id: UInt64) -> Waiter? {
        guard let position = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: position).waiter
    }

    /// Refuses all future leases and returns every waiter, to be failed by the caller.
    mutating func shutDown() -> [Waiter] {
        isShutDown = true
        defer { waiters.removeAll() }
        return waiters.map(\.waiter)
    }
}
