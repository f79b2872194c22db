import Testing
import TokModelCore

@Suite("PriceSheet")
struct PriceSheetTests {
    /// $2.50 / $10.00 per million tokens.
    static let gpt4o = PriceSheet(inputPerMTok: 2_500_000_000, outputPerMTok: 10_000_000_000)

    @Test("cached and cache-write prices default to the input price")
    func defaults() {
        let sheet = PriceSheet(inputPerMTok: 5, outputPerMTok: 7)
        #expect(sheet.cachedInputPerMTok == 5)
        #expect(sheet.cacheWriteInputPerMTok == 5)
        let explicit = PriceSheet(inputPerMTok: 5, outputPerMTok: 7, cachedInputPerMTok: 1, cacheWriteInputPerMTok: 9)
        #expect(explicit.cachedInputPerMTok == 1)
        #expect(explicit.cacheWriteInputPerMTok == 9)
        #expect(PriceSheet.free.cost(of: Usage(inputTokens: 1_000_000, outputTokens: 1_000_000)) == .zero)
    }

    @Test("20 in and 24 out at $2.50/$10.00 cost exactly 290,000 nanos")
    func handComputed() {
        // (20 × 2.5e9 + 24 × 1e10) / 1e6 = 290,000
        #expect(Self.gpt4o.cost(of: Usage(inputTokens: 20, outputTokens: 24)) == Money(nanos: 290_000))
        #expect(Self.gpt4o.cost(of: Usage(inputTokens: 1_000_000)) == Money(nanos: 2_500_000_000))
        #expect(Self.gpt4o.cost(of: Usage(outputTokens: 1_000_000)) == Money(nanos: 10_000_000_000))
    }

    @Test("the exact sum is rounded up once per request, never per component")
    func ceilingOnce() {
        let sheet = PriceSheet(inputPerMTok: 123_456_789, outputPerMTok: 987_654_321)
        let usage = Usage(inputTokens: 9, outputTokens: 12)
        // (9 × 123,456,789 + 12 × 987,654,321) / 1e6 = 12,962,962,953 / 1e6 = 12,962.96… → 12,963
        #expect(sheet.cost(of: usage) == Money(nanos: 12_963))
        // Rounding each class separately would give 1,112 + 11,852 = 12,964.
        let inputOnly = sheet.cost(of: Usage(inputTokens: 9))
        let outputOnly = sheet.cost(of: Usage(outputTokens: 12))
        #expect(inputOnly == Money(nanos: 1_112))
        #expect(outputOnly == Money(nanos: 11_852))
        #expect(inputOnly + outputOnly != sheet.cost(of: usage))
    }

    @Test("cached and cache-write tokens are priced separately and taken out of the uncached input")
    func cachedTokens() {
        // $3.00 input, $0.30 cached, $3.75 cache write, $15.00 output.
        let sheet = PriceSheet(
            inputPerMTok: 3_000_000_000, outputPerMTok: 15_000_000_000, cachedInputPerMTok: 300_000_000, cacheWriteInputPerMTok: 3_750_000_000)
        let usage = Usage(inputTokens: 1_000, outputTokens: 10, cachedInputTokens: 600, cacheWriteInputTokens: 100)
        // 300 × 3e9 + 600 × 3e8 + 100 × 3.75e9 + 10 × 1.5e10 = 1.605e12 → 1,605,000 nanos
        #expect(sheet.cost(of: usage) == Money(nanos: 1_605_000))
        // Charging all 1,000 prompt tokens at the input price as well would be 3,000,000 + …; it must not happen.
        #expect(sheet.cost(of: usage) < sheet.cost(of: Usage(inputTokens: 1_000, outputTokens: 10)))
        // Cache reads only: 400 × 3e9 + 600 × 3e8 = 1.38e12 → 1,380,000
        #expect(sheet.cost(of: Usage(inputTokens: 1_000, cachedInputTokens: 600)) == Money(nanos: 1_380_000))
        // Cache writes only: 900 × 3e9 + 100 × 3.75e9 = 3.075e12 → 3,075,000
        #expect(sheet.cost(of: Usage(inputTokens: 1_000, cacheWriteInputTokens: 100)) == Money(nanos: 3_075_000))
    }

    @Test("uncached input never goes negative when a provider reports more cached than prompt tokens")
    func cachedAboveInput() {
        let sheet = PriceSheet(inputPerMTok: 1_000_000_000, outputPerMTok: 0, cachedInputPerMTok: 100_000_000)
        // uncached = max(0, 10 − 20) = 0; 20 × 1e8 / 1e6 = 2,000
        #expect(sheet.cost(of: Usage(inputTokens: 10, cachedInputTokens: 20)) == Money(nanos: 2_000))
    }

    @Test("zero usage costs nothing")
    func zeroUsage() {
        #expect(Self.gpt4o.cost(of: .zero) == .zero)
        #expect(Self.gpt4o.cost(of: Usage(reasoningTokens: 1_000)) == .zero)
    }

    @Test(
        "a cost that is an exact integer is not rounded up; any remainder is",
        arguments: [
            (Int64(1_000_000), Int64(1), Int64(1)),
            (1_000_000, 3, 3),
            (1_000_001, 1, 2),
            (999_999, 1, 1),
            (1, 1, 1),
            (1, 1_000_000, 1),
            (1, 1_000_001, 2),
            (2_000_000, 7, 14),
        ])
    func exactIntegers(outputPrice: Int64, tokens: Int64, nanos: Int64) {
        let sheet = PriceSheet(inputPerMTok: 0, outputPerMTok: outputPrice)
        #expect(sheet.cost(of: Usage(outputTokens: tokens)) == Money(nanos: nanos))
    }

    @Test("huge values are computed in 128 bits without overflow")
    func hugeValues() {
        // 1e12 tokens × 1e12 nanos/Mtok = 1e24, far beyond Int64; / 1e6 = 1e18 fits.
        let sheet = PriceSheet(inputPerMTok: 1_000_000_000_000, outputPerMTok: 1_000_000_000_000)
        #expect(sheet.cost(of: Usage(inputTokens: 1_000_000_000_000)) == Money(nanos: 1_000_000_000_000_000_000))
        // Beyond Int64: saturates instead of trapping.
        let extreme = PriceSheet(inputPerMTok: .max, outputPerMTok: .max)
        #expect(extreme.cost(of: Usage(inputTokens: .max, outputTokens: .max)) == Money(nanos: .max))
        #expect(extreme.worstCaseCost(inputTokens: .max, outputTokens: .max) == Money(nanos: .max))
    }

    @Test("worst case: every prompt token at the dearest input price plus every output token")
    func worstCase() {
        let sheet = PriceSheet(
            inputPerMTok: 1_000_000_000, outputPerMTok: 4_000_000_000, cachedInputPerMTok: 500_000_000, cacheWriteInputPerMTok: 2_000_000_000)
        // 1,000 × 2e9 + 500 × 4e9 = 4e12 → 4,000,000
        #expect(sheet.worstCaseCost(inputTokens: 1_000, outputTokens: 500) == Money(nanos: 4_000_000))
        #expect(Self.gpt4o.worstCaseCost(inputTokens: 20, outputTokens: 24) == Money(nanos: 290_000))
        #expect(Self.gpt4o.worstCaseCost(inputTokens: 0, outputTokens: 0) == .zero)
        #expect(Self.gpt4o.worstCaseCost(inputTokens: -50, outputTokens: -50) == .zero)
        #expect(Self.gpt4o.worstCaseCost(inputTokens: -50, outputTokens: 1) == Money(nanos: 10_000))
        // Rounded up once.
        #expect(PriceSheet(inputPerMTok: 1, outputPerMTok: 1).worstCaseCost(inputTokens: 1, outputTokens: 1) == Money(nanos: 1))
    }

    @Test("the worst case is never below the real cost of a usage within its bounds")
    func worstCaseBoundsCost() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<2_000 {
            let sheet = PriceSheet(
                inputPerMTok: Int64.random(in: 0...20_000_000_000, using: &random),
                outputPerMTok: Int64.random(in: 0...80_000_000_000, using: &random),
                cachedInputPerMTok: Int64.random(in: 0...20_000_000_000, using: &random),
                cacheWriteInputPerMTok: Int64.random(in: 0...20_000_000_000, using: &random))
            let input = Int64.random(in: 0...2_000_000, using: &random)
            let cached = Int64.random(in: 0...input, using: &random)
            let written = Int64.random(in: 0...(input - cached), using: &random)
            let output = Int64.random(in: 0...200_000, using: &random)
            let usage = Usage(inputTokens: input, outputTokens: output, cachedInputTokens: cached, cacheWriteInputTokens: written)
            #expect(sheet.cost(of: usage) <= sheet.worstCaseCost(inputTokens: input, outputTokens: output))
        }
    }

    @Test("version is stable and changes with any price")
    func version() {
        // A fixed value: changing it would orphan the versions recorded on past usage events.
        #expect(Self.gpt4o.version == "p-a4f82f47f2c9")
        #expect(PriceSheet(inputPerMTok: 2_500_000_000, outputPerMTok: 10_000_000_000).version == Self.gpt4o.version)
        let variants = [
            PriceSheet(inputPerMTok: 2_500_000_001, outputPerMTok: 10_000_000_000),
            PriceSheet(inputPerMTok: 2_500_000_000, outputPerMTok: 10_000_000_001),
            PriceSheet(inputPerMTok: 2_500_000_000, outputPerMTok: 10_000_000_000, cachedInputPerMTok: 1_250_000_000),
            PriceSheet(inputPerMTok: 2_500_000_000, outputPerMTok: 10_000_000_000, cacheWriteInputPerMTok: 3_125_000_000),
        ]
        var seen: Set<String> = [Self.gpt4o.version]
        for sheet in variants {
            #expect(sheet.version.hasPrefix("p-"))
            #expect(sheet.version.count == 14)
            #expect(sheet.version.dropFirst(2).allSatisfy { "0123456789abcdef".contains($0) })
            seen.insert(sheet.version)
        }
        #expect(seen.count == variants.count + 1)
    }
}

@Suite("Usage")
struct UsageTests {
    @Test("total and raw values")
    func totals() {
        #expect(Usage(inputTokens: 3, outputTokens: 4, reasoningTokens: 2).totalTokens == 7)
        #expect(Usage.zero == Usage())
        #expect(UsageSource.allCases.map(\.rawValue) == [1, 2, 3, 4])
        #expect(UsageSource.allCases.map(\.name) == ["provider", "drained", "estimated", "none"])
        #expect(RequestOutcome.allCases.map(\.rawValue) == [1, 2, 3, 4])
        #expect(RequestOutcome.allCases.map(\.name) == ["completed", "client_aborted", "upstream_failed", "edge_lost"])
    }
}
