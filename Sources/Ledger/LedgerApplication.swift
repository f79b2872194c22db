import Governance
public import LedgerProtocol
public import Logging
import PostgresClient
import RedisClient
public import ServiceLifecycle
import TokModelCore
import UnixSignals

/// Everything `tokmodel-ledger` needs to start.
public struct LedgerConfiguration: Sendable {
    public var socketPath: String
    public var postgresURL: String
    public var redisURL: String
    public var catalogPath: String
    /// Where settlements wait while PostgreSQL is unreachable.
    public var spoolDirectory: String
    /// PostgreSQL connections. Defaults to 4.
    public var postgresConnections = 4
    /// Batching of settlements into PostgreSQL statements and commits.
    public var settlement = SettlementProcessor.Configuration()
    /// Where the host's edges keep their settlement journals; the ledger settles those of dead edges.
    /// Defaults to next to the socket, where the edges look by default too.
    public var journalDirectory: String

    public init(socketPath: String, postgresURL: String, redisURL: String, catalogPath: String, spoolDirectory: String) {
        self.socketPath = socketPath
        self.postgresURL = postgresURL
        self.redisURL = redisURL
        self.catalogPath = catalogPath
        self.spoolDirectory = spoolDirectory
        self.journalDirectory = SettlementJournal.defaultDirectory(forSocket: socketPath)
    }
}

/// The ledger daemon's services, in start order (they stop in reverse: the RPC server first, so that no
/// settlement arrives after the processor has finished).
public struct LedgerApplication: Sendable {
    public let processor: SettlementProcessor
    public let synchronizer: RedisSynchronizer
    public let sweeper: HoldSweeper
    public let journalRecovery: JournalRecovery
    public let server: LedgerServer
    let redis: RedisConnection
    let pool: PostgresPool

    public init(configuration: LedgerConfiguration, environment: [String: String], logger: Logger) throws {
        let catalog = try Catalog.load(path: configuration.catalogPath, environment: environment)
        let redis = RedisConnection(configuration: try RedisConfiguration(url: configuration.redisURL), logger: logger)
        let pool = PostgresPool(url: configuration.postgresURL, size: configuration.postgresConnections, logger: logger)
        let governance = GovernanceStore(redis: redis)
        let spool = try Spool(directory: configuration.spoolDirectory)
        self.redis = redis
        self.pool = pool
        self.processor = SettlementProcessor(configuration: configuration.settlement, pool: pool, governance: governance, catalog: catalog, spool: spool, logger: logger)
        self.synchronizer = RedisSynchronizer(pool: pool, governance: governance, logger: logger)
        self.sweeper = HoldSweeper(governance: governance, logger: logger)
        self.journalRecovery = JournalRecovery(directory: configuration.journalDirectory, handler: processor, logger: logger)
        self.server = LedgerServer(socketPath: configuration.socketPath, handler: processor, logger: logger)
    }

    public var services: [any Service] { [processor, synchronizer, sweeper, journalRecovery, server] }

    /// Runs until SIGTERM/SIGINT, then stops gracefully.
    public func run(logger: Logger) async throws {
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        redis.shutdown()
        await pool.shutdown()
    }
}
