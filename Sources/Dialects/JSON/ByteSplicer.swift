/// Rewrites a JSON object's bytes by replacing, removing or appending top-level members, leaving every
/// other byte as the client sent it. This is how same-dialect traffic passes through without re-encoding.
public struct ByteSplicer {
    private struct Edit {
        var range: Range<Int>
        var replacement: [UInt8]
    }

    private let source: [UInt8]
    private let members: [JSONParser.Member]
    private var edits: [Edit] = []
    private var appended: [UInt8] = []
    /// Indices of removed members; their byte ranges are worked out in ``result()``, where adjacent removals
    /// can be merged (separate per-member ranges would overlap and the second would be skipped).
    private var removed: Set<Int> = []

    /// `members` must come from ``JSONParser/indexObject(_:limits:)`` of `source`.
    public init(source: [UInt8], members: [JSONParser.Member]) {
        self.source = source
        self.members = members
    }

    /// Replaces the value of the last member named `key`, or appends the member when absent.
    public mutating func set(_ key: String, rawValue: [UInt8]) {
        if let member = members.last(where: { $0.key == key }) {
            edits.append(Edit(range: member.valueRange, replacement: rawValue))
        } else {
            appended.append(UInt8(ascii: ","))
            JSONWriter.writeString(key, into: &appended)
            appended.append(UInt8(ascii: ":"))
            appended.append(contentsOf: rawValue)
        }
    }

    public mutating func set(_ key: String, _ value: JSONValue) {
        set(key, rawValue: JSONWriter.bytes(value))
    }

    /// Removes every member named `key` (with the comma that separates it from its neighbour).
    public mutating func remove(_ key: String) {
        for (index, member) in members.enumerated() where member.key == key { removed.insert(index) }
    }

    /// The rewritten document.
    public func result() -> [UInt8] {
        if edits.isEmpty && appended.isEmpty && removed.isEmpty { return source }
        var edits = edits
        // Each run of consecutive removed members goes with one comma: from the end of the member before it,
        // or (for a run at the start) up to the start of the member after it.
        var first = 0
        while first < members.count {
            guard removed.contains(first) else {
                first += 1
                continue
            }
            var last = first
            while last + 1 < members.count, removed.contains(last + 1) { last += 1 }
            let range: Range<Int>
            if first > 0 {
                range = members[first - 1].memberRange.upperBound..<members[last].memberRange.upperBound
            } else if last + 1 < members.count {
                range = members[first].memberRange.lowerBound..<members[last + 1].memberRange.lowerBound
            } else {
                range = members[first].memberRange.lowerBound..<members[last].memberRange.upperBound
            }
            edits.append(Edit(range: range, replacement: []))
            first = last + 1
        }
        var out = [UInt8]()
        out.reserveCapacity(source.count + appended.count + 64)
        var cursor = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where edit.range.lowerBound >= cursor {
            out.append(contentsOf: source[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.replacement)
            cursor = edit.range.upperBound
        }
        if appended.isEmpty {
            out.append(contentsOf: source[cursor...])
            return out
        }
        // Insert appended members before the closing brace.
        guard let closing = source.lastIndex(of: UInt8(ascii: "}")), closing >= cursor else {
            out.append(contentsOf: source[cursor...])
            return out
        }
        out.append(contentsOf: source[cursor..<closing])
        let hasMembers = members.count > removed.count
        out.append(contentsOf: hasMembers ? appended[...] : appended.dropFirst())
        out.append(contentsOf: source[closing...])
        return out
    }
}
