import Conversation
import Dialects
import GeminiCodec
import Testing
import TokModelCore

/// Parses JSON text written in a test; a typo in a fixture fails the test rather than crashing it.
func json(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
    try JSONParser.parse(text)
}

/// The gateway error thrown by `body`, or nil when it throws none (any other error is recorded as an issue).
func thrownError<T>(_ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> GatewayError? {
    do {
        _ = try body()
        return nil
    } catch let error as GatewayError {
        return error
    } catch {
        Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// How a recorded stream is cut into network reads.
enum Split: CaseIterable, CustomStringConvertible {
    /// The whole body in one read.
    case whole
    /// One byte per read.
    case everyByte

    var description: String {
        switch self {
        case .whole: "whole"
        case .everyByte: "every byte"
        }
    }
}

/// Runs a recorded SSE body through `SSEParser` and a fresh reader, then ends the stream, returning every event.
func readStream(_ body: String, split: Split = .whole) throws -> [StreamEvent] {
    try readStream(Array(body.utf8), chunks: split == .whole ? [body.utf8.count] : Array(repeating: 1, count: body.utf8.count))
}

/// Runs `bytes` through the parser and a fresh reader in reads of the given sizes (the rest in a final read).
func readStream(_ bytes: [UInt8], chunks: [Int]) throws -> [StreamEvent] {
    var parser = SSEParser()
    var reader = GeminiGenerateContent.StreamReader()
    var events: [StreamEvent] = []
    var offset = 0
    for size in chunks + [bytes.count] where offset < bytes.count {
        let end = min(bytes.count, offset + size)
        for event in try parser.feed(bytes[offset..<end]) { events += try reader.read(event) }
        offset = end
    }
    if let last = parser.finish() { events += try reader.read(last) }
    events += reader.finish()
    return events
}

extension JSONValue {
    /// Array element access for reading test results (`body["contents"]?[1]?["parts"]`).
    subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }
}
