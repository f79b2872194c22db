/// Per-request overrides written into the last user message as `[[mock:NAME=VALUE]]` or `[[mock:NAME]]`.
///
/// They live in the message text because the gateway forwards the body to the provider but not the
/// client's headers: a test talking to the gateway can only steer the provider through what it says.
///
/// | Directive        | Effect                                                                          |
/// |------------------|---------------------------------------------------------------------------------|
/// | `words=N`        | answer length in words (default 12), 0...100000                                 |
/// | `chunks=N`       | content chunks of a stream, at least 1                                          |
/// | `delay_ms=N`     | pause before each content chunk and before the finish chunk                     |
/// | `latency_ms=N`   | delay before the first byte (stream) or before the answer                       |
/// | `status=CODE`    | answer with this status (400...599) and an OpenAI error body; 429 adds `retry-after: 1` |
/// | `fail_after=N`   | stream only: close the connection after N content chunks, with no finish, usage or `[DONE]` |
/// | `no_usage`       | never report usage, even when asked                                             |
/// | `zero_usage`     | report usage with 0 prompt and 0 completion tokens                              |
/// | `tool`           | answer with one call to the request's first tool instead of text                |
/// | `tool=NAME`      | answer with one call to the tool named NAME (it must be among the request's tools) |
/// | `tools=N`        | answer with N parallel calls, to the request's first N tools in order (1...128)  |
/// | `text_then_tool` | answer with the text first and then the tool call(s); alone it means `tool` as well |
///
/// The directives apply in every dialect (OpenAI, Anthropic, Gemini); `status` answers in that dialect's error
/// shape. In a stream, `chunks` is the number of text chunks and also the number of fragments each tool call's
/// arguments are split into (OpenAI, Anthropic; Gemini sends each call whole), and `fail_after` counts text
/// chunks and argument fragments alike. See ``MockAnswer`` for when a tool directive is overridden (the last
/// turn is a tool result, or the tool choice is `none`).
///
/// An unknown name or a bad value is a 400, so that a typo in a test fails loudly instead of being ignored.
public struct MockDirectives: Sendable, Equatable {
    public var words: Int?
    public var chunks: Int?
    public var delayMillis: Int?
    public var latencyMillis: Int?
    public var status: Int?
    public var failAfterChunks: Int?
    public var noUsage = false
    public var zeroUsage = false
    /// `tool`, `tool=NAME` or `tools=N`.
    public var tool: MockToolDirective?
    /// `text_then_tool`.
    public var textThenTool = false

    public init(
        words: Int? = nil, chunks: Int? = nil, delayMillis: Int? = nil, latencyMillis: Int? = nil, status: Int? = nil,
        failAfterChunks: Int? = nil, noUsage: Bool = false, zeroUsage: Bool = false, tool: MockToolDirective? = nil,
        textThenTool: Bool = false
    ) {
        self.words = words
        self.chunks = chunks
        self.delayMillis = delayMillis
        self.latencyMillis = latencyMillis
        self.status = status
        self.failAfterChunks = failAfterChunks
        self.noUsage = noUsage
        self.zeroUsage = zeroUsage
        self.tool = tool
        self.textThenTool = textThenTool
    }

    /// The tool calls asked for: the explicit directive, else `text_then_tool` alone means the first tool.
    public var requestedTools: MockToolDirective? {
        tool ?? (textThenTool ? .first : nil)
    }

    public static let opening: String = "[[mock:"
    public static let closing: String = "]]"
    /// Longest answer a directive may ask for; enough for benchmarks, small enough not to exhaust memory.
    public static let maxWords = 100_000
    /// Longest delay a directive may ask for (10 minutes).
    public static let maxMillis = 600_000

    /// Reads every directive in `text` and returns them with the text that remains once they are cut out.
    /// An opening `[[mock:` without a closing `]]` is ordinary text.
    public static func extract(from text: String) throws(MockError) -> (directives: MockDirectives, remainingText: String) {
        var directives = MockDirectives()
        // Fast path: most messages carry no directive.
        guard text.utf8.count >= opening.utf8.count, text.contains(opening) else { return (directives, text) }
        var remaining = ""
        remaining.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let start = rest.firstRange(of: opening) {
            guard let end = rest[start.upperBound...].firstRange(of: closing) else { break }
            remaining += rest[..<start.lowerBound]
            try directives.apply(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        remaining += rest
        return (directives, remaining)
    }

    /// Applies one directive body, `NAME` or `NAME=VALUE`.
    mutating func apply(_ body: String) throws(MockError) {
        let name: Substring
        let value: Substring?
        if let equals = body.firstIndex(of: "=") {
            name = body[..<equals]
            value = body[body.index(after: equals)...]
        } else {
            name = body[...]
            value = nil
        }
        func number(_ range: ClosedRange<Int>) throws(MockError) -> Int {
            guard let value, let number = Int(value), range.contains(number) else {
                throw MockError.invalidRequest(
                    "Mock directive \(name) needs an integer value in \(range.lowerBound)...\(range.upperBound), got \"\(value ?? "")\".",
                    param: "messages")
            }
            return number
        }
        func flag() throws(MockError) -> Bool {
            guard value == nil else { throw MockError.invalidRequest("Mock directive \(name) takes no value.", param: "messages") }
            return true
        }
        switch name {
        case "words": words = try number(0...Self.maxWords)
        case "chunks": chunks = try number(1...Self.maxWords)
        case "delay_ms": delayMillis = try number(0...Self.maxMillis)
        case "latency_ms": latencyMillis = try number(0...Self.maxMillis)
        case "status": status = try number(400...599)
        case "fail_after": failAfterChunks = try number(0...Self.maxWords)
        case "no_usage": noUsage = try flag()
        case "zero_usage": zeroUsage = try flag()
        case "tool":
            if let value {
                guard !value.isEmpty else { throw MockError.invalidRequest("Mock directive tool needs a tool name after '='.", param: "messages") }
                tool = .named(String(value))
            } else {
                tool = .first
            }
        case "tools": tool = .count(try number(1...MockToolDirective.maxParallelCalls))
        case "text_then_tool": textThenTool = try flag()
        default: throw MockError.invalidRequest("Unknown mock directive \"\(name)\".", param: "messages")
        }
    }
}
