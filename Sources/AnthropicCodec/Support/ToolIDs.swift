/// Tool-use ids as Anthropic accepts them: `^[a-zA-Z0-9_-]+$` (§4.3, §11.6).
///
/// Other providers mint ids Anthropic rejects (`functions.Bash:0` from some OpenAI-compatible servers), and
/// those ids come back in the client's history. The mapping is deterministic, so a `tool_use.id` and the
/// `tool_result.tool_use_id` answering it — sanitised separately — still match; a short hash of the original
/// id keeps two ids that differ only in replaced characters (`a.b`, `a:b`) apart.
enum ToolIDs {
    /// Stands in for an empty id, which Anthropic rejects; an empty id cannot be matched to anything anyway.
    static let emptyReplacement = "toolu_empty"

    static func sanitised(_ id: String) -> String {
        if id.isEmpty { return emptyReplacement }
        if id.utf8.allSatisfy(isAllowed) { return id }
        var out = [UInt8]()
        out.reserveCapacity(id.utf8.count + 9)
        for byte in id.utf8 {
            // Non-ASCII characters become one `_` per UTF-8 byte: simple, and still deterministic.
            out.append(isAllowed(byte) ? byte : UInt8(ascii: "_"))
        }
        out.append(UInt8(ascii: "_"))
        out.append(contentsOf: hex(fnv1a(id.utf8)).utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// A fresh id for a tool call that arrived without one, in Anthropic's style.
    static func minted() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return "toolu_gw" + hex64(high) + hex64(low)
    }

    /// The id to show an Anthropic client: sanitised, or minted when the provider gave none.
    static func forClient(_ id: String) -> String {
        id.isEmpty ? minted() : sanitised(id)
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default: false
        }
    }

    /// 32-bit FNV-1a: tiny, stable across runs and platforms (unlike `Hasher`), good enough to tell ids apart.
    private static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    private static func hex64(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
