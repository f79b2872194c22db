/// One server-sent event.
public struct SSEEvent: Sendable, Equatable {
    /// The `event:` field; nil when absent (the "message" event).
    public var event: String?
    /// The `data:` lines joined with newlines, as bytes.
    public var data: [UInt8]

    public init(event: String? = nil, data: [UInt8]) {
        self.event = event
        self.data = data
    }

    public var dataString: String { String(decoding: data, as: UTF8.self) }

    /// Whether this is OpenAI's end-of-stream sentinel, `data: [DONE]`.
    public var isDone: Bool { data.count == 6 && data.elementsEqual("[DONE]".utf8) }

    /// The event in wire form, ending with the blank line that dispatches it.
    public func encoded() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(data.count + 32)
        if let event {
            out.append(contentsOf: "event: ".utf8)
            out.append(contentsOf: event.utf8)
            out.append(0x0A)
        }
        // Multi-line data becomes several data: lines.
        var lineStart = 0
        for index in 0...data.count where index == data.count || data[index] == 0x0A {
            out.append(contentsOf: "data: ".utf8)
            out.append(contentsOf: data[lineStart..<index])
            out.append(0x0A)
            lineStart = index + 1
        }
        out.append(0x0A)
        return out
    }
}

/// An incremental parser for `text/event-stream` (the WHATWG grammar): feed it bytes as they arrive, in any
/// split, and it returns the events completed so far. Comments (`: ping`) and `id:`/`retry:` are dropped.
public struct SSEParser: Sendable {
    private var line: [UInt8] = []
    private var event: String?
    private var data: [UInt8] = []
    private var hasData = false
    private var lastWasCR = false
    /// Longest line accepted; a provider sending more is broken or hostile.
    public var maxLineBytes = 16 << 20

    public struct Overflow: Error {}

    public init() {}

    public mutating func feed(_ bytes: some Sequence<UInt8>) throws -> [SSEEvent] {
        // Provider chunks arrive as contiguous buffers: scan them for line ends and copy whole runs, instead of
        // a generic byte-at-a-time loop (which, unspecialised across modules, cost ~11 % of the edge's CPU
        // on streams).
        if let events = try bytes.withContiguousStorageIfAvailable({ try feed(contiguous: $0) }) { return events }
        return try Array(bytes).withUnsafeBufferPointer { try feed(contiguous: $0) }
    }

    private mutating func feed(contiguous bytes: UnsafeBufferPointer<UInt8>) throws -> [SSEEvent] {
        var events: [SSEEvent] = []
        var index = 0
        while index < bytes.count {
            if lastWasCR {
                lastWasCR = false
                if bytes[index] == 0x0A {  // the LF of a CRLF
                    index += 1
                    continue
                }
            }
            var end = index
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            if end > index {
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                if line.count > maxLineBytes { throw Overflow() }
            }
            guard end < bytes.count else { break }
            lastWasCR = bytes[end] == 0x0D
            if let event = endLine() { events.append(event) }
            index = end + 1
        }
        return events
    }

    /// Events left when the stream ends without a final blank line.
    public mutating func finish() -> SSEEvent? {
        if !line.isEmpty { _ = endLine() }
        return dispatch()
    }

    private mutating func endLine() -> SSEEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty { return dispatch() }
        if line[0] == UInt8(ascii: ":") { return nil }
        var field = line[...]
        var value: ArraySlice<UInt8> = []
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            field = line[..<colon]
            value = line[(colon + 1)...]
            if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        }
        if field.elementsEqual("data".utf8) {
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
        } else if field.elementsEqual("event".utf8) {
            event = String(decoding: value, as: UTF8.self)
        }
        return nil
    }

    private mutating func dispatch() -> SSEEvent? {
        defer {
            event = nil
            data.removeAll(keepingCapacity: true)
            hasData = false
        }
        guard hasData else { return nil }
        return SSEEvent(event: event, data: data)
    }
}
