/// A strict JSON parser (RFC 8259) over raw bytes.
///
/// It rejects what a hostile client may send to make a gateway misbehave: invalid UTF-8 (also inside
/// strings), lone surrogate escapes, control characters in strings, nesting deeper than ``Limits/maxDepth``,
/// trailing garbage. It can build a ``JSONValue`` or only validate and index the top-level members of an
/// object, which lets the edge rewrite a request's bytes without re-encoding them.
public struct JSONParser {
    public struct Limits: Sendable {
        /// Deepest nesting of arrays and objects accepted.
        public var maxDepth: Int = 64
        public init(maxDepth: Int = 64) { self.maxDepth = maxDepth }
    }

    public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var offset: Int
        public var description: String { "\(message) at byte \(offset)" }
    }

    /// The kind of a top-level member's value.
    public enum Kind: Sendable, Equatable {
        case null, bool, number, string, array, object
    }

    /// A top-level member of an object: its decoded key and where its value lies in the source bytes.
    public struct Member: Sendable {
        public var key: String
        /// Byte range of the whole member, from the key's opening quote to the end of the value.
        public var memberRange: Range<Int>
        public var valueRange: Range<Int>
        public var kind: Kind
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    let limits: Limits
    var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, limits: Limits) {
        self.bytes = bytes
        self.limits = limits
    }

    // MARK: Entry points

    public static func parse(_ raw: UnsafeRawBufferPointer, limits: Limits = Limits()) throws(Error) -> JSONValue {
        try withBytes(raw, limits: limits) { (parser: inout JSONParser) throws(Error) -> JSONValue in
            let value = try parser.parseValue()
            try parser.expectEnd()
            return value
        }
    }

    public static func parse(_ bytes: [UInt8], limits: Limits = Limits()) throws(Error) -> JSONValue {
        do {
            return try bytes.withUnsafeBytes { raw in try parse(raw, limits: limits) }
        } catch let error as Error {
            throw error
        } catch {
            throw Error(message: "unexpected error", offset: 0)
        }
    }

    public static func parse(_ text: String, limits: Limits = Limits()) throws(Error) -> JSONValue {
        try parse(Array(text.utf8), limits: limits)
    }

    /// Validates the whole document, which must be an object, and returns its top-level members with the byte
    /// ranges of their values. Nested values are checked but not built.
    public static func indexObject(_ raw: UnsafeRawBufferPointer, limits: Limits = Limits()) throws(Error) -> [Member] {
        try withBytes(raw, limits: limits) { (parser: inout JSONParser) throws(Error) -> [Member] in
            let members = try parser.indexTopLevelObject()
            try parser.expectEnd()
            return members
        }
    }

    public static func indexObject(_ bytes: [UInt8], limits: Limits = Limits()) throws(Error) -> [Member] {
        do {
            return try bytes.withUnsafeBytes { raw in try indexObject(raw, limits: limits) }
        } catch let error as Error {
            throw error
        } catch {
            throw Error(message: "unexpected error", offset: 0)
        }
    }

    private static func withBytes<T>(
        _ raw: UnsafeRawBufferPointer, limits: Limits = Limits(), _ body: (inout JSONParser) throws(Error) -> T
    ) throws(Error) -> T {
        let typed = raw.bindMemory(to: UInt8.self)
        var parser = JSONParser(typed, limits: limits)
        return try body(&parser)
    }

    // MARK: Grammar

    mutating func fail(_ message: String) -> Error { Error(message: message, offset: position) }

    @inline(__always) mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func expectEnd() throws(Error) {
        skipWhitespace()
        guard position == bytes.count else { throw fail("unexpected data after the JSON value") }
    }

    mutating func peek() throws(Error) -> UInt8 {
        skipWhitespace()
        guard position < bytes.count else { throw fail("unexpected end of input") }
        return bytes[position]
    }

    mutating func indexTopLevelObject() throws(Error) -> [Member] {
        guard try peek() == UInt8(ascii: "{") else { throw fail("expected a JSON object") }
        position += 1
        depth = 1
        var members: [Member] = []
        if try peek() == UInt8(ascii: "}") {
            position += 1
            return members
        }
        while true {
            guard try peek() == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let memberStart = position
            let key = try parseString()
            guard try peek() == UInt8(ascii: ":") else { throw fail("expected ':' after a member name") }
            position += 1
            let first = try peek()
            let valueStart = position
            try skipValue()
            members.append(Member(key: key, memberRange: memberStart..<position, valueRange: valueStart..<position, kind: Self.kind(of: first)))
            switch try peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return members
            default: throw fail("expected ',' or '}' in an object")
            }
        }
    }

    static func kind(of first: UInt8) -> Kind {
        switch first {
        case UInt8(ascii: "{"): .object
        case UInt8(ascii: "["): .array
        case UInt8(ascii: "\""): .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): .bool
        case UInt8(ascii: "n"): .null
        default: .number
        }
    }

    mutating func parseValue() throws(Error) -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "{"):
            position += 1
            try enter()
            var members: [(String, JSONValue)] = []
            if try peek() == UInt8(ascii: "}") {
                position += 1
                depth -= 1
                return .object(members)
            }
            while true {
                guard try peek() == UInt8(ascii: "\"") else { throw fail("expected a member name") }
                let key = try parseString()
                guard try peek() == UInt8(ascii: ":") else { throw fail("expected ':' after a member name") }
                position += 1
                members.append((key, try parseValue()))
                switch try peek() {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "}"):
                    position += 1
                    depth -= 1
                    return .object(members)
                default: throw fail("expected ',' or '}' in an object")
                }
            }
        case UInt8(ascii: "["):
            position += 1
            try enter()
            var elements: [JSONValue] = []
            if try peek() == UInt8(ascii: "]") {
                position += 1
                depth -= 1
                return .array(elements)
            }
            while true {
                elements.append(try parseValue())
                switch try peek() {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "]"):
                    position += 1
                    depth -= 1
                    return .array(elements)
                default: throw fail("expected ',' or ']' in an array")
                }
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        default:
            let start = position
            try skipNumber()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
        }
    }

    /// Validates a value without building it.
    mutating func skipValue() throws(Error) {
        switch try peek() {
        case UInt8(ascii: "{"):
            position += 1
            try enter()
            if try peek() == UInt8(ascii: "}") {
                position += 1
                depth -= 1
                return
            }
            while true {
                guard try peek() == UInt8(ascii: "\"") else { throw fail("expected a member name") }
                try skipString()
                guard try peek() == UInt8(ascii: ":") else { throw fail("expected ':' after a member name") }
                position += 1
                try skipValue()
                switch try peek() {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "}"):
                    position += 1
                    depth -= 1
                    return
                default: throw fail("expected ',' or '}' in an object")
                }
            }
        case UInt8(ascii: "["):
            position += 1
            try enter()
            if try peek() == UInt8(ascii: "]") {
                position += 1
                depth -= 1
                return
            }
            while true {
                try skipValue()
                switch try peek() {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "]"):
                    position += 1
                    depth -= 1
                    return
                default: throw fail("expected ',' or ']' in an array")
                }
            }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        default: try skipNumber()
        }
    }

    mutating func enter() throws(Error) {
        depth += 1
        guard depth <= limits.maxDepth else { throw fail("nesting deeper than \(limits.maxDepth) levels") }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(Error) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw fail("invalid literal") }
        let pointer = literal.utf8Start
        for i in 0..<count where bytes[position + i] != pointer[i] {
            throw fail("invalid literal")
        }
        position += count
    }

    mutating func skipNumber() throws(Error) {
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw fail("invalid number") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if isDigit19(bytes[position]) {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        } else {
            position = start
            throw fail("unexpected character")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw fail("invalid number") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw fail("invalid number") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        guard position - start <= 512 else { throw fail("number too long") }
    }

    @inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) func isDigit19(_ c: UInt8) -> Bool { c >= 0x31 && c <= 0x39 }

    /// Skips a string, validating escapes and UTF-8, without decoding it.
    mutating func skipString() throws(Error) {
        position += 1  // opening quote
        while position < bytes.count {
            let c = bytes[position]
            if c == UInt8(ascii: "\"") {
                position += 1
                return
            } else if c == UInt8(ascii: "\\") {
                _ = try parseEscape()
            } else if c < 0x20 {
                throw fail("control character in a string")
            } else if c < 0x80 {
                position += 1
            } else {
                _ = try validateUTF8Sequence()
            }
        }
        throw fail("unterminated string")
    }

    mutating func parseString() throws(Error) -> String {
        position += 1  // opening quote
        let start = position
        // Fast path: no escapes, ASCII or valid UTF-8.
        var hasEscape = false
        while position < bytes.count {
            let c = bytes[position]
            if c == UInt8(ascii: "\"") {
                break
            } else if c == UInt8(ascii: "\\") {
                hasEscape = true
                break
            } else if c < 0x20 {
                throw fail("control character in a string")
            } else if c < 0x80 {
                position += 1
            } else {
                _ = try validateUTF8Sequence()
            }
        }
        guard position < bytes.count else { throw fail("unterminated string") }
        if !hasEscape {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            position += 1
            return text
        }
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let c = bytes[position]
            if c == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: out, as: UTF8.self)
            } else if c == UInt8(ascii: "\\") {
                let scalar = try parseEscape()
                appendUTF8(scalar, to: &out)
            } else if c < 0x20 {
                throw fail("control character in a string")
            } else if c < 0x80 {
                out.append(c)
                position += 1
            } else {
                let start = position
                _ = try validateUTF8Sequence()
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            }
        }
        throw fail("unterminated string")
    }

    /// Parses an escape at `position` (which points at the backslash) and returns the scalar it denotes.
    mutating func parseEscape() throws(Error) -> UInt32 {
        position += 1
        guard position < bytes.count else { throw fail("unterminated escape") }
        let c = bytes[position]
        position += 1
        switch c {
        case UInt8(ascii: "\""): return 0x22
        case UInt8(ascii: "\\"): return 0x5C
        case UInt8(ascii: "/"): return 0x2F
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if high >= 0xD800 && high <= 0xDBFF {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw fail("lone surrogate in a \\u escape")
                }
                position += 2
                let low = try parseHex4()
                guard low >= 0xDC00 && low <= 0xDFFF else { throw fail("invalid surrogate pair in a \\u escape") }
                return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            guard !(high >= 0xDC00 && high <= 0xDFFF) else { throw fail("lone surrogate in a \\u escape") }
            return high
        default:
            throw fail("invalid escape")
        }
    }

    mutating func parseHex4() throws(Error) -> UInt32 {
        guard position + 4 <= bytes.count else { throw fail("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[position]
            let digit: UInt32
            switch c {
            case 0x30...0x39: digit = UInt32(c - 0x30)
            case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
            default: throw fail("invalid \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// Validates one multi-byte UTF-8 sequence at `position` (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
    mutating func validateUTF8Sequence() throws(Error) -> Int {
        let c = bytes[position]
        let length: Int
        var lowerBound: UInt8 = 0x80
        var upperBound: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            upperBound = 0x9F
        case 0xF0:
            length = 4
            lowerBound = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            upperBound = 0x8F
        default: throw fail("invalid UTF-8")
        }
        guard position + length <= bytes.count else { throw fail("invalid UTF-8") }
        let second = bytes[position + 1]
        guard second >= lowerBound && second <= upperBound else { throw fail("invalid UTF-8") }
        for i in 2..<max(2, length) {
            let next = bytes[position + i]
            guard next >= 0x80 && next <= 0xBF else { throw fail("invalid UTF-8") }
        }
        position += length
        return length
    }

    func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
