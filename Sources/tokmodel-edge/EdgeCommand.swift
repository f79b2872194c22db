import ArgumentParser
import Edge
import Foundation
import Logging

/// `tokmodel-edge`: the stateless HTTP edge. Wiring only; the logic lives in the Edge module.

struct EdgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokmodel-edge", abstract: "TokModel's HTTP edge: authenticates, limits, proxies and meters LLM API calls.")

    @Option(help: "host:port to listen on (TOKMODEL_LISTEN, default 127.0.0.1:8080).")
    var listen: String?
    @Option(help: "Catalog YAML file (TOKMODEL_CATALOG).")
    var catalog: String?
    @Option(name: .customLong("redis-url"), help: "Redis URL (TOKMODEL_REDIS_URL, default redis://127.0.0.1:6379/0).")
    var redisURL: String?
    @Option(name: .customLong("ledger-socket"), help: "The ledger's Unix socket (TOKMODEL_LEDGER_SOCKET).")
    var ledgerSocket: String?
    @Option(name: .customLong("max-request-bytes"), help: "Largest request body accepted (TOKMODEL_MAX_REQUEST_BYTES, default 33554432).")
    var maxRequestBytes: String?
    @Option(name: .customLong("hold-grace-ms"), help: "How long a hold outlives the provider timeout before the sweeper may release it (TOKMODEL_HOLD_GRACE_MS, default 120000).")
    var holdGraceMillis: String?
    @Option(
        name: .customLong("journal-dir"),
        help: "Where this edge journals its requests in flight and the settlements not yet acknowledged, for the ledger to settle if the edge dies (TOKMODEL_JOURNAL_DIR, default <ledger socket>.journals; must match the ledger's).")
    var journalDirectory: String?
    @Option(
        name: .customLong("journal-slots"),
        help: "Journal slots (512 bytes each): requests in flight plus settlements not yet acknowledged (TOKMODEL_JOURNAL_SLOTS, default 8192, 64 to 1048576).")
    var journalSlots: String?
    @Option(
        name: .customLong("speculative-dispatch"),
        help: "on: call the provider while Redis admits a request, for keys whose last admission here left room for it (a refusal cancels the call); off: always admit first (TOKMODEL_SPECULATIVE_DISPATCH, default on).")
    var speculativeDispatch: String?
    @Option(
        name: .customLong("speculation-window-ms"),
        help: "How long a key's last admission vouches for sending its next requests ahead (TOKMODEL_SPECULATION_WINDOW_MS, default 1000, 1 to 60000).")
    var speculationWindowMillis: String?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error (TOKMODEL_LOG_LEVEL, default info).")
    var logLevel: String?

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        let logger = bootstrapLogging(label: "tokmodel.edge", level: logLevel ?? env["TOKMODEL_LOG_LEVEL"])
        let listenText = listen ?? env["TOKMODEL_LISTEN"] ?? "127.0.0.1:8080"
        guard let (host, port) = EdgeConfiguration.parseListen(listenText) else {
            throw ValidationError("--listen must be host:port, got '\(listenText)'")
        }
        guard let catalogPath = catalog ?? env["TOKMODEL_CATALOG"] else { throw ValidationError("--catalog (or TOKMODEL_CATALOG) is required") }
        guard let socket = ledgerSocket ?? env["TOKMODEL_LEDGER_SOCKET"] else {
            throw ValidationError("--ledger-socket (or TOKMODEL_LEDGER_SOCKET) is required")
        }
        var configuration = EdgeConfiguration(
            host: host, port: port, catalogPath: catalogPath, redisURL: redisURL ?? env["TOKMODEL_REDIS_URL"] ?? "redis://127.0.0.1:6379/0",
            ledgerSocketPath: socket)
        if let text = maxRequestBytes ?? env["TOKMODEL_MAX_REQUEST_BYTES"] {
            guard let value = Int(text), value > 0 else { throw ValidationError("--max-request-bytes must be a positive integer") }
            configuration.maxRequestBytes = value
        }
        if let text = holdGraceMillis ?? env["TOKMODEL_HOLD_GRACE_MS"] {
            guard let value = Int64(text), value >= 0 else { throw ValidationError("--hold-grace-ms must be a non-negative integer") }
            configuration.holdGraceMillis = value
        }
        if let directory = journalDirectory ?? env["TOKMODEL_JOURNAL_DIR"] { configuration.journalDirectory = directory }
        if let text = journalSlots ?? env["TOKMODEL_JOURNAL_SLOTS"] {
            guard let value = Int(text), EdgeConfiguration.journalSlotRange.contains(value) else {
                throw ValidationError("--journal-slots must be an integer from 64 to 1048576, got '\(text)'")
            }
            configuration.journalSlots = value
        }
        if let text = speculativeDispatch ?? env["TOKMODEL_SPECULATIVE_DISPATCH"] {
            switch text.lowercased() {
            case "on", "true", "1", "yes": configuration.speculativeDispatch = true
            case "off", "false", "0", "no": configuration.speculativeDispatch = false
            default: throw ValidationError("--speculative-dispatch must be on or off, got '\(text)'")
            }
        }
        if let text = speculationWindowMillis ?? env["TOKMODEL_SPECULATION_WINDOW_MS"] {
            guard let value = Int(text), EdgeConfiguration.speculationWindowRange.contains(value) else {
                throw ValidationError("--speculation-window-ms must be an integer from 1 to 60000, got '\(text)'")
            }
            configuration.speculationWindowMillis = value
        }
        let application = try EdgeApplication(configuration: configuration, environment: env, logger: logger)
        try await application.run { port in
            print("tokmodel-edge listening on \(host):\(port)")
            fflush(nil)
        }
    }
}

func bootstrapLogging(label: String, level: String?) -> Logger {
    let parsed = level.flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
    LoggingSystem.bootstrap { name in
        var handler = StreamLogHandler.standardError(label: name)
        handler.logLevel = parsed
        return handler
    }
    return Logger(label: label)
}
