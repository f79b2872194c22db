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

/// The result of a batch for one account that received new usage events.
public struct BalanceUpdate: Sendable, Equatable {
    public var accountID: Int64
    public var balance: Money
    public var version: Int64
    public var newRequestIDs: [String]
}

extension PostgresConnection {
    /// Writes a batch of settlements in one statement and one transaction (`tm_settle_batch`). Request ids
    /// already recorded are skipped, so a replayed batch changes nothing. Returns per-account balance updates.
    public func settleBatch(_ batch: [PricedSettlement]) throws -> [BalanceUpdate] {
        guard !batch.isEmpty else { return [] }
        let s = batch.map(\.settlement)
        let rows = try query(
            """
            SELECT account_id, balance_nano, balance_version, new_request_ids FROM tm_settle_batch(
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
        return rows.compactMap { row in
            guard let account = row.int64("account_id"), let balance = row.int64("balance_nano"), let version = row.int64("balance_version") else {
                return nil
            }
            return BalanceUpdate(
                accountID: account, balance: Money(nanos: balance), version: version,
                newRequestIDs: PostgresArrayText.parse(row.string("new_request_ids") ?? "{}"))
        }
    }
}
