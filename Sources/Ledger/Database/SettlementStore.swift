public import PostgresClient
public import TokModelCore

/// A settlement with its cost decided: what the ledger writes.
public struct PricedSettlement: Sendable {
    public var settlement: Settlement
    public var prices: PriceSheet
    public var cost: Money

    public init(settlement: Settlement, prices: PriceSheet) {
        self.settlement = settlement
        self.prices = prices
        self.cost = prices.cost(of: settlement.usage)
    }
}

/// An account's balance after a batch (every account of the batch, new events or not: a replay still
/// refreshes a stale Redis balance).
public struct BalanceUpdate: Sendable, Equatable {
    public var accountID: Int64
    public var balance: Money
    public var version: Int64
    /// Request ids of this account that the batch recorded for the first time.
    public var newRequestIDs: [String]
}

/// A key's spend after a batch that added to it.
public struct KeySpendUpdate: Sendable, Equatable {
    public var keyID: Int64
    public var total: Money
    /// Spent today (UTC) and its day id, `YYYYMMDD`.
    public var today: Money
    public var dayID: String
    /// Spent this month (UTC) and its month id, `YYYYMM`.
    public var thisMonth: Money
    public var monthID: String
    public var version: Int64
}

public struct SettledBatch: Sendable, Equatable {
    public var accounts: [BalanceUpdate]
    public var keys: [KeySpendUpdate]
}

extension PostgresConnection {
    /// Writes a batch of settlements in one statement and one transaction (`tm_settle_batch`). Request ids
    /// already recorded are skipped, so a replayed batch changes nothing. Returns per-account balance updates.
    public func settleBatch(_ batch: [PricedSettlement]) throws -> [BalanceUpdate] {
        try settleBatchDetailed(batch).accounts
    }

    /// ``settleBatch(_:)`` with the keys' new spend as well.
    public func settleBatchDetailed(_ batch: [PricedSettlement]) throws -> SettledBatch {
        guard !batch.isEmpty else { return SettledBatch(accounts: [], keys: []) }
        let s = batch.map(\.settlement)
        let rows = try query(
            """
            SELECT kind, id, a, b, c, d, labels FROM tm_settle_batch(
                $1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[],
                $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[],
                $14::text[], $15::bigint[], $16::bigint[], $17::bigint[], $18::bigint[],
                $19::text[], $20::text[], $21::integer[], $22::bigint[], $23::integer[], $24::integer[])
            """,
            [
                .textArray(s.map(\.requestID)), .int64Array(s.map(\.accountID)), .int64Array(s.map(\.keyID)),
                .textArray(s.map(\.model)), .textArray(s.map(\.provider)), .textArray(s.map(\.endpoint)),
                .int64Array(s.map(\.usage.inputTokens)), .int64Array(s.map(\.usage.outputTokens)),
                .int64Array(s.map(\.usage.cachedInputTokens)), .int64Array(s.map(\.usage.cacheWriteInputTokens)),
                .int64Array(s.map(\.usage.reasoningTokens)), .int64Array(batch.map(\.cost.nanos)),
                .int64Array(s.map(\.reservation.nanos)), .textArray(batch.map(\.prices.version)),
                .int64Array(batch.map(\.prices.inputPerMTok)), .int64Array(batch.map(\.prices.outputPerMTok)),
                .int64Array(batch.map(\.prices.cachedInputPerMTok)), .int64Array(batch.map(\.prices.cacheWriteInputPerMTok)),
                .textArray(s.map(\.usageSource.name)), .textArray(s.map(\.outcome.name)), .intArray(s.map { Int($0.httpStatus) }),
                .int64Array(s.map(\.startedAtMillis)), .intArray(s.map { Int($0.latencyMillis) }), .intArray(s.map { Int($0.firstByteMillis) }),
            ])
        var result = SettledBatch(accounts: [], keys: [])
        for row in rows {
            guard let kind = row.string("kind"), let id = row.int64("id"), let a = row.int64("a"), let b = row.int64("b") else { continue }
            let labels = PostgresArrayText.parse(row.string("labels") ?? "{}")
            if kind == "account" {
                result.accounts.append(BalanceUpdate(accountID: id, balance: Money(nanos: a), version: b, newRequestIDs: labels))
            } else if kind == "key", labels.count == 2 {
                result.keys.append(
                    KeySpendUpdate(
                        keyID: id, total: Money(nanos: a), today: Money(nanos: b), dayID: labels[0], thisMonth: Money(nanos: row.int64("c") ?? 0),
                        monthID: labels[1], version: row.int64("d") ?? 0))
            }
        }
        return result
    }
}
