public import TokModelCore

/// Reading and adjusting OpenAI Chat Completions responses on their way back to the client.
public enum OpenAIChatResponse {
    /// Usage from an OpenAI-style `usage` object: `prompt_tokens`, `completion_tokens`, and the cached and
    /// reasoning details. Returns nil when the object has no token counts.
    public static func usage(from object: JSONValue) -> Usage? {
        guard case .object = object else { return nil }
        let prompt = object["prompt_tokens"]?.int64Value
        let completion = object["completion_tokens"]?.int64Value
        guard prompt != nil || completion != nil else { return nil }
        var usage = Usage(inputTokens: max(0, prompt ?? 0), outputTokens: max(0, completion ?? 0))
        if let cached = object["prompt_tokens_details"]?["cached_tokens"]?.int64Value {
            usage.cachedInputTokens = min(max(0, cached), usage.inputTokens)
        }
        if let reasoning = object["completion_tokens_details"]?["reasoning_tokens"]?.int64Value {
            usage.reasoningTokens = min(max(0, reasoning), usage.outputTokens)
        }
        return usage
    }

    /// The parts of a complete (non-streaming) response the edge uses, and the body to send with the
    /// client's model id in place of the provider's.
    public struct Relayed: Sendable {
        public var body: [UInt8]
        public var usage: Usage?
    }

    public static func relay(body: [UInt8], clientModel: String) -> Relayed {
        guard let members = try? JSONParser.indexObject(body) else { return Relayed(body: body, usage: nil) }
        var usage: Usage?
        if let usageMember = members.last(where: { $0.key == "usage" }), usageMember.kind == .object,
            let value = try? JSONParser.parse(Array(body[usageMember.valueRange]))
        {
            usage = Self.usage(from: value)
        }
        var splicer = ByteSplicer(source: body, members: members)
        if members.contains(where: { $0.key == "model" }) {
            var quoted = [UInt8]()
            JSONWriter.writeString(clientModel, into: &quoted)
            splicer.set("model", rawValue: quoted)
        }
        return Relayed(body: splicer.result(), usage: usage)
    }
}

/// Relays an OpenAI Chat Completions stream to a client: event by event, with the client's model id, the
/// usage chunk captured for billing and passed on only if the client asked for it, and a count of generated
/// text kept in case the stream ends without a usage report.
///
/// A pure state machine: bytes from the provider in, bytes for the client out.
public struct OpenAIChatStreamRelay: Sendable {
    public private(set) var usage: Usage?
    public private(set) var sawDone = false
    /// Bytes of generated content and tool-call arguments seen; the basis of an estimate.
    public private(set) var generatedBytes = 0
    /// Whether any chunk carrying output reached the client.
    public private(set) var relayedOutput = false
    /// An error object the provider sent inside the stream, if any.
    public private(set) var streamError: JSONValue?

    private var parser = SSEParser()
    private let clientModelQuoted: [UInt8]
    private let forwardUsageChunk: Bool

    public init(clientModel: String, forwardUsageChunk: Bool) {
        var quoted = [UInt8]()
        JSONWriter.writeString(clientModel, into: &quoted)
        self.clientModelQuoted = quoted
        self.forwardUsageChunk = forwardUsageChunk
    }

    /// Feeds provider bytes; returns the bytes to send to the client now (possibly empty).
    public mutating func feed(_ bytes: some Sequence<UInt8>) throws -> [UInt8] {
        var out = [UInt8]()
        for event in try parser.feed(bytes) { handle(event, into: &out) }
        return out
    }

    /// Call when the provider's stream ends; returns any final bytes.
    public mutating func finish() -> [UInt8] {
        var out = [UInt8]()
        if let event = parser.finish() { handle(event, into: &out) }
        return out
    }

    private mutating func handle(_ event: SSEEvent, into out: inout [UInt8]) {
        if event.isDone {
            sawDone = true
            out.append(contentsOf: "data: [DONE]\n\n".utf8)
            return
        }
        guard let members = try? JSONParser.indexObject(event.data) else {
            // Not JSON: pass it through untouched rather than guess.
            out.append(contentsOf: event.encoded())
            return
        }
        var isUsageOnly = false
        if let usageMember = members.last(where: { $0.key == "usage" }), usageMember.kind == .object,
            let value = try? JSONParser.parse(Array(event.data[usageMember.valueRange])), let parsed = OpenAIChatResponse.usage(from: value)
        {
            usage = parsed
            if let choices = members.last(where: { $0.key == "choices" }) {
                isUsageOnly = OpenAIChatRequest.isEmptyArray(event.data[choices.valueRange])
            } else {
                isUsageOnly = true
            }
        }
        if let errorMember = members.last(where: { $0.key == "error" }), errorMember.kind == .object {
            streamError = try? JSONParser.parse(Array(event.data[errorMember.valueRange]))
        }
        if let choices = members.last(where: { $0.key == "choices" }), choices.kind == .array {
            let generated = Self.generatedBytes(in: event.data[choices.valueRange])
            generatedBytes += generated
            if generated > 0 { relayedOutput = true }
        }
        if isUsageOnly && !forwardUsageChunk { return }
        var splicer = ByteSplicer(source: event.data, members: members)
        if members.contains(where: { $0.key == "model" }) { splicer.set("model", rawValue: clientModelQuoted) }
        if !forwardUsageChunk && !isUsageOnly && members.contains(where: { $0.key == "usage" }) {
            // Some providers put usage on every chunk; a client that did not ask for it gets null, as OpenAI sends.
            splicer.set("usage", rawValue: Array("null".utf8))
        }
        out.append(contentsOf: "data: ".utf8)
        out.append(contentsOf: splicer.result())
        out.append(contentsOf: "\n\n".utf8)
    }

    /// Bytes of `"content"` and `"arguments"` string values inside a chunk's choices.
    static func generatedBytes(in slice: ArraySlice<UInt8>) -> Int {
        guard let value = try? JSONParser.parse(Array(slice)), let choices = value.arrayValue else { return 0 }
        var total = 0
        for choice in choices {
            guard let delta = choice["delta"] else { continue }
            total += delta["content"]?.stringValue?.utf8.count ?? 0
            total += delta["reasoning_content"]?.stringValue?.utf8.count ?? 0
            for call in delta["tool_calls"]?.arrayValue ?? [] {
                total += call["function"]?["arguments"]?.stringValue?.utf8.count ?? 0
                total += call["function"]?["name"]?.stringValue?.utf8.count ?? 0
            }
        }
        return total
    }
}
