import Dialects
import Testing

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

/// `bytes` cut into consecutive chunks of random sizes (1 to `maxChunk`).
func randomChunks(_ bytes: [UInt8], maxChunk: Int, using generator: inout SplitMix64) -> [[UInt8]] {
    var chunks: [[UInt8]] = []
    var index = 0
    while index < bytes.count {
        let size = Int.random(in: 1...maxChunk, using: &generator)
        let end = min(bytes.count, index + size)
        chunks.append(Array(bytes[index..<end]))
        index = end
    }
    return chunks
}

/// Every way to feed `bytes` that the tests use: whole, byte by byte, at each single split point, and in
/// random chunks from several fixed seeds.
func feedings(of bytes: [UInt8]) -> [(name: String, chunks: [[UInt8]])] {
    var result: [(String, [[UInt8]])] = [("whole", [bytes]), ("byte by byte", bytes.map { [$0] })]
    for split in 0...bytes.count {
        result.append(("split at \(split)", [Array(bytes[..<split]), Array(bytes[split...])]))
    }
    for seed: UInt64 in [1, 2, 3, 7, 42, 1234, 99_991] {
        var generator = SplitMix64(seed: seed)
        result.append(("random chunks, seed \(seed)", randomChunks(bytes, maxChunk: 17, using: &generator)))
    }
    return result
}

/// The parse error for `bytes`, or nil when they parse.
func parseError(_ bytes: [UInt8], limits: JSONParser.Limits = JSONParser.Limits()) -> JSONParser.Error? {
    do {
        _ = try JSONParser.parse(bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// The indexing error for `bytes`, or nil when they index.
func indexError(_ bytes: [UInt8], limits: JSONParser.Limits = JSONParser.Limits()) -> JSONParser.Error? {
    do {
        _ = try JSONParser.indexObject(bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

func text(_ bytes: some Sequence<UInt8>) -> String { String(decoding: Array(bytes), as: UTF8.self) }
