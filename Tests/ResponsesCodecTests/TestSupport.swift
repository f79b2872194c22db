import Conversation
import Dialects
import ResponsesCodec
import Testing
import TokModelCore

func json(_ text: String) throws -> JSONValue {
    try JSONParser.parse(Array(text.utf8))
}

/// The error `decodeRequest` throws for `body`, or nil when it decodes.
func decodeError(_ body: String) throws -> GatewayError? {
    let value = try json(body)
    do {
        _ = try OpenAIResponses.decodeRequest(value)
        return nil
    } catch {
        return error
    }
}

func decode(_ body: String) throws -> ChatRequest {
    try OpenAIResponses.decodeRequest(try json(body))
}

/// One parsed SSE event of a Responses stream.
struct WireEvent {
    var name: String?
    var payload: JSONValue
    var type: String { payload["type"]?.stringValue ?? "" }
    var sequenceNumber: Int64? { payload["sequence_number"]?.int64Value }
    subscript(key: String) -> JSONValue? { payload[key] }
}

/// Runs canonical events through a writer and returns the bytes it wrote.
func write(_ events: [StreamEvent], with writer: OpenAIResponses.StreamWriter) -> [UInt8] {
    var writer = writer
    var out: [UInt8] = []
    for event in events { out += writer.write(event) }
    return out
}

/// The writer's bytes parsed back with `SSEParser`, fed in the given chunks.
func parse(_ chunks: [[UInt8]]) throws -> [WireEvent] {
    var parser = SSEParser()
    var events: [SSEEvent] = []
    for chunk in chunks { events += try parser.feed(chunk) }
    if let last = parser.finish() { events.append(last) }
    return try events.map { WireEvent(name: $0.event, payload: try JSONParser.parse($0.data)) }
}

func parse(_ bytes: [UInt8]) throws -> [WireEvent] { try parse([bytes]) }

/// Where two JSON documents differ in shape: a member missing on either side, or a value of another kind,
/// with its path. Arrays are compared element by element.
func shapeDifferences(expected: JSONValue, actual: JSONValue, path: String = "$") -> [String] {
    switch (expected, actual) {
    case (.object(let e), .object(let a)):
        var differences: [String] = []
        let actualKeys = Set(a.map(\.0))
        let expectedKeys = Set(e.map(\.0))
        for (key, value) in e {
            guard let other = actual[key] else {
                differences.append("\(path).\(key) missing")
                continue
            }
            differences += shapeDifferences(expected: value, actual: other, path: "\(path).\(key)")
        }
        for key in actualKeys.subtracting(expectedKeys).sorted() { differences.append("\(path).\(key) unexpected") }
        return differences
    case (.array(let e), .array(let a)):
        guard e.count == a.count else { return ["\(path) has \(a.count) elements, expected \(e.count)"] }
        return zip(e, a).enumerated().flatMap { shapeDifferences(expected: $1.0, actual: $1.1, path: "\(path)[\($0)]") }
    case (.null, .null), (.bool, .bool), (.number, .number), (.string, .string):
        return []
    default:
        return ["\(path) is \(kind(actual)), expected \(kind(expected))"]
    }
}

private func kind(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
}

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
