import Conversation
import Dialects
import OpenAIChatCodec
import Testing
import TokModelCore

// MARK: Requests

func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

func decode(_ text: String) throws -> ChatRequest { try OpenAIChat.decodeRequest(try parse(text)) }

/// A minimal valid request with `extra` members spliced in after `model` and `messages`.
func decode(extra: String, messages: String = #"[{"role":"user","content":"Hi"}]"#) throws -> ChatRequest {
    try decode(#"{"model":"acme/chat","messages":\#(messages)\#(extra.isEmpty ? "" : ",")\#(extra)}"#)
}

/// The error decoding `text` throws; nil (a test failure for callers) when it decodes.
func decodeError(_ text: String) throws -> GatewayError? {
    let body = try parse(text)
    do {
        _ = try OpenAIChat.decodeRequest(body)
        return nil
    } catch {
        return error
    }
}

func decodeError(extra: String, messages: String = #"[{"role":"user","content":"Hi"}]"#) throws -> GatewayError? {
    try decodeError(#"{"model":"acme/chat","messages":\#(messages)\#(extra.isEmpty ? "" : ",")\#(extra)}"#)
}

func encode(_ request: ChatRequest, upstreamModel: String = "gpt-4o-mini") throws -> String {
    JSONWriter.string(try OpenAIChat.encodeRequest(request, upstreamModel: upstreamModel))
}

func text(_ bytes: some Sequence<UInt8>) -> String { String(decoding: Array(bytes), as: UTF8.self) }

// MARK: Streams

/// Every way the stream tests feed a transcript: whole, byte by byte, and split once at every byte.
func feedings(of bytes: [UInt8]) -> [(name: String, chunks: [[UInt8]])] {
    var result: [(String, [[UInt8]])] = [("whole", [bytes]), ("byte by byte", bytes.map { [$0] })]
    for split in 1..<bytes.count {
        result.append(("split at \(split)", [Array(bytes[..<split]), Array(bytes[split...])]))
    }
    return result
}

/// Provider bytes → canonical events, exactly as the edge drives a reader: SSE parsing per network chunk,
/// then the parser's leftovers, then the reader's `finish()` when the body ends.
func read(_ chunks: [[UInt8]]) throws -> [StreamEvent] {
    var parser = SSEParser()
    var reader = OpenAIChat.StreamReader()
    var events: [StreamEvent] = []
    for chunk in chunks {
        for event in try parser.feed(chunk) { events += try reader.read(event) }
    }
    if let last = parser.finish() { events += try reader.read(last) }
    events += reader.finish()
    return events
}

func read(_ transcript: String) throws -> [StreamEvent] { try read([Array(transcript.utf8)]) }

/// Canonical events → the client's bytes.
func write(_ events: [StreamEvent], includeUsage: Bool, clientModel: String = "acme/chat", created: Int64 = 1_767_225_600) -> String {
    var writer = OpenAIChat.StreamWriter(clientModel: clientModel, includeUsage: includeUsage, created: created)
    var out: [UInt8] = []
    for event in events { out += writer.write(event) }
    return text(out)
}

/// What an OpenAI client makes of a chunk stream, the way the SDKs accumulate it: text and reasoning
/// concatenated, tool calls assembled by `tool_calls[].index`, the finish reason, the usage chunk, any
/// in-band error, whether `[DONE]` came; plus every chunk's envelope, which must not vary.
struct StreamSummary: Equatable, CustomStringConvertible {
    struct Call: Equatable {
        var index: Int64
        var id: String
        var name: String
        var arguments: String
    }

    var ids: Set<String> = []
    var models: Set<String> = []
    var createds: Set<String> = []
    var roles: [String] = []
    var content = ""
    var reasoning = ""
    var calls: [Call] = []
    var finishReasons: [String] = []
    var usage: JSONValue?
    var usageChunks = 0
    var errors: [JSONValue] = []
    var done = false
    var eventsAfterDone = 0

    var description: String {
        "ids \(ids) models \(models) roles \(roles) content \(content.debugDescription) reasoning \(reasoning.debugDescription) "
            + "calls \(calls) finish \(finishReasons) usage \(usage.map(JSONWriter.string) ?? "nil") x\(usageChunks) errors \(errors.count) done \(done)"
    }
}

func summarize(_ sse: String) throws -> StreamSummary {
    var parser = SSEParser()
    var events = try parser.feed(Array(sse.utf8))
    if let last = parser.finish() { events.append(last) }
    var summary = StreamSummary()
    for event in events {
        if summary.done { summary.eventsAfterDone += 1 }
        if event.isDone {
            summary.done = true
            continue
        }
        let chunk = try JSONParser.parse(event.data)
        if let error = chunk["error"] {
            summary.errors.append(error)
            continue
        }
        summary.ids.insert(chunk["id"]?.stringValue ?? "?")
        summary.models.insert(chunk["model"]?.stringValue ?? "?")
        summary.createds.insert(chunk["created"].map(JSONWriter.string) ?? "?")
        if let usage = chunk["usage"], !usage.isNull {
            summary.usage = usage
            summary.usageChunks += 1
        }
        for choice in chunk["choices"]?.arrayValue ?? [] {
            let delta = choice["delta"] ?? [:]
            if let role = delta["role"]?.stringValue { summary.roles.append(role) }
            summary.content += delta["content"]?.stringValue ?? ""
            summary.reasoning += delta["reasoning_content"]?.stringValue ?? ""
            for fragment in delta["tool_calls"]?.arrayValue ?? [] {
                let index = fragment["index"]?.int64Value ?? -1
                if let id = fragment["id"]?.stringValue {
                    summary.calls.append(.init(index: index, id: id, name: fragment["function"]?["name"]?.stringValue ?? "", arguments: ""))
                }
                if let position = summary.calls.lastIndex(where: { $0.index == index }) {
                    summary.calls[position].arguments += fragment["function"]?["arguments"]?.stringValue ?? ""
                }
            }
            if let reason = choice["finish_reason"]?.stringValue { summary.finishReasons.append(reason) }
        }
    }
    return summary
}
