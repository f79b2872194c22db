public import ArgumentParser
import Dialects
import Foundation
import Governance
import Ledger
import PostgresClient
import RedisClient
import TokModelCore

/// `tokmodel-admin`: migrations, accounts, keys, credits and usage reports.
public struct AdminCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tokmodel-admin",
        abstract: "Administer TokModel: migrate the database, manage accounts, keys and credits, report usage.",
        subcommands: [Migrate.self, Accounts.self, Keys.self, Credits.self, Usage.self, Audit.self])

    /// Declared here too so that `tokmodel-admin --postgres-url … accounts list` works as well as after the command.
    @OptionGroup var global: GlobalOptions

    public init() {}
}

/// Connection options and output format shared by every command.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("postgres-url"), help: "PostgreSQL URL (TOKMODEL_POSTGRES_URL).")
    var postgresURL: String?
    @Option(name: .customLong("redis-url"), help: "Redis URL (TOKMODEL_REDIS_URL, default redis://127.0.0.1:6379/0).")
    var redisURL: String?
    @Flag(help: "Print machine-readable JSON.")
    var json = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func database() throws -> PostgresConnection {
        guard let url = postgresURL ?? environment["TOKMODEL_POSTGRES_URL"] else {
            throw ValidationError("--postgres-url (or TOKMODEL_POSTGRES_URL) is required")
        }
        return try PostgresConnection(url: url)
    }

    func governance() throws -> GovernanceStore {
        let url = redisURL ?? environment["TOKMODEL_REDIS_URL"] ?? "redis://127.0.0.1:6379/0"
        return GovernanceStore(redis: RedisConnection(configuration: try RedisConfiguration(url: url)))
    }

    /// Applies a change to Redis' view right away, so it takes effect on the next request at every edge.
    /// PostgreSQL already holds the change; if Redis is unreachable the ledger's periodic sync applies it.
    func publish(_ description: String, _ change: @escaping @Sendable (GovernanceStore) async throws -> Void) async {
        do {
            let store = try governance()
            defer { store.redis.shutdown() }
            try await change(store)
        } catch {
            FileHandle.standardError.write(
                Data("warning: \(description) is saved in PostgreSQL but Redis could not be updated (\(error)); the ledger's periodic sync will apply it\n".utf8))
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply the SQL migrations that are not applied yet (safe to re-run).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Directory of numbered .sql files (TOKMODEL_MIGRATIONS_DIR, default ./Migrations).")
    var directory: String?

    func run() async throws {
        let dir = directory ?? Migrator.defaultDirectory(environment: global.environment, executablePath: CommandLine.arguments[0])
        let migrations = try Migrator.load(directory: dir)
        let db = try global.database()
        let applied = try Migrator.migrate(db, migrations: migrations)
        let version = try Migrator.currentVersion(db)
        if global.json {
            Output.object(["applied": .array(applied.map { .string($0.name) }), "version": .int(version)])
        } else {
            for migration in applied { print("applied \(migration.name)") }
            print(applied.isEmpty ? "database is up to date (version \(version))" : "database now at version \(version)")
        }
    }
}
