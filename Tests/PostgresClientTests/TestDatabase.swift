import Glibc
import Logging
import PostgresClient

/// Access to the real PostgreSQL the integration tests run against.
///
/// The URL comes from `TOKMODEL_TEST_POSTGRES_URL`. A missing or unreachable server fails the test with a
/// message saying so instead of skipping it, so a green run always means PostgreSQL was really exercised.
enum TestDatabase {
    static let variable = "TOKMODEL_TEST_POSTGRES_URL"

    static func url() throws -> String {
        guard let value = getenv(variable), case let url = String(cString: value), !url.isEmpty else {
            throw SetupFailure(
                "\(variable) is not set. These tests need a real PostgreSQL, e.g. "
                    + "\(variable)=postgres://postgres@127.0.0.1:55499/postgres swift test --filter PostgresClientTests"
            )
        }
        return url
    }

    static func connect() throws -> PostgresConnection {
        let url = try url()
        do {
            return try PostgresConnection(url: url)
        } catch {
            throw SetupFailure("cannot reach the PostgreSQL named by \(variable): \(error)")
        }
    }

    /// Fails the calling test unless the test server answers, for tests that otherwise only talk to
    /// deliberately unreachable addresses.
    static func requireReachable() throws {
        try connect().close()
    }

    /// A pool whose URL has been checked first, so an unreachable server reads as a setup failure, shut down
    /// whatever `body` does.
    static func withPool<T>(size: Int, _ body: (PostgresPool) async throws -> T) async throws -> T {
        try requireReachable()
        let pool = PostgresPool(url: try url(), size: size, logger: Logger(label: "PostgresClientTests"))
        do {
            let value = try await body(pool)
            await pool.shutdown()
            return value
        } catch {
            await pool.shutdown()
            throw error
        }
    }

    /// A table name no other test (or earlier run) uses, so tests can run in parallel.
    static func uniqueTableName(_ prefix: String) -> String {
        "pgc_\(prefix)_\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
    }
}

struct SetupFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
