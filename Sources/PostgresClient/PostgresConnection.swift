internal import CLibPQ

/// One blocking PostgreSQL session (a libpq `PGconn`), for code that is allowed to block: the admin CLI,
/// migrations, tests, and the body of ``PostgresPool/withConnection(_:)``.
///
/// Every call blocks the calling thread until the server answers. Do not call it from an `async` function
/// running on the Swift cooperative pool or from a NIO event loop: a blocked thread there stalls unrelated
/// work. Async code gets the same API through ``PostgresPool``, which runs each connection on a thread of
/// its own.
///
/// ```swift
/// let db = try PostgresConnection(url: "postgres://tokmodel@127.0.0.1:5432/tokmodel")
/// let rows = try db.query("SELECT id, balance FROM accounts WHERE id = $1", [.int64(42)])
/// let balance = rows.first?.int64("balance")
/// ```
///
/// - Important: Not thread-safe and deliberately not `Sendable`. libpq forbids using one `PGconn` from two
///   threads at the same time, so use an instance from one thread at a time. Moving it between threads in
///   between calls is fine; that is what ``PostgresPool``'s serial queues do.
public final class PostgresConnection {
    /// `nil` once closed. Owned exclusively by this object, which `PQfinish`es it exactly once.
    private var handle: OpaquePointer?

    /// Connects, blocking for at most the URL's `connect_timeout` (5 seconds unless the URL says otherwise).
    ///
    /// The session is prepared for this module: UTF-8 client encoding, `client_min_messages = warning`,
    /// NOTICE messages discarded (nobody reads a library's stderr), `bytea_output = hex`, and
    /// `application_name = tokmodel` unless the URL sets one.
    ///
    /// - Parameter url: a libpq connection URI such as `postgres://user:secret@127.0.0.1:5432/db` (or a
    ///   `key=value` connection string). It is never logged or put into an error.
    /// - Throws: ``PostgresError`` with ``PostgresError/isConnectionFailure`` set when the server cannot be
    ///   reached or refuses the login, or code ``PostgresError/Code/invalidURL`` when `url` is malformed.
    public init(url: String) throws(PostgresError) {
        handle = try Connector.connect(url: url)
    }

    deinit {
        close()
    }

    /// Whether the session is up as far as libpq knows. libpq only notices a dead server when it next talks
    /// to it, so `true` does not promise the next query will succeed; `false` means it certainly will not.
    public var isHealthy: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Ends the session. Safe to call more than once; queries afterwards throw a connection failure.
    public func close() {
        guard let handle else { return }
        self.handle = nil
        PQfinish(handle)
    }

    /// Runs one statement with `$1`, `$2`, … parameters and returns all its rows.
    ///
    /// Parameters travel separately from the SQL text (`PQexecParams`), in text format and without type
    /// OIDs so the server infers their types; cast a placeholder (`$1::bigint`) where it cannot. Only one
    /// statement is allowed; use ``execute(script:)`` for several.
    ///
    /// - Throws: ``PostgresError``. After a connection failure the session is unusable and should be closed.
    @discardableResult
    public func query(_ sql: String, _ params: [PostgresParameter] = []) throws(PostgresError) -> PostgresRows {
        let handle = try liveHandle()
        // The wire protocol counts parameters in 16 bits.
        guard params.count <= Int(UInt16.max) else {
            throw PostgresError(.invalidParameter, "\(params.count) parameters exceed PostgreSQL's limit of 65535")
        }
        let values = try CStringArray(params.map(\.text))
        let result = values.withPointers { pointers in
            PQexecParams(handle, sql, Int32(values.count), nil, pointers, nil, nil, 0)
        }
        return try ResultReader.read(result, from: handle)
    }

    /// Runs a script of one or more `;`-separated statements without parameters, such as a migration.
    ///
    /// The statements run as one implicit transaction unless the script contains its own `BEGIN`/`COMMIT`,
    /// and the script stops at the first failing statement.
    public func execute(script: String) throws(PostgresError) {
        let handle = try liveHandle()
        _ = try ResultReader.read(PQexec(handle, script), from: handle)
    }

    private func liveHandle() throws(PostgresError) -> OpaquePointer {
        guard let handle else {
            throw PostgresError(.connectionFailed, "the connection is closed")
        }
        return handle
    }
}

@available(*, unavailable, message: "PostgresConnection must be used from one thread at a time; use PostgresPool from async code")
extension PostgresConnection: Sendable {}

// MARK: - Pool support

extension PostgresConnection {
    /// Reads whatever the server sent while the connection sat idle, without blocking (libpq keeps its
    /// socket non-blocking). A server that restarted or terminated the backend has sent an error and closed
    /// the socket, which turns the status to `CONNECTION_BAD` here instead of failing the next query.
    ///
    /// libpq returns as soon as one read delivers data, so the farewell error message and the end of the
    /// stream behind it take two reads to see; a healthy idle connection costs one non-blocking `recv` per
    /// read that finds nothing.
    ///
    /// - Returns: whether the connection still looks usable.
    func probe() -> Bool {
        guard let handle else { return false }
        for _ in 0..<3 where PQstatus(handle) == CONNECTION_OK {
            _ = PQconsumeInput(handle)
        }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Brings the session back to "no transaction open" so the next borrower of a pooled connection does
    /// not inherit a transaction someone forgot to finish.
    ///
    /// - Returns: `false` when the session cannot be reused and should be closed.
    func returnToIdle() -> Bool {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { return false }
        switch PQtransactionStatus(handle) {
        case PQTRANS_IDLE:
            return true
        case PQTRANS_INTRANS, PQTRANS_INERROR:
            do {
                try execute(script: "ROLLBACK")
                return PQtransactionStatus(handle) == PQTRANS_IDLE
            } catch {
                return false
            }
        default:
            return false
        }
    }
}
