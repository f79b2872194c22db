import LedgerProtocol
import NIOCore
import TokModelCore

/// A small deterministic generator (SplitMix64), so that "random" tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func encode(_ frame: LedgerFrame) -> [UInt8] {
    let buffer = LedgerCodec.encode(frame)
    return Array(buffer.readableBytesView)
}

func decode(_ bytes: [UInt8]) throws(LedgerProtocolError) -> LedgerFrame {
    var buffer = ByteBuffer(bytes: bytes)
    return try LedgerCodec.decode(&buffer)
}

/// The decoding error for `bytes`, or nil when they decode.
func decodeError(_ bytes: [UInt8]) -> LedgerProtocolError? {
    do {
        _ = try decode(bytes)
        return nil
    } catch {
        return error
    }
}

/// Writes big-endian integers and strings by hand, following docs/rpc-protocol.md, independently of the codec.
struct Wire {
    var bytes: [UInt8] = []

    mutating func int<T: FixedWidthInteger>(_ value: T) {
        var bigEndian = value.bigEndian
        withUnsafeBytes(of: &bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) { rawString(Array(text.utf8)) }

    mutating func rawString(_ utf8: [UInt8]) {
        int(UInt16(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func header(version: UInt16 = 1, kind: UInt8, correlation: UInt64 = 7) {
        int(version)
        int(kind)
        int(correlation)
    }

    /// A settlement with the given raw enum values; model bytes may be invalid UTF-8.
    mutating func settlement(source: UInt8 = 1, outcome: UInt8 = 1, model: [UInt8] = Array("a/b".utf8)) {
        string("req_1")
        int(Int64(10))  // account
        int(Int64(20))  // key
        rawString(model)
        string("p")
        string("chat.completions")
        for tokens in [Int64(100), 50, 10, 5, 2] { int(tokens) }
        int(source)
        int(outcome)
        int(UInt16(200))
        int(Int64(1_000))  // reservation
        int(Int64(150))  // admitted tokens
        for price in [Int64(2_500_000_000), 10_000_000_000, 1_250_000_000, 3_125_000_000] { int(price) }
        int(Int64(1_700_000_000_000))
        int(Int32(1_234))
        int(Int32(56))
    }
}

/// The settlement that ``Wire/settlement(source:outcome:model:)`` writes with its defaults.
let wireSettlement = Settlement(
    requestID: "req_1", accountID: 10, keyID: 20, model: "a/b", provider: "p", endpoint: "chat.completions",
    usage: Usage(inputTokens: 100, outputTokens: 50, cachedInputTokens: 10, cacheWriteInputTokens: 5, reasoningTokens: 2),
    usageSource: .provider, outcome: .completed, httpStatus: 200, reservation: Money(nanos: 1_000), admittedTokens: 150,
    prices: PriceSheet(inputPerMTok: 2_500_000_000, outputPerMTok: 10_000_000_000, cachedInputPerMTok: 1_250_000_000, cacheWriteInputPerMTok: 3_125_000_000),
    startedAtMillis: 1_700_000_000_000, latencyMillis: 1_234, firstByteMillis: 56)
