import AnthropicCodec
import Conversation
import Dialects
import GeminiCodec
import OpenAIChatCodec
import ResponsesCodec
import TokModelCore

// The pieces the edge plugs together for a translated stream, mirrored here without importing Edge:
// provider bytes → SSEParser → provider reader → canonical events → client writer → client bytes.

/// The `created` / `created_at` every golden is written with (2026-01-01T00:00:00Z).
let goldenCreated: Int64 = 1_767_225_600
/// The catalog id the client asked for; every client-facing `model` must be this one.
let clientModel = "acme/chat"
/// The provider name the edge puts in its "ended the stream unexpectedly" error.
let providerName = "test-provider"

/// The dialect a provider speaks (egress).
enum Provider: String, CaseIterable, Sendable, CustomStringConvertible {
    case openAI = "openai"
    case anthropic = "anthropic"
    case gemini = "gemini"

    var description: String { rawValue }

    func makeReader() -> any ProviderReader {
        switch self {
        case .openAI: OpenAIChat.StreamReader()
        case .anthropic: AnthropicMessages.StreamReader()
        case .gemini: GeminiGenerateContent.StreamReader()
        }
    }

    func encodeRequest(_ request: ChatRequest, upstreamModel: String) throws(GatewayError) -> JSONValue {
        switch self {
        case .openAI: try OpenAIChat.encodeRequest(request, upstreamModel: upstreamModel)
        case .anthropic: try AnthropicMessages.encodeRequest(request, upstreamModel: upstreamModel)
        case .gemini: try GeminiGenerateContent.encodeRequest(request, upstreamModel: upstreamModel)
        }
    }

    /// `decodeResponse`, then the clock stamp the edge adds when the provider sent none (Anthropic, Gemini).
    func decodeResponse(_ body: JSONValue) throws(GatewayError) -> ChatResponse {
        var answer: ChatResponse
        switch self {
        case .openAI: answer = try OpenAIChat.decodeResponse(body)
        case .anthropic: answer = try AnthropicMessages.decodeResponse(body)
        case .gemini: answer = try GeminiGenerateContent.decodeResponse(body)
        }
        if answer.created == 0 { answer.created = goldenCreated }
        return answer
    }
}

/// The dialect a client speaks (ingress).
enum Client: String, CaseIterable, Sendable, CustomStringConvertible {
    case chat = "chat"
    case messages = "messages"
    case responses = "responses"

    var description: String { rawValue }

    /// The writer the edge would build, with the clock fixed. Chat clients asked for usage
    /// (`stream_options.include_usage: true`) so that usage can be checked; see the Chat tests for `false`.
    func makeWriter(includeUsage: Bool = true) -> any ClientWriter {
        switch self {
        case .chat: OpenAIChat.StreamWriter(clientModel: clientModel, includeUsage: includeUsage, created: goldenCreated)
        case .messages: AnthropicMessages.StreamWriter(clientModel: clientModel, includeUsage: true)
        case .responses: OpenAIResponses.StreamWriter(clientModel: clientModel, echo: OpenAIResponses.Echo(), createdAt: goldenCreated)
        }
    }

    func decodeRequest(_ body: JSONValue) throws(GatewayError) -> ChatRequest {
        switch self {
        case .chat: try OpenAIChat.decodeRequest(body)
        case .messages: try AnthropicMessages.decodeRequest(body)
        case .responses: try OpenAIResponses.decodeRequest(body)
        }
    }

    func encodeResponse(_ response: ChatResponse) -> JSONValue {
        switch self {
        case .chat: OpenAIChat.encodeResponse(response, clientModel: clientModel)
        case .messages: AnthropicMessages.encodeResponse(response, clientModel: clientModel)
        case .responses: OpenAIResponses.encodeResponse(response, clientModel: clientModel)
        }
    }
}

protocol ProviderReader {
    mutating func read(_ event: SSEEvent) throws(GatewayError) -> [StreamEvent]
    mutating func finish() -> [StreamEvent]
}

extension OpenAIChat.StreamReader: ProviderReader {}
extension AnthropicMessages.StreamReader: ProviderReader {}
extension GeminiGenerateContent.StreamReader: ProviderReader {}

protocol ClientWriter {
    mutating func write(_ event: StreamEvent) -> [UInt8]
}

extension OpenAIChat.StreamWriter: ClientWriter {}
extension AnthropicMessages.StreamWriter: ClientWriter {}
extension OpenAIResponses.StreamWriter: ClientWriter {}

/// A copy of the edge's `CanonicalRelay` (Sources/Edge/TranslatingEndpoint.swift): a reader error becomes
/// `.error` + `.end`; nothing is written after `.end`; when the provider's body ends, the parser's last
/// event is read, then `reader.finish()`, and a stream that still has no `.end` is closed with an error.
struct Relay {
    private var parser = SSEParser()
    private var reader: any ProviderReader
    private var writer: any ClientWriter
    private(set) var ended = false
    /// Every canonical event handed to the writer, for failure messages.
    private(set) var events: [StreamEvent] = []

    init(reader: any ProviderReader, writer: any ClientWriter) {
        self.reader = reader
        self.writer = writer
    }

    mutating func feed(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        let parsed: [SSEEvent]
        do {
            parsed = try parser.feed(bytes)
        } catch {
            return emit([.error(GatewayError(.upstreamFailed, "The provider sent an oversized stream event.", code: "upstream_stream_broken")), .end])
        }
        var out: [UInt8] = []
        for event in parsed {
            let canonical: [StreamEvent]
            do {
                canonical = try reader.read(event)
            } catch {
                canonical = [.error(error), .end]
            }
            out += emit(canonical)
        }
        return out
    }

    mutating func finish() -> [UInt8] {
        var out: [UInt8] = []
        if let event = parser.finish() {
            do {
                out += emit(try reader.read(event))
            } catch {
                out += emit([.error(error), .end])
            }
        }
        if !ended { out += emit(reader.finish()) }
        if !ended {
            let error = GatewayError(.upstreamFailed, "The provider '\(providerName)' ended the stream unexpectedly.", code: "upstream_stream_broken")
            out += emit([.error(error), .end])
        }
        return out
    }

    private mutating func emit(_ batch: [StreamEvent]) -> [UInt8] {
        var out: [UInt8] = []
        for event in batch where !ended {
            if case .end = event { ended = true }
            events.append(event)
            out += writer.write(event)
        }
        return out
    }
}

/// How the provider's body is cut into network reads.
enum Chunking: String, CaseIterable, Sendable, CustomStringConvertible {
    case whole
    case byteByByte

    var description: String { rawValue }

    func chunks(_ bytes: [UInt8]) -> [[UInt8]] {
        switch self {
        case .whole: [bytes]
        case .byteByByte: bytes.map { [$0] }
        }
    }
}

/// The client's bytes for a provider transcript, and the canonical events in between.
func translate(_ transcript: String, from provider: Provider, to client: Client, chunking: Chunking = .whole, includeUsage: Bool = true)
    -> (bytes: String, events: [StreamEvent])
{
    var relay = Relay(reader: provider.makeReader(), writer: client.makeWriter(includeUsage: includeUsage))
    var out: [UInt8] = []
    for chunk in chunking.chunks(Array(transcript.utf8)) { out += relay.feed(chunk) }
    out += relay.finish()
    return (String(decoding: out, as: UTF8.self), relay.events)
}

/// Joins SSE data payloads the way a provider frames them: `data: <json>` and a blank line (CRLF for Gemini).
func sse(_ payloads: [String], crlf: Bool = false) -> String {
    let end = crlf ? "\r\n\r\n" : "\n\n"
    return payloads.map { "data: \($0)\(end)" }.joined()
}

/// Joins named SSE events the way Anthropic frames them: `event: <name>`, `data: <json>`, a blank line.
func namedSSE(_ events: [(String, String)]) -> String {
    events.map { "event: \($0.0)\ndata: \($0.1)\n\n" }.joined()
}
