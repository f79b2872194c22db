import AnthropicCodec
import Conversation
import Dialects
import Testing
import TokModelCore

/// Parses JSON text written in a test; a typo in a fixture fails the test that uses it.
func json(_ text: String) throws -> JSONValue {
    try JSONParser.parse(Array(text.utf8))
}

/// JSON text written in a test, re-serialised compactly, to compare with what the codec produces.
func compact(_ text: String) throws -> String {
    JSONWriter.string(try json(text))
}

func decodeRequest(_ text: String) throws -> ChatRequest {
    try AnthropicMessages.decodeRequest(json(text))
}

/// The error `body` throws, or nil when it succeeds.
func gatewayError<T>(_ body: () throws(GatewayError) -> T) -> GatewayError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// The error decoding `text` throws; fails the test when decoding succeeds.
func decodeError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> GatewayError {
    let body = try json(text)
    let error = gatewayError { () throws(GatewayError) in try AnthropicMessages.decodeRequest(body) }
    return try #require(error, "expected the request to be refused", sourceLocation: sourceLocation)
}

/// A minimal valid request body with `extra` members appended (a JSON fragment without braces).
func requestBody(_ extra: String = "", messages: String = #"[{"role":"user","content":"Hi"}]"#) -> String {
    #"{"model":"claude-sonnet-4-5","max_tokens":1024,"messages":\#(messages)\#(extra.isEmpty ? "" : "," + extra)}"#
}

/// An egress request body for `request`, compact, for comparing with expected JSON text.
func encoded(_ request: ChatRequest, model: String = "claude-sonnet-4-5-20250929") throws -> JSONValue {
    try AnthropicMessages.encodeRequest(request, upstreamModel: model)
}

func text(_ bytes: some Sequence<UInt8>) -> String { String(decoding: Array(bytes), as: UTF8.self) }

// MARK: Feeding streams

/// `bytes` fed whole, byte by byte, and split in two at every position.
func feedings(of bytes: [UInt8]) -> [(name: String, chunks: [[UInt8]])] {
    var result: [(String, [[UInt8]])] = [("whole", [bytes]), ("byte by byte", bytes.map { [$0] })]
    for split in 1..<bytes.count {
        result.append(("split at \(split)", [Array(bytes[..<split]), Array(bytes[split...])]))
    }
    return result
}

/// The SSE events in `chunks`, parsed incrementally as they would arrive from the network.
func sseEvents(_ chunks: [[UInt8]]) throws -> [SSEEvent] {
    var parser = SSEParser()
    var events: [SSEEvent] = []
    for chunk in chunks { events += try parser.feed(chunk) }
    if let last = parser.finish() { events.append(last) }
    return events
}

/// A provider transcript through a fresh reader, `finish()` included.
func read(_ chunks: [[UInt8]]) throws -> [StreamEvent] {
    var reader = AnthropicMessages.StreamReader()
    var events: [StreamEvent] = []
    for event in try sseEvents(chunks) { events += try reader.read(event) }
    events += reader.finish()
    return events
}

func read(_ transcript: String) throws -> [StreamEvent] { try read([Array(transcript.utf8)]) }

/// Canonical events through a fresh writer; the bytes as text.
func write(_ events: [StreamEvent], clientModel: String = "claude-sonnet-4-5") -> String {
    var writer = AnthropicMessages.StreamWriter(clientModel: clientModel, includeUsage: false)
    var out: [UInt8] = []
    for event in events { out += writer.write(event) }
    return text(out)
}
