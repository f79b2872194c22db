public import Logging
internal import Synchronization

/// A fixed-size pool of ``PostgresConnection``s for async code that must never block the Swift cooperative
/// thread pool, such as the `tokmodel-ledger` billing daemon.
///
/// Each connection lives on its own serial `DispatchQueue`, and your closure runs there: libpq blocks that
/// queue's thread, never a cooperative-pool thread or an event loop, and never two threads use one `PGconn`.
/// Callers that find every connection busy wait in a first-come-first-served queue, suspended (no thread
/// is held and nothing polls), and are handed the next connection that frees up.
///
/// Connections open lazily on first use. One that fails with a connection error, or that the server closed
/// while it sat idle (a restart, `pg_terminate_backend`), is closed and a new one is opened on its next use,
/// so the pool recovers from PostgreSQL restarts on its own. While PostgreSQL is down each call fails
/// promptly (within the URL's `connect_timeout`, 5 seconds by default) with a ``PostgresError`` whose
/// ``PostgresError/isConnectionFailure`` is `true`, so the caller can spool its work and retry later.
///
/// ```swift
/// let pool = PostgresPool(url: url, size: 4, logger: logger)
/// let inserted = try await pool.withConnection { db in
///     try db.transaction { db in
///         try db.query("INSERT INTO usage_events (id, tokens) VALUES ($1, $2)", [.string(id), .int64(tokens)])
///             .affectedRows
///     }
/// }
/// await pool.shutdown()
/// ```
///
/// Logging: only `debug` messages (connections opened, lost or failed), never the URL or password.
public final class PostgresPool: Sendable {
    private let slots: [ConnectionSlot]
    private let leases: Mutex<LeaseQueue<CheckedContinuation<Int, any Error>>>

    /// Creates the pool without connecting; the first calls open connections as they need them.
    ///
    /// - Parameters:
    ///   - url: a libpq connection URI, e.g. `postgres://ledger:secret@127.0.0.1:5432/tokmodel`. A
    ///     `connect_timeout` of 5 seconds is added unless the URL sets one.
    ///   - size: the most connections (and threads) the pool will use at once. Must be at least 1.
    ///   - logger: receives `debug` messages about connections coming and going.
    public init(url: String, size: Int, logger: Logger) {
        precondition(size > 0, "a PostgresPool needs at least one connection")
        let url = ConnectionURL(value: url)
        slots = (0..<size).map { ConnectionSlot(index: $0, url: url, logger: logger) }
        leases = Mutex(LeaseQueue(slotCount: size))
    }

    /// Runs `body` with a connection of its own, on that connection's thread, and returns its result.
    ///
    /// `body` may block (that is its purpose) and may use the connection freely, including
    /// ``PostgresConnection/transaction(_:)``; it must not keep the connection or call ``PostgresConnection/close()``
    /// to end it early. A transaction `body` leaves open is rolled back before the connection is reused.
    ///
    /// Cancelling the calling task while it is still waiting for a connection removes it from the queue
    /// and throws `CancellationError`. Once `body` has started it runs to completion.
    ///
    /// - Throws: whatever `body` throws; a ``PostgresError`` when no connection can be opened; code
    ///   ``PostgresError/Code/poolShutDown`` after ``shutdown()``.
    public func withConnection<T: Sendable>(_ body: @Sendable (PostgresConnection) throws -> T) async throws -> T {
        let slot = try await lease()
        defer { release(slot) }
        return try await slots[slot].run(body)
    }

    /// Runs one statement on a pooled connection; shorthand for a ``withConnection(_:)`` that only queries.
    @discardableResult
    public func query(_ sql: String, _ params: [PostgresParameter] = []) async throws -> PostgresRows {
        try await withConnection { connection in
            try connection.query(sql, params)
        }
    }

    /// Fails every waiting caller, lets calls already running finish, then closes every connection. Calls
    /// made afterwards throw ``PostgresError/Code/poolShutDown``.
    public func shutdown() async {
        let waiters = leases.withLock { $0.shutDown() }
        for waiter in waiters {
            waiter.resume(throwing: PostgresError(.poolShutDown, "the pool has been shut down"))
        }
        for slot in slots {
            await slot.close()
        }
    }

    /// How many callers are waiting for a connection; for tests.
    var waitingCount: Int {
        leases.withLock { $0.waitingCount }
    }

    private func lease() async throws -> Int {
        let id = leases.withLock { $0.makeID() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
                let decision = leases.withLock {
                    $0.lease(id: id, waiter: continuation, isCancelled: Task.isCancelled)
                }
                switch decision {
                case .leased(let slot):
                    continuation.resume(returning: slot)
                case .enqueued:
                    break
                case .cancelled:
                    continuation.resume(throwing: CancellationError())
                case .shutDown:
                    continuation.resume(throwing: PostgresError(.poolShutDown, "the pool has been shut down"))
                }
            }
        } onCancel: {
            leases.withLock { $0.cancel(id: id) }?.resume(throwing: CancellationError())
        }
    }

    private func release(_ slot: Int) {
        // Resume outside the lock: resuming may run the waiter's code right away.
        if let handOff = leases.withLock({ $0.release(slot: slot) }) {
            handOff.waiter.resume(returning: handOff.slot)
        }
    }
}
