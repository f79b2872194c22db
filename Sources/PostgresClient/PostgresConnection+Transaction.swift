extension PostgresConnection {
    /// Runs `body` inside `BEGIN` … `COMMIT`, rolling back if `body` throws.
    ///
    /// The error from `body` is rethrown unchanged, so callers can still test it (for example
    /// ``PostgresError/isSerializationFailure`` to retry). A `ROLLBACK` that fails because the connection is
    /// gone is ignored: the server discards the transaction with the session anyway.
    ///
    /// If a statement fails inside `body` and `body` swallows the error, PostgreSQL has already aborted the
    /// transaction and answers `COMMIT` with `ROLLBACK`; that is reported as a ``PostgresError`` with code
    /// ``PostgresError/Code/transactionRolledBack`` rather than passing silently as success.
    ///
    /// Transactions do not nest: `body` must not call `transaction` on the same connection.
    public func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try execute(script: "BEGIN")
        let value: T
        do {
            value = try body(self)
        } catch {
            try? execute(script: "ROLLBACK")
            throw error
        }
        let commit = try query("COMMIT")
        guard commit.commandTag != "ROLLBACK" else {
            throw PostgresError(
                .transactionRolledBack,
                "COMMIT rolled the transaction back because a statement inside it had failed"
            )
        }
        return value
    }
}
