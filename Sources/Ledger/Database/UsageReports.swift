public import PostgresClient
public import TokModelCore

public enum UsageGrouping: String, Sendable, CaseIterable {
    case model, key, day
}

public struct UsageReportRow: Sendable, Equatable {
    public var group: String
    public var requests: Int64
    public var inputTokens: Int64
    public var outputTokens: Int64
    public var cachedInputTokens: Int64
    public var cost: Money

    public init(group: String, requests: Int64, inputTokens: Int64, outputTokens: Int64, cachedInputTokens: Int64, cost: Money) {
        self.group = group
        self.requests = requests
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
        self.cost = cost
    }
}

/// One request's billing record.
public struct UsageEventRow: Sendable, Equatable {
    public var requestID: String
    public var accountName: String
    public var keyID: Int64
    public var model: String
    public var provider: String
    public var endpoint: String
    public var usage: Usage
    public var cost: Money
    public var reserved: Money
    public var priceVersion: String
    public var prices: PriceSheet
    public var usageSource: String
    public var outcome: String
    public var httpStatus: Int
    public var startedAt: String
    public var latencyMillis: Int
    public var firstByteMillis: Int
}

extension PostgresConnection {
    /// Requests, tokens and cost of an account's usage, grouped, between `since` (inclusive) and `until`
    /// (exclusive; a plain date means the end of that day). Dates are ISO 8601, read as UTC unless they say.
    public func usageReport(accountName: String, since: String?, until: String?, groupBy: UsageGrouping) throws -> [UsageReportRow] {
        let account = try account(named: accountName)
        let groupExpression: String
        let order: String
        switch groupBy {
        case .model: (groupExpression, order) = ("e.model", "grp")
        case .key: (groupExpression, order) = ("'key ' || e.key_id || ' (' || k.display_prefix || ')'", "min(e.key_id)")
        case .day: (groupExpression, order) = ("to_char(e.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')", "grp")
        }
        do {
            try query("SET TIME ZONE 'UTC'")  // dates without a zone mean UTC
            let rows = try query(
                """
                SELECT \(groupExpression) AS grp, count(*) AS requests, coalesce(sum(e.input_tokens), 0)::bigint AS input,
                       coalesce(sum(e.output_tokens), 0)::bigint AS output, coalesce(sum(e.cached_input_tokens), 0)::bigint AS cached,
                       coalesce(sum(e.cost_nano), 0)::bigint AS cost
                FROM usage_events e JOIN api_keys k ON k.id = e.key_id
                WHERE e.account_id = $1
                  AND ($2::text IS NULL OR e.started_at >= ($2::text)::timestamptz)
                  AND ($3::text IS NULL OR e.started_at < CASE WHEN $3::text ~ '^\\d{4}-\\d{2}-\\d{2}$'
                                                              THEN ($3::text)::timestamptz + interval '1 day'
                                                              ELSE ($3::text)::timestamptz END)
                GROUP BY grp ORDER BY \(order)
                """,
                [PostgresParameter(account.id), .string(since), .string(until)])
            return rows.map { row in
                UsageReportRow(
                    group: row.string("grp") ?? "", requests: row.int64("requests") ?? 0, inputTokens: row.int64("input") ?? 0,
                    outputTokens: row.int64("output") ?? 0, cachedInputTokens: row.int64("cached") ?? 0,
                    cost: Money(nanos: row.int64("cost") ?? 0))
            }
        } catch {
            let postgresError: PostgresError = error
            if postgresError.sqlState?.hasPrefix("22") == true {
                throw LedgerUserError("invalid date: use ISO 8601, e.g. 2026-11-01 or 2026-11-01T12:00:00Z")
            }
            throw postgresError
        }
    }

    public func usageEvent(requestID: String) throws -> UsageEventRow {
        let rows = try query(
            """
            SELECT e.*, a.name AS account_name,
                   to_char(e.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS started
            FROM usage_events e JOIN accounts a ON a.id = e.account_id WHERE e.request_id = $1
            """, [PostgresParameter(requestID)])
        guard let row = rows.first else { throw LedgerUserError("no usage event for request '\(requestID)'") }
        return UsageEventRow(
            requestID: requestID, accountName: row.string("account_name") ?? "", keyID: row.int64("key_id") ?? 0,
            model: row.string("model") ?? "", provider: row.string("provider") ?? "", endpoint: row.string("endpoint") ?? "",
            usage: Usage(
                inputTokens: row.int64("input_tokens") ?? 0, outputTokens: row.int64("output_tokens") ?? 0,
                cachedInputTokens: row.int64("cached_input_tokens") ?? 0, cacheWriteInputTokens: row.int64("cache_write_input_tokens") ?? 0,
                reasoningTokens: row.int64("reasoning_tokens") ?? 0),
            cost: Money(nanos: row.int64("cost_nano") ?? 0), reserved: Money(nanos: row.int64("reserved_nano") ?? 0),
            priceVersion: row.string("price_version") ?? "",
            prices: PriceSheet(
                inputPerMTok: row.int64("input_price") ?? 0, outputPerMTok: row.int64("output_price") ?? 0,
                cachedInputPerMTok: row.int64("cached_input_price"), cacheWriteInputPerMTok: row.int64("cache_write_price")),
            usageSource: row.string("usage_source") ?? "", outcome: row.string("outcome") ?? "", httpStatus: row.int("http_status") ?? 0,
            startedAt: row.string("started") ?? "", latencyMillis: row.int("latency_ms") ?? 0, firstByteMillis: row.int("first_byte_ms") ?? 0)
    }
}
