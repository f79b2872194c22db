import Crypto

/// A model's prices, each in nano-dollars per million tokens.
///
/// Catalog prices are written in dollars per million tokens (`input_per_mtok: 2.50`) and parsed exactly, so
/// `2.50` becomes 2_500_000_000 nano-dollars per million tokens. Keeping the "per million" in the unit lets
/// prices down to $0.000000001 per million tokens stay integers.
public struct PriceSheet: Sendable, Hashable {
    public var inputPerMTok: Int64
    public var outputPerMTok: Int64
    /// Price of prompt tokens served from the provider's cache; equals the input price unless the catalog says.
    public var cachedInputPerMTok: Int64
    /// Price of prompt tokens written into the provider's cache (Anthropic); equals the input price by default.
    public var cacheWriteInputPerMTok: Int64

    public init(inputPerMTok: Int64, outputPerMTok: Int64, cachedInputPerMTok: Int64? = nil, cacheWriteInputPerMTok: Int64? = nil) {
        self.inputPerMTok = inputPerMTok
        self.outputPerMTok = outputPerMTok
        self.cachedInputPerMTok = cachedInputPerMTok ?? inputPerMTok
        self.cacheWriteInputPerMTok = cacheWriteInputPerMTok ?? inputPerMTok
    }

    public static let free = PriceSheet(inputPerMTok: 0, outputPerMTok: 0)

    /// The cost of `usage` under these prices: the exact sum of every token class times its price, divided by
    /// one million, rounded up to the next whole nano-dollar once per request (docs/money.md).
    ///
    /// Computed in 128-bit arithmetic, so no intermediate product can overflow.
    public func cost(of usage: Usage) -> Money {
        let uncachedInput = max(0, usage.inputTokens - usage.cachedInputTokens - usage.cacheWriteInputTokens)
        var numerator = Int128(uncachedInput) * Int128(inputPerMTok)
        numerator += Int128(usage.cachedInputTokens) * Int128(cachedInputPerMTok)
        numerator += Int128(usage.cacheWriteInputTokens) * Int128(cacheWriteInputPerMTok)
        numerator += Int128(usage.outputTokens) * Int128(outputPerMTok)
        return Money(nanos: Self.ceilingDivideByMillion(numerator))
    }

    /// The most a request may cost: every prompt token at the dearest input price plus every allowed output token.
    public func worstCaseCost(inputTokens: Int64, outputTokens: Int64) -> Money {
        let dearestInput = max(inputPerMTok, cachedInputPerMTok, cacheWriteInputPerMTok)
        let numerator = Int128(max(0, inputTokens)) * Int128(dearestInput) + Int128(max(0, outputTokens)) * Int128(outputPerMTok)
        return Money(nanos: Self.ceilingDivideByMillion(numerator))
    }

    static func ceilingDivideByMillion(_ numerator: Int128) -> Int64 {
        guard numerator > 0 else { return 0 }
        let quotient = (numerator + 999_999) / 1_000_000
        return quotient > Int128(Int64.max) ? Int64.max : Int64(quotient)
    }

    /// A short, stable identifier of these exact prices, recorded on every usage event so that a cost can be
    /// traced to the prices that produced it even after the catalog changes.
    public var version: String {
        let canonical = "in=\(inputPerMTok);out=\(outputPerMTok);cin=\(cachedInputPerMTok);cw=\(cacheWriteInputPerMTok)"
        let digest = SHA256.hash(data: Array(canonical.utf8))
        return "p-" + digest.prefix(6).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
