/// A failure reported by ``PostgresConnection`` or ``PostgresPool``.
///
/// Callers mostly need to decide *what to do next*, not to parse text, so the error answers the three
/// questions the ledger asks: is the database unreachable (spool and retry later), did a row already exist
/// (the write was a duplicate), or should the transaction simply be retried. It is a struct over a
/// ``Code`` rather than an enum so new kinds of failure can be added without breaking `switch`es in callers.
///
/// Messages never contain the connection URL or password: connection errors are built from libpq's text
/// with the password and any quoted URL fragments removed.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// The broad kind of failure. New codes may be added in any release.
    public var code: Code
    /// PostgreSQL's primary message (or libpq's, when the server never answered).
    public var message: String
    /// The five-character SQLSTATE the server attached, e.g. `23505`. `nil` when the error came from
    /// libpq itself (a lost connection, an unreachable server) or from this module.
    public var sqlState: String?
    /// The server's DETAIL line, which for constraint violations names the offending key.
    public var detail: String?

    init(_ code: Code, _ message: String, sqlState: String? = nil, detail: String? = nil) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
    }

    /// True when the failure means the database could not be reached or the session is gone: the server is
    /// down or restarting, the network dropped, or an administrator terminated the backend.
    ///
    /// The billing daemon uses this to tell "write this batch to the disk spool and retry later" apart from
    /// "this batch is wrong". Statement-level errors (constraint violations, syntax errors, serialization
    /// failures) are never connection failures, because retrying on a new connection would not help.
    public var isConnectionFailure: Bool {
        if code == .connectionFailed { return true }
        guard code == .queryFailed else { return false }
        // libpq reports errors it generated itself (socket closed, no connection) without a SQLSTATE.
        guard let sqlState else { return true }
        // Class 08 is "connection exception"; 57P01–57P05 are admin/crash shutdown, cannot connect now,
        // database dropped and idle session timeout, all of which end the session.
        return sqlState.hasPrefix("08") || sqlState.hasPrefix("57P0")
    }

    /// True for `unique_violation` (23505), so idempotent inserts can treat "already there" as success.
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// True for `serialization_failure` (40001) and `deadlock_detected` (40P01): the transaction did nothing
    /// and running it again from the start is the documented remedy.
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }

    public var description: String {
        var text = "PostgreSQL \(code)"
        if let sqlState { text += " [\(sqlState)]" }
        text += ": \(message)"
        if let detail { text += " (\(detail))" }
        return text
    }
}

extension PostgresError {
    /// The broad kind of a ``PostgresError``; compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case connectionFailed, queryFailed, invalidURL, invalidParameter, unsupportedResult
            case transactionRolledBack, poolShutDown
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The connection could not be opened, is closed, or was lost during the call.
        public static let connectionFailed = Code(.connectionFailed)
        /// The server rejected or failed the statement; see ``PostgresError/sqlState``.
        public static let queryFailed = Code(.queryFailed)
        /// libpq could not parse the connection URL. Not retryable: it is a configuration mistake.
        public static let invalidURL = Code(.invalidURL)
        /// A parameter cannot be sent, e.g. text containing a NUL byte or more than 65535 parameters.
        public static let invalidParameter = Code(.invalidParameter)
        /// The statement produced something this module does not handle, such as `COPY`.
        public static let unsupportedResult = Code(.unsupportedResult)
        /// `COMMIT` answered `ROLLBACK` because a statement inside the transaction had failed.
        public static let transactionRolledBack = Code(.transactionRolledBack)
        /// ``PostgresPool/shutdown()`` has been called.
        public static let poolShutDown = Code(.poolShutDown)

        public var description: String {
            switch base {
            case .connectionFailed: "connection failed"
            case .queryFailed: "query failed"
            case .invalidURL: "invalid connection URL"
            case .invalidParameter: "invalid parameter"
            case .unsupportedResult: "unsupported result"
            case .transactionRolledBack: "transaction rolled back"
            case .poolShutDown: "pool shut down"
            }
        }
    }
}
