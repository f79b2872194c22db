public import LedgerProtocol
public import Logging
public import ServiceLifecycle

/// Settles what dead edges left in their journals (``SettlementJournal``): the settlements an edge had handed
/// out to clients but not yet had acknowledged when it was killed.
///
/// Once a second it looks for journals in `directory` that no process holds locked, settles their contents
/// through the same processor as the RPC (idempotent by request id: what the edge did deliver before dying is
/// not billed twice), and deletes each journal once everything in it is durable (committed or spooled).
public struct JournalRecovery: Service {
    let directory: String
    let handler: any SettlementHandler
    let logger: Logger
    let interval: Duration
    /// Directory scans, journal reads and unlinks run here, never on the cooperative pool.
    let fileWork = FileWork(label: "tokmodel.ledger.journal-recovery")

    public init(directory: String, handler: any SettlementHandler, logger: Logger, interval: Duration = .seconds(1)) {
        self.directory = directory
        self.handler = handler
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await recoverOnce()
            try? await Task.sleep(for: interval)
        }
    }

    /// One pass; returns how many settlements it handed to the processor.
    @discardableResult
    public func recoverOnce() async -> Int {
        var recovered = 0
        let orphans = await fileWork.run { [directory, logger] in SettlementJournal.orphans(in: directory, logger: logger) }
        for orphan in orphans {
            if !orphan.settlements.isEmpty {
                // Returns once every settlement is durable (committed — now or before — spooled, or rejected).
                _ = await handler.settle(orphan.settlements)
                logger.notice(
                    "settled a dead edge's journal", metadata: ["ledger.journal": "\(orphan.path)", "ledger.settlements": "\(orphan.settlements.count)"])
                recovered += orphan.settlements.count
            }
            await fileWork.run { orphan.remove() }
        }
        return recovered
    }
}
