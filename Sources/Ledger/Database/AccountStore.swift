public import Governance
public import PostgresClient
public import TokModelCore

public struct AccountRow: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var balance: Money
    public var version: Int64
    public var createdAt: String
    /// Account-wide limits across all its keys (0 = unlimited).
    public var requestsPerMinute: Int64 = 0
    public var tokensPerMinute: Int64 = 0
    public var maxConcurrent: Int64 = 0
}

/// Changes to a key's limits; nil leaves a value as it is.
public struct KeyLimitsUpdate: Sendable, Equatable {
    public var requestsPerMinute: Int64?
    public var tokensPerMinute: Int64?
    public var maxConcurrent: Int64?
    public var spendLimit: Money?
    public var dailySpendLimit: Money?
    public var monthlySpendLimit: Money?
    public var allowedModels: [String]?
    /// `.some(nil)` removes the expiry.
    public var expiresAtMillis: Int64??

    public init(
        requestsPerMinute: Int64? = nil, tokensPerMinute: Int64? = nil, maxConcurrent: Int64? = nil, spendLimit: Money? = nil,
        dailySpendLimit: Money? = nil, monthlySpendLimit: Money? = nil, allowedModels: [String]? = nil, expiresAtMillis: Int64?? = nil
    ) {
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
        self.maxConcurrent = maxConcurrent
        self.spendLimit = spendLimit
        self.dailySpendLimit = dailySpendLimit
        self.monthlySpendLimit = monthlySpendLimit
        self.allowedModels = allowedModels
        self.expiresAtMillis = expiresAtMillis
    }
}

public struct KeyRow: Sendable, Equatable {
    public var id: Int64
    public var accountID: Int64
    public var accountName: String
    public var name: String
    public var displayPrefix: String
    public var hashHex: String
    public var requestsPerMinute: Int64
    public var tokensPerMinute: Int64
    public var allowedModels: [String]
    public var expiresAtMillis: Int64?
    public var revokedAt: String?
    public var createdAt: String
    public var maxConcurrent: Int64 = 0
    public var spendLimit: Money = .zero
    public var dailySpendLimit: Money = .zero
    public var monthlySpendLimit: Money = .zero

    /// The record the admission script reads.
    public var governanceRecord: KeyRecord {
        KeyRecord(
            accountID: accountID, keyID: id, hashHex: hashHex, revoked: revokedAt != nil, requestsPerMinute: requestsPerMinute,
            tokensPerMinute: tokensPerMinute, expiresAtMillis: expiresAtMillis, allowedModels: allowedModels, maxConcurrent: maxConcurrent,
            spendLimit: spendLimit, dailySpendLimit: dailySpendLimit, monthlySpendLimit: monthlySpendLimit)
    }
}

/// A failure an operator caused (unknown account, bad input): shown as is, exit code 1.
public struct LedgerUserError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

public enum AccountName {
    /// Names are 1–64 characters of letters, digits, `.`, `_`, `-`, starting with a letter or digit (also
    /// enforced by a CHECK constraint), so they are safe in logs, file names and Redis keys.
    public static func validate(_ name: String) throws(LedgerUserError) {
        let utf8 = Array(name.utf8)
        guard let first = utf8.first, utf8.count <= 64, isAlnum(first),
            utf8.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") })
        else {
            throw LedgerUserError("invalid account name '\(name)': use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
        }
    }

    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }
}

extension PostgresConnection {
    static let keyColumns = """
        k.id, k.account_id, a.name AS account_name, k.name, k.display_prefix, k.key_hash, k.rpm, k.tpm,
        k.allowed_models, (extract(epoch FROM k.expires_at) * 1000)::bigint AS expires_ms, k.max_concurrent,
        k.spend_limit_nano, k.daily_spend_limit_nano, k.monthly_spend_limit_nano,
        to_char(k.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS revoked_at,
        to_char(k.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
        """

    // MARK: Accounts

    public func createAccount(name: String) throws -> AccountRow {
        try AccountName.validate(name)
        do {
            let rows = try query(
                "INSERT INTO accounts (name) VALUES ($1) RETURNING id, name, balance_nano, balance_version, rpm, tpm, max_concurrent, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS created_at",
                [PostgresParameter(name)])
            return try Self.account(from: rows.first)
        } catch let error as PostgresError where error.isUniqueViolation {
            throw LedgerUserError("an account named '\(name)' already exists")
        }
    }

    public func accounts() throws -> [AccountRow] {
        try query("SELECT id, name, balance_nano, balance_version, rpm, tpm, max_concurrent, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS created_at FROM accounts ORDER BY id")
            .map { try Self.account(from: $0) }
    }

    public func account(named name: String) throws -> AccountRow {
        let rows = try query(
            "SELECT id, name, balance_nano, balance_version, rpm, tpm, max_concurrent, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS created_at FROM accounts WHERE name = $1",
            [PostgresParameter(name)])
        guard let row = rows.first else { throw LedgerUserError("no account named '\(name)'") }
        return try Self.account(from: row)
    }

    static func account(from row: PostgresRow?) throws -> AccountRow {
        guard let row, let id = row.int64("id"), let name = row.string("name"), let balance = row.int64("balance_nano"),
            let version = row.int64("balance_version")
        else { throw LedgerUserError("unexpected account row") }
        return AccountRow(
            id: id, name: name, balance: Money(nanos: balance), version: version, createdAt: row.string("created_at") ?? "",
            requestsPerMinute: row.int64("rpm") ?? 0, tokensPerMinute: row.int64("tpm") ?? 0, maxConcurrent: row.int64("max_concurrent") ?? 0)
    }

    // MARK: Keys

    /// Creates a key and returns it with its secret, which exists nowhere else afterwards.
    public func createKey(
        accountName: String, name: String, requestsPerMinute: Int64, tokensPerMinute: Int64, allowedModels: [String],
        expiresAtMillis: Int64?, maxConcurrent: Int64 = 0, spendLimit: Money = .zero, dailySpendLimit: Money = .zero,
        monthlySpendLimit: Money = .zero
    ) throws -> (key: KeyRow, secret: String) {
        let account = try account(named: accountName)
        guard name.utf8.count <= 128 else { throw LedgerUserError("key name is longer than 128 bytes") }
        guard requestsPerMinute >= 0, tokensPerMinute >= 0, maxConcurrent >= 0, spendLimit.nanos >= 0, dailySpendLimit.nanos >= 0,
            monthlySpendLimit.nanos >= 0
        else { throw LedgerUserError("limits must not be negative") }
        try Self.validateModelPatterns(allowedModels)
        let secret = APIKey.generate()
        let rows = try query(
            """
            WITH k AS (
                INSERT INTO api_keys (account_id, name, key_hash, display_prefix, rpm, tpm, allowed_models, expires_at, max_concurrent,
                                      spend_limit_nano, daily_spend_limit_nano, monthly_spend_limit_nano)
                VALUES ($1, $2, $3, $4, $5, $6, $7::text[], CASE WHEN $8::bigint IS NULL THEN NULL ELSE to_timestamp($8::bigint / 1000.0) END,
                        $9, $10, $11, $12)
                RETURNING *)
            SELECT \(Self.keyColumns) FROM k JOIN accounts a ON a.id = k.account_id
            """,
            [
                PostgresParameter(account.id), PostgresParameter(name), PostgresParameter(APIKey.hash(secret)),
                PostgresParameter(APIKey.displayPrefix(secret)), PostgresParameter(requestsPerMinute), PostgresParameter(tokensPerMinute),
                .textArray(allowedModels), .int64(expiresAtMillis), PostgresParameter(maxConcurrent), PostgresParameter(spendLimit.nanos),
                PostgresParameter(dailySpendLimit.nanos), PostgresParameter(monthlySpendLimit.nanos),
            ])
        return (try Self.key(from: rows.first), secret)
    }

    static func validateModelPatterns(_ patterns: [String]) throws(LedgerUserError) {
        for model in patterns where !(ModelID.isWellFormed(model) || model.hasSuffix("/*") || model == "*") || model.contains(",") {
            throw LedgerUserError("invalid model pattern '\(model)': use an exact id like openai/gpt-4o or a provider pattern like openai/*")
        }
    }

    /// Changes a key's limits (what the update names; the rest stays) and returns the key.
    public func updateKey(id: Int64, _ update: KeyLimitsUpdate) throws -> KeyRow {
        _ = try key(id: id)
        let values = [update.requestsPerMinute, update.tokensPerMinute, update.maxConcurrent, update.spendLimit?.nanos,
                      update.dailySpendLimit?.nanos, update.monthlySpendLimit?.nanos].compactMap { $0 }
        guard values.allSatisfy({ $0 >= 0 }) else { throw LedgerUserError("limits must not be negative") }
        if let models = update.allowedModels { try Self.validateModelPatterns(models) }
        let clearExpiry: Bool
        let expiry: Int64?
        switch update.expiresAtMillis {
        case .none: (clearExpiry, expiry) = (false, nil)
        case .some(.none): (clearExpiry, expiry) = (true, nil)
        case .some(.some(let millis)): (clearExpiry, expiry) = (false, millis)
        }
        try query(
            """
            UPDATE api_keys SET
                rpm = coalesce($2, rpm), tpm = coalesce($3, tpm), max_concurrent = coalesce($4, max_concurrent),
                spend_limit_nano = coalesce($5, spend_limit_nano), daily_spend_limit_nano = coalesce($6, daily_spend_limit_nano),
                monthly_spend_limit_nano = coalesce($7, monthly_spend_limit_nano),
                allowed_models = coalesce($8::text[], allowed_models),
                expires_at = CASE WHEN $9::boolean THEN NULL WHEN $10::bigint IS NULL THEN expires_at ELSE to_timestamp($10::bigint / 1000.0) END
            WHERE id = $1
            """,
            [
                PostgresParameter(id), .int64(update.requestsPerMinute), .int64(update.tokensPerMinute), .int64(update.maxConcurrent),
                .int64(update.spendLimit?.nanos), .int64(update.dailySpendLimit?.nanos), .int64(update.monthlySpendLimit?.nanos),
                update.allowedModels.map { .textArray($0) } ?? .null, PostgresParameter(clearExpiry), .int64(expiry),
            ])
        return try key(id: id)
    }

    /// Sets an account's account-wide limits (nil leaves a value as it is) and returns the account.
    public func updateAccountLimits(name: String, requestsPerMinute: Int64?, tokensPerMinute: Int64?, maxConcurrent: Int64?) throws -> AccountRow {
        let account = try account(named: name)
        guard [requestsPerMinute, tokensPerMinute, maxConcurrent].compactMap({ $0 }).allSatisfy({ $0 >= 0 }) else {
            throw LedgerUserError("limits must not be negative")
        }
        try query(
            "UPDATE accounts SET rpm = coalesce($2, rpm), tpm = coalesce($3, tpm), max_concurrent = coalesce($4, max_concurrent) WHERE id = $1",
            [PostgresParameter(account.id), .int64(requestsPerMinute), .int64(tokensPerMinute), .int64(maxConcurrent)])
        return try self.account(named: name)
    }

    /// Every key's spend for the current UTC day and month, with its version (for Redis' view).
    public func keySpends() throws -> [(keyID: Int64, accountID: Int64, spend: GovernanceStore.KeySpend)] {
        try query(
            """
            SELECT k.id, k.account_id, k.spend_version,
                   to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD') AS day_id, to_char(now() AT TIME ZONE 'UTC', 'YYYYMM') AS month_id,
                   coalesce(max(s.spent_nano) FILTER (WHERE s.period = 'total'), 0) AS total,
                   coalesce(max(s.spent_nano) FILTER (WHERE s.period = 'd:' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD')), 0) AS today,
                   coalesce(max(s.spent_nano) FILTER (WHERE s.period = 'm:' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMM')), 0) AS month
            FROM api_keys k LEFT JOIN key_spend s ON s.key_id = k.id
            WHERE k.spend_version > 0
            GROUP BY k.id
            """
        ).map { row in
            (
                row.int64("id") ?? 0, row.int64("account_id") ?? 0,
                GovernanceStore.KeySpend(
                    total: Money(nanos: row.int64("total") ?? 0), today: Money(nanos: row.int64("today") ?? 0), dayID: row.string("day_id") ?? "",
                    thisMonth: Money(nanos: row.int64("month") ?? 0), monthID: row.string("month_id") ?? "", version: row.int64("spend_version") ?? 0)
            )
        }
    }

    public func keys(accountName: String? = nil) throws -> [KeyRow] {
        if let accountName {
            let account = try account(named: accountName)
            return try query("SELECT \(Self.keyColumns) FROM api_keys k JOIN accounts a ON a.id = k.account_id WHERE k.account_id = $1 ORDER BY k.id", [PostgresParameter(account.id)])
                .map { try Self.key(from: $0) }
        }
        return try query("SELECT \(Self.keyColumns) FROM api_keys k JOIN accounts a ON a.id = k.account_id ORDER BY k.id").map { try Self.key(from: $0) }
    }

    public func key(id: Int64) throws -> KeyRow {
        let rows = try query("SELECT \(Self.keyColumns) FROM api_keys k JOIN accounts a ON a.id = k.account_id WHERE k.id = $1", [PostgresParameter(id)])
        guard let row = rows.first else { throw LedgerUserError("no key with id \(id)") }
        return try Self.key(from: row)
    }

    /// Marks a key revoked (idempotent) and returns it.
    public func revokeKey(id: Int64) throws -> KeyRow {
        _ = try key(id: id)
        try query("UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1", [PostgresParameter(id)])
        return try key(id: id)
    }

    static func key(from row: PostgresRow?) throws -> KeyRow {
        guard let row, let id = row.int64("id"), let account = row.int64("account_id"), let hash = row.string("key_hash") else {
            throw LedgerUserError("unexpected key row")
        }
        return KeyRow(
            id: id, accountID: account, accountName: row.string("account_name") ?? "", name: row.string("name") ?? "",
            displayPrefix: row.string("display_prefix") ?? "", hashHex: hash, requestsPerMinute: row.int64("rpm") ?? 0,
            tokensPerMinute: row.int64("tpm") ?? 0, allowedModels: PostgresArrayText.parse(row.string("allowed_models") ?? "{}"),
            expiresAtMillis: row.int64("expires_ms"), revokedAt: row.string("revoked_at"), createdAt: row.string("created_at") ?? "",
            maxConcurrent: row.int64("max_concurrent") ?? 0, spendLimit: Money(nanos: row.int64("spend_limit_nano") ?? 0),
            dailySpendLimit: Money(nanos: row.int64("daily_spend_limit_nano") ?? 0),
            monthlySpendLimit: Money(nanos: row.int64("monthly_spend_limit_nano") ?? 0))
    }

    // MARK: Credits

    public struct TopUpResult: Sendable, Equatable {
        /// False when the reference had been applied before (nothing changed).
        public var applied: Bool
        public var account: AccountRow
    }

    /// Adds credits. With a reference, applying the same reference twice adds once; reusing a reference with
    /// a different amount is an error.
    public func topUp(accountName: String, amount: Money, reference: String?) throws -> TopUpResult {
        guard amount.nanos > 0 else { throw LedgerUserError("amount must be greater than zero") }
        if let reference, reference.isEmpty || reference.utf8.count > 200 {
            throw LedgerUserError("reference must be 1-200 bytes")
        }
        return try transaction { db in
            let account = try db.account(named: accountName)
            try db.query("SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE", [PostgresParameter(account.id)])
            if let reference {
                let existing = try db.query(
                    "SELECT amount_nano FROM credit_transactions WHERE account_id = $1 AND kind = 'topup' AND reference = $2",
                    [PostgresParameter(account.id), PostgresParameter(reference)])
                if let previous = existing.first?.int64("amount_nano") {
                    guard previous == amount.nanos else {
                        throw LedgerUserError("reference '\(reference)' was already used for a top-up of \(Money(nanos: previous).dollarString) dollars")
                    }
                    return TopUpResult(applied: false, account: try db.account(named: accountName))
                }
            }
            try db.query(
                "INSERT INTO credit_transactions (account_id, kind, amount_nano, reference) VALUES ($1, 'topup', $2, $3)",
                [PostgresParameter(account.id), PostgresParameter(amount.nanos), .string(reference)])
            try db.query(
                "UPDATE accounts SET balance_nano = balance_nano + $2, balance_version = balance_version + 1 WHERE id = $1",
                [PostgresParameter(account.id), PostgresParameter(amount.nanos)])
            return TopUpResult(applied: true, account: try db.account(named: accountName))
        }
    }
}
