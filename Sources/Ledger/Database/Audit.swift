public import PostgresClient
public import TokModelCore

/// One broken invariant, for `tokmodel-admin audit`.
public struct AuditFinding: Sendable, Equatable, CustomStringConvertible {
    public var check: String
    public var detail: String

    public init(check: String, detail: String) {
        self.check = check
        self.detail = detail
    }

    public var description: String { "\(check): \(detail)" }
}

/// PostgreSQL's side of an account, as the audit compares it with Redis.
public struct AuditedAccount: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var balance: Money
    public var version: Int64
}

extension PostgresConnection {
    /// The ledger's own invariants, checked in PostgreSQL alone:
    /// 1. each account's balance equals the sum of its credit transactions;
    /// 2. every usage event with a cost has exactly one debit of that cost, and every debit has its event;
    /// 3. no balance is negative.
    public func auditLedger() throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for row in try query(
            """
            SELECT a.name, a.balance_nano, coalesce(sum(t.amount_nano), 0)::bigint AS total
            FROM accounts a LEFT JOIN credit_transactions t ON t.account_id = a.id
            GROUP BY a.id HAVING a.balance_nano <> coalesce(sum(t.amount_nano), 0) ORDER BY a.id
            """)
        {
            findings.append(
                AuditFinding(
                    check: "balance = sum of credit transactions",
                    detail: "account \(row.string("name") ?? "?"): balance \(row.int64("balance_nano") ?? 0), transactions sum to \(row.int64("total") ?? 0)"))
        }
        for row in try query(
            """
            SELECT e.request_id, e.cost_nano, count(t.id) AS debits, coalesce(sum(-t.amount_nano), 0)::bigint AS debited
            FROM usage_events e LEFT JOIN credit_transactions t ON t.kind = 'usage' AND t.request_id = e.request_id
            WHERE e.cost_nano > 0
            GROUP BY e.request_id, e.cost_nano
            HAVING count(t.id) <> 1 OR coalesce(sum(-t.amount_nano), 0) <> e.cost_nano
            LIMIT 100
            """)
        {
            findings.append(
                AuditFinding(
                    check: "one debit per usage event",
                    detail: "request \(row.string("request_id") ?? "?"): cost \(row.int64("cost_nano") ?? 0), \(row.int64("debits") ?? 0) debits totalling \(row.int64("debited") ?? 0)"))
        }
        for row in try query(
            """
            SELECT t.request_id, t.amount_nano FROM credit_transactions t
            LEFT JOIN usage_events e ON e.request_id = t.request_id
            WHERE t.kind = 'usage' AND (e.request_id IS NULL OR e.account_id <> t.account_id) LIMIT 100
            """)
        {
            findings.append(AuditFinding(check: "every debit has its usage event", detail: "debit for request \(row.string("request_id") ?? "?") has no matching event"))
        }
        // Since migration 0004 no foreign key guards these (tm_settle_batch checks each batch instead).
        for row in try query(
            """
            SELECT e.request_id FROM usage_events e LEFT JOIN api_keys k ON k.id = e.key_id AND k.account_id = e.account_id
            WHERE k.id IS NULL LIMIT 100
            """)
        {
            findings.append(AuditFinding(check: "every usage event names an existing key of its account", detail: "request \(row.string("request_id") ?? "?")"))
        }
        for row in try query(
            """
            SELECT t.id FROM credit_transactions t LEFT JOIN accounts a ON a.id = t.account_id WHERE a.id IS NULL LIMIT 100
            """)
        {
            findings.append(AuditFinding(check: "every credit transaction names an existing account", detail: "transaction \(row.int64("id") ?? 0)"))
        }
        for row in try query("SELECT name, balance_nano FROM accounts WHERE balance_nano < 0 ORDER BY id") {
            findings.append(AuditFinding(check: "no negative balance", detail: "account \(row.string("name") ?? "?") has \(row.int64("balance_nano") ?? 0)"))
        }
        return findings
    }

    /// Every account's balance and version, for comparison with Redis.
    public func auditedAccounts() throws -> [AuditedAccount] {
        try query("SELECT id, name, balance_nano, balance_version FROM accounts ORDER BY id").map { row in
            AuditedAccount(
                id: row.int64("id") ?? 0, name: row.string("name") ?? "", balance: Money(nanos: row.int64("balance_nano") ?? 0),
                version: row.int64("balance_version") ?? 0)
        }
    }

    /// Summary figures for the audit report.
    public func auditTotals() throws -> (accounts: Int64, events: Int64, lowestBalance: Money) {
        let row = try query(
            "SELECT (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM usage_events) AS events, (SELECT coalesce(min(balance_nano), 0) FROM accounts) AS lowest"
        ).first
        return (row?.int64("accounts") ?? 0, row?.int64("events") ?? 0, Money(nanos: row?.int64("lowest") ?? 0))
    }
}
