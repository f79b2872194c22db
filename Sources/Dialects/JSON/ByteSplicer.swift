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
    private var removedMembers = 0

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
        for (index, member) in members.enumerated() where member.key == key {
            removedMembers += 1
            // Remove from the end of the previous member (its comma) or up to the next member's start.
            if index > 0 {
                edits.append(Edit(range: members[index - 1].memberRange.upperBound..<member.memberRange.upperBound, replacement: []))
            } else if members.count > 1 {
                edits.append(Edit(range: member.memberRange.lowerBound..<members[1].memberRange.lowerBound, replacement: []))
            } else {
                edits.append(Edit(range: member.memberRange, replacement: []))
            }
        }
    }

    /// The rewritten document.
    public func result() -> [UInt8] {
        if edits.isEmpty && appended.isEmpty { return source }
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
        let hasMembers = members.count > removedMembers
        out.append(contentsOf: hasMembers ? appended[...] : appended.dropFirst())
        out.append(contentsOf: source[closing...])
        return out
    }
}
