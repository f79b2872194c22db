import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Ledger
import Logging
import PostgresClient
import RedisClient
import Synchronization

/// A test could not reach the servers it is about. Thrown (never skipped) so that a green run always means
/// PostgreSQL and Redis were really exercised.
struct SetupFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// An operation did not finish in time: a hang guard, never a speed assertion.
struct DeadlineExceeded: Error, CustomStringConvertible {
    var description: String
}

enum TestEnvironment {
    static func value(_ name: String, example: String) throws -> String {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            throw SetupFailure(
                "\(name) is not set. The integration tests need a real server; run them with `make test`, or e.g. "
                    + "\(name)=\(example) swift test --filter IntegrationTests")
        }
        return value
    }

    /// A name nobody else uses in this run or any earlier one.
    static func unique(_ prefix: String) -> String {
        "\(prefix)-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
    }

    static let logger: Logger = {
        var logger = Logger(label: "IntegrationTests")
        logger.logLevel = .critical
        return logger
    }()

    /// The package root (the tests' source lives in Tests/IntegrationTests/Support).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The package's `Migrations`: the tests check the schema this checkout ships.
    static var migrationsDirectory: String { packageRoot + "/Migrations" }

    /// A TCP port on 127.0.0.1 that nothing listens on (bound by the kernel, then released).
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        precondition(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        precondition(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ prefix: String) throws -> String {
        let path = NSTemporaryDirectory() + "/" + unique(prefix)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

// MARK: - Redis

enum TestRedis {
    static let variable = "TOKMODEL_TEST_REDIS_URL"

    // Databases above the shared one (`TOKMODEL_TEST_REDIS_URL`'s), each owned by one test, which may flush it.
    static let notReadyDatabase = 1
    static let rebuildDatabase = 2
    static let synchronizerDatabase = 3
    static let selectTestDatabase = 4
    static let sweeperDatabase = 5

    /// The configuration of `TOKMODEL_TEST_REDIS_URL`, moved `databaseOffset` databases up for tests that
    /// need a database of their own (they may flush it).
    static func configuration(databaseOffset: Int = 0) throws -> RedisConfiguration {
        let url = try TestEnvironment.value(variable, example: "redis://127.0.0.1:6379/1")
        var configuration: RedisConfiguration
        do {
            configuration = try RedisConfiguration(url: url)
        } catch {
            throw SetupFailure("\(variable) is not a valid Redis URL: \(error)")
        }
        configuration.database += databaseOffset
        guard configuration.database <= 15 else {
            throw SetupFailure("\(variable) names database \(configuration.database - databaseOffset); tests need it and the \(databaseOffset) above it (at most 15)")
        }
        // Generous: a loaded 2-core machine must not turn into a false failure.
        configuration.commandTimeoutMillis = 15_000
        return configuration
    }

    /// A connection to the test Redis that answered PING, shut down after `body`.
    static func withConnection<T>(databaseOffset: Int = 0, _ body: (RedisConnection) async throws -> T) async throws -> T {
        let configuration = try configuration(databaseOffset: databaseOffset)
        let redis = RedisConnection(configuration: configuration, logger: TestEnvironment.logger)
        defer { redis.shutdown() }
        let pong: RedisValue
        do {
            pong = try await redis.send(["PING"])
        } catch {
            throw SetupFailure("cannot reach the Redis named by \(variable) (\(configuration.displayAddress)): \(error)")
        }
        guard pong == .status("PONG") else { throw SetupFailure("Redis at \(configuration.displayAddress) answered PING with \(pong)") }
        return try await body(redis)
    }
}

// MARK: - PostgreSQL

enum TestPostgres {
    static let variable = "TOKMODEL_TEST_POSTGRES_URL"

    static func url() throws -> String {
        try TestEnvironment.value(variable, example: "postgres://postgres@127.0.0.1:5432/tokmodel_it")
    }

    /// The same server and credentials, another database.
    static func url(database: String) throws -> String {
        let url = try url()
        let (base, query) = url.firstIndex(of: "?").map { (String(url[..<$0]), String(url[$0...])) } ?? (url, "")
        guard let scheme = base.range(of: "://"), let slash = base[scheme.upperBound...].firstIndex(of: "/") else {
            return base + "/" + database + query
        }
        return String(base[..<slash]) + "/" + database + query
    }

    /// The test database with every migration applied, once per test process.
    static let migrated = Task<Void, any Error> {
        let url = try TestPostgres.url()
        let migrations = try Migrator.load(directory: TestEnvironment.migrationsDirectory)
        let pool = PostgresPool(url: url, size: 1, logger: TestEnvironment.logger)
        defer { Task { await pool.shutdown() } }
        do {
            _ = try await pool.query("SELECT 1")
        } catch {
            throw SetupFailure("cannot reach the PostgreSQL named by \(variable): \(error)")
        }
        try await pool.withConnection { db in _ = try Migrator.migrate(db, migrations: migrations) }
    }

    /// A pool on the migrated test database, shut down after `body`.
    static func withPool<T>(size: Int = 2, _ body: (PostgresPool) async throws -> T) async throws -> T {
        try await migrated.value
        let pool = PostgresPool(url: try url(), size: size, logger: TestEnvironment.logger)
        do {
            let value = try await body(pool)
            await pool.shutdown()
            return value
        } catch {
            await pool.shutdown()
            throw error
        }
    }
}

// MARK: - Waiting

/// Runs `operation`, failing with ``DeadlineExceeded`` when it has not finished after `seconds` (the operation
/// is then cancelled, and left behind if it ignores cancellation, so that a hang fails the test instead of
/// stalling the run).
func withDeadline<T: Sendable>(
    _ seconds: Double, _ what: String, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let once = ResumeOnce<T>()
    let timerTask = Locked<Task<Void, Never>?>(nil)
    return try await withCheckedThrowingContinuation { continuation in
        once.continuation.withLock { $0 = continuation }
        let work = Task {
            let result: Result<T, any Error>
            do { result = .success(try await operation()) } catch { result = .failure(error) }
            if once.resume(result) { timerTask.value?.cancel() }
        }
        let timer = Task {
            try? await Task.sleep(for: .seconds(seconds))
            guard !Task.isCancelled else { return }
            if once.resume(.failure(DeadlineExceeded(description: "\(what) did not finish within \(seconds) s"))) { work.cancel() }
        }
        timerTask.update { $0 = timer }
    }
}

/// A continuation resumed by whichever comes first.
final class ResumeOnce<T: Sendable>: Sendable {
    let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)
    func resume(_ result: Result<T, any Error>) -> Bool {
        guard let continuation = continuation.withLock({ value in defer { value = nil }; return value }) else { return false }
        continuation.resume(with: result)
        return true
    }
}

/// Polls `condition` until it holds; throws ``DeadlineExceeded`` after `seconds`.
func waitUntil(_ seconds: Double, _ what: String, pollMillis: Int = 20, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while true {
        if try await condition() { return }
        guard ContinuousClock.now < deadline else { throw DeadlineExceeded(description: "\(what) did not happen within \(seconds) s") }
        try await Task.sleep(for: .milliseconds(pollMillis))
    }
}

/// A value shared between tasks.
final class Locked<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>
    init(_ value: Value) { storage = Mutex(value) }
    var value: Value { storage.withLock { $0 } }
    @discardableResult
    func update<R: Sendable>(_ body: @Sendable (inout Value) -> R) -> R { storage.withLock { body(&$0) } }
}
