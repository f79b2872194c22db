import ArgumentParser
import Dialects
import Foundation
import Governance
import Ledger
import PostgresClient
import RedisClient
import TokModelCore

/// `tokmodel-admin audit`: checks billing invariants in PostgreSQL and that Redis agrees with it.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check billing invariants; exits 1 with a report when one fails.",
        discussion: """
            PostgreSQL: each balance equals the sum of its credit transactions; every usage event with a cost has \
            exactly one debit of that cost and every debit its event; no balance is negative.
            Redis: the readiness marker is present; each account's balance and version equal PostgreSQL's; the held \
            amount equals the sum of the open holds (so available = PostgreSQL balance − open holds). Accounts that \
            differ are re-read after --settle-wait seconds, since settlements may be in flight.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("settle-wait"), help: "Seconds to wait before re-checking accounts that differ (default 3).")
    var settleWait: Double = 3

    func run() async throws {
        let db = try global.database()
        var findings = try db.auditLedger()
        let totals = try db.auditTotals()

        let store = try global.governance()
        defer { store.redis.shutdown() }
        var redisChecked = false
        do {
            if try await store.isReady() {
                redisChecked = true
                var suspects = try await redisMismatches(db.auditedAccounts(), store: store)
                if !suspects.isEmpty {
                    try await Task.sleep(for: .seconds(settleWait))
                    suspects = try await redisMismatches(db.auditedAccounts().filter { account in suspects.contains { $0.0 == account.id } }, store: store)
                }
                findings.append(contentsOf: suspects.map(\.1))
            } else {
                findings.append(AuditFinding(check: "redis is whole", detail: "the readiness marker is missing: the ledger has not rebuilt Redis"))
            }
        } catch {
            findings.append(AuditFinding(check: "redis reachable", detail: "\(error)"))
        }

        if global.json {
            Output.object([
                "ok": .bool(findings.isEmpty), "accounts": .int(totals.accounts), "usage_events": .int(totals.events),
                "lowest_balance_nano": .int(totals.lowestBalance.nanos), "redis_checked": .bool(redisChecked),
                "findings": .array(findings.map { .object([("check", .string($0.check)), ("detail", .string($0.detail))]) }),
            ])
        } else {
            print("audited \(totals.accounts) accounts and \(totals.events) usage events; lowest balance $\(totals.lowestBalance.dollarString)")
            if findings.isEmpty {
                print("all invariants hold")
            } else {
                print("\(findings.count) problem(s):")
                for finding in findings { print("  - \(finding)") }
            }
        }
        if !findings.isEmpty { throw ExitCode(1) }
    }

    /// Accounts whose Redis view differs from PostgreSQL, with the finding to report if it persists.
    func redisMismatches(_ accounts: [AuditedAccount], store: GovernanceStore) async throws -> [(Int64, AuditFinding)] {
        var out: [(Int64, AuditFinding)] = []
        for account in accounts {
            let view = try await store.accountView(accountID: account.id)
            let holds = try await store.holds(accountID: account.id)
            let heldSum = holds.reduce(Money.zero) { $0 + $1.amount }
            if view.balance != account.balance || view.version != account.version {
                let shown = view.balance.map { "\($0.nanos) (version \(view.version ?? -1))" } ?? "missing"
                out.append(
                    (account.id, AuditFinding(
                        check: "redis balance = postgres balance",
                        detail: "account \(account.name): postgres \(account.balance.nanos) (version \(account.version)), redis \(shown)")))
            } else if view.held != heldSum {
                out.append(
                    (account.id, AuditFinding(
                        check: "redis held = sum of open holds",
                        detail: "account \(account.name): held \(view.held.nanos), holds sum to \(heldSum.nanos) over \(holds.count) holds")))
            }
        }
        return out
    }
}
