import ArgumentParser
import Foundation
import Ledger
import Logging

/// `tokmodel-ledger`: the billing daemon, one per host. Wiring only; the logic lives in the Ledger module.
@main
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokmodel-ledger", abstract: "TokModel's billing daemon: settles usage into PostgreSQL exactly once.")

    @Option(help: "Unix socket to serve edges on (TOKMODEL_LEDGER_SOCKET).")
    var socket: String?
    @Option(name: .customLong("postgres-url"), help: "PostgreSQL URL (TOKMODEL_POSTGRES_URL).")
    var postgresURL: String?
    @Option(name: .customLong("redis-url"), help: "Redis URL (TOKMODEL_REDIS_URL, default redis://127.0.0.1:6379/0).")
    var redisURL: String?
    @Option(help: "Catalog YAML file with the prices (TOKMODEL_CATALOG).")
    var catalog: String?
    @Option(name: .customLong("spool-dir"), help: "Directory for the spool used while PostgreSQL is down (TOKMODEL_SPOOL_DIR, default ./ledger-spool).")
    var spoolDirectory: String?
    @Option(
        name: .customLong("group-commit-ms"),
        help: "When fewer than 256 settlements wait, wait this long for more before a commit (TOKMODEL_LEDGER_GROUP_COMMIT_MS, default 20; 0 = never wait).")
    var groupCommitMillis: Int?
    @Option(
        name: .customLong("journal-dir"),
        help: "Where this host's edges journal their settlements; the ledger settles those of dead edges (TOKMODEL_JOURNAL_DIR, default <socket>.journals).")
    var journalDirectory: String?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error (TOKMODEL_LOG_LEVEL, default info).")
    var logLevel: String?

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        let parsed = (logLevel ?? env["TOKMODEL_LOG_LEVEL"]).flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        LoggingSystem.bootstrap { name in
            var handler = StreamLogHandler.standardError(label: name)
            handler.logLevel = parsed
            return handler
        }
        let logger = Logger(label: "tokmodel.ledger")
        guard let socketPath = socket ?? env["TOKMODEL_LEDGER_SOCKET"] else { throw ValidationError("--socket (or TOKMODEL_LEDGER_SOCKET) is required") }
        guard let postgres = postgresURL ?? env["TOKMODEL_POSTGRES_URL"] else { throw ValidationError("--postgres-url (or TOKMODEL_POSTGRES_URL) is required") }
        guard let catalogPath = catalog ?? env["TOKMODEL_CATALOG"] else { throw ValidationError("--catalog (or TOKMODEL_CATALOG) is required") }
        var configuration = LedgerConfiguration(
            socketPath: socketPath, postgresURL: postgres, redisURL: redisURL ?? env["TOKMODEL_REDIS_URL"] ?? "redis://127.0.0.1:6379/0",
            catalogPath: catalogPath, spoolDirectory: spoolDirectory ?? env["TOKMODEL_SPOOL_DIR"] ?? "ledger-spool")
        if let millis = groupCommitMillis ?? env["TOKMODEL_LEDGER_GROUP_COMMIT_MS"].flatMap({ Int($0) }) {
            guard (0...10_000).contains(millis) else { throw ValidationError("--group-commit-ms must be between 0 and 10000") }
            configuration.settlement.groupCommitDelay = .milliseconds(millis)
        }
        if let directory = journalDirectory ?? env["TOKMODEL_JOURNAL_DIR"] { configuration.journalDirectory = directory }
        let application = try LedgerApplication(configuration: configuration, environment: env, logger: logger)
        try await application.run(logger: logger)
    }
}
