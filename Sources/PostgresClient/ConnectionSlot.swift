internal import Dispatch
import Logging

/// One member of a ``PostgresPool``: a lazily opened ``PostgresConnection`` and the serial `DispatchQueue`
/// that is the only place it is ever touched.
///
/// The queue is what keeps blocking libpq calls off the Swift cooperative pool: a serial queue's blocks run
/// on libdispatch's own worker threads, which grow on demand when blocked, whereas the cooperative pool has
/// only about one thread per core and stalls every task when one blocks. It also gives libpq the
/// "one thread at a time" guarantee it needs.
///
/// `@unchecked Sendable`: `connection` and `isClosed` are read and written only by blocks running on `queue`.
final class ConnectionSlot: @unchecked Sendable {
    let index: Int
    private let queue: DispatchQueue
    private let url: ConnectionURL
    private let logger: Logger
    private var connection: PostgresConnection?
    private var isClosed = false

    init(index: Int, url: ConnectionURL, logger: Logger) {
        self.index = index
        self.url = url
        var logger = logger
        logger[metadataKey: LogKey.slot] = "\(index)"
        self.logger = logger
        queue = DispatchQueue(label: "tokmodel.postgres.connection.\(index)")
    }

    /// Runs `body` on this slot's queue with its connection, opening or reopening it first if needed, and
    /// suspends the calling task (without blocking a thread) until it finishes.
    func run<T: Sendable>(_ body: @Sendable (PostgresConnection) throws -> T) async throws -> T {
        // `body` only has to live until the continuation is resumed, which is before this function returns;
        // `Job` drops it before resuming, which is what `withoutActuallyEscaping` verifies.
        try await withoutActuallyEscaping(body) { body in
            let job = Job(body)
            return try await withCheckedThrowingContinuation { continuation in
                queue.async {
                    continuation.resume(with: self.perform(job))
                }
            }
        }
    }

    /// Closes the connection once every block queued before has finished, and makes later jobs fail.
    func close() async {
        await withCheckedContinuation { continuation in
            queue.async {
                self.isClosed = true
                self.discardConnection()
                continuation.resume()
            }
        }
    }

    // MARK: On the queue

    private func perform<T>(_ job: Job<T>) -> Result<T, any Error> {
        dispatchPrecondition(condition: .onQueue(queue))
        let body = job.take()
        guard !isClosed else {
            return .failure(PostgresError(.poolShutDown, "the pool has been shut down"))
        }
        let connection: PostgresConnection
        do {
            connection = try openIfNeeded()
        } catch {
            return .failure(error)
        }
        let result = Result { try body(connection) }
        if case .failure(let error) = result, (error as? PostgresError)?.isConnectionFailure == true {
            logger.debug("postgres connection failed during a call; it will be reopened", metadata: [LogKey.error: "\(error)"])
            discardConnection()
        } else if !connection.returnToIdle() {
            logger.debug("postgres connection left unusable by a call; it will be reopened")
            discardConnection()
        }
        return result
    }

    private func openIfNeeded() throws(PostgresError) -> PostgresConnection {
        if let connection {
            if connection.probe() { return connection }
            logger.debug("postgres connection was lost while idle; reconnecting")
            discardConnection()
        }
        do {
            let connection = try PostgresConnection(url: url.value)
            logger.debug("postgres connection opened")
            self.connection = connection
            return connection
        } catch {
            logger.debug("postgres connection could not be opened", metadata: [LogKey.error: "\(error)"])
            throw error
        }
    }

    private func discardConnection() {
        connection?.close()
        connection = nil
    }
}

/// The caller's closure in transit to a slot's queue.
///
/// `@unchecked Sendable`: it is created by one task, handed to exactly one queue block, and emptied by that
/// block (``take()``) before the task resumes, so it is never accessed concurrently.
private final class Job<T>: @unchecked Sendable {
    private var body: (@Sendable (PostgresConnection) throws -> T)?

    init(_ body: @escaping @Sendable (PostgresConnection) throws -> T) {
        self.body = body
    }

    /// Hands out the closure and forgets it, so that no reference survives the block that runs it.
    func take() -> @Sendable (PostgresConnection) throws -> T {
        guard let body else { preconditionFailure("a pool job ran twice") }
        self.body = nil
        return body
    }
}

/// Logger metadata keys of this module, in one place so they stay consistent.
enum LogKey {
    static let slot = "psql.pool.slot"
    static let error = "psql.error"
}
