public import Governance
public import Logging
public import ServiceLifecycle
import TokModelCore


/// Releases holds whose deadline has passed: the requests of an edge that died before handing over their
/// settlements (SIGKILL, a crashed host). Without it, their reservations would lower the account's available
/// balance forever.
///
/// A hold's deadline is the provider's request timeout plus the edge's grace, so a live request always settles
/// first; holds of settlements spooled while PostgreSQL is down are extended until the spool drains. Releasing
/// is idempotent (`Scripts.settle`), so several ledgers sweeping the same Redis, or a settlement arriving just
/// after its hold was swept, cannot count anything twice: a late settlement still debits PostgreSQL, and its
/// balance reaches Redis with the version that says it is newer.
public struct HoldSweeper: Service {
    let governance: GovernanceStore
    let logger: Logger
    let interval: Duration

    public init(governance: GovernanceStore, logger: Logger, interval: Duration = .seconds(1)) {
        self.governance = governance
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let released = try await sweepOnce()
                if released > 0 { logger.notice("released expired holds", metadata: ["ledger.holds": "\(released)"]) }
            } catch {
                logger.debug("hold sweep failed", metadata: ["ledger.error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// One pass over the accounts with holds; returns how many holds were released.
    @discardableResult
    public func sweepOnce() async throws -> Int {
        let now = WallClock.unixMillis()
        var released = 0
        for account in try await governance.accountsWithHolds() {
            let expired = try await governance.expiredHolds(accountID: account, nowMillis: now)
            // With no expired holds the call still removes an account left without holds from the set.
            released += try await governance.settle(accountID: account, balance: nil, version: nil, releasing: expired)
        }
        return released
    }

}
