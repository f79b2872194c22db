import AnthropicCodec
import Conversation
import Dialects
import GeminiCodec
import OpenAIChatCodec
import TokModelCore

/// Reads a provider's stream into canonical events.
protocol ProviderStreamReader: Sendable {
    mutating func read(_ event: SSEEvent) throws(GatewayError) -> [StreamEvent]
    mutating func finish() -> [StreamEvent]
}

extension OpenAIChat.StreamReader: ProviderStreamReader {}
extension AnthropicMessages.StreamReader: ProviderStreamReader {}
extension GeminiGenerateContent.StreamReader: ProviderStreamReader {}

/// The dialect a provider speaks, by its catalog kind: how requests are written and answers read.
struct Egress: Sendable {
    let kind: Catalog.ProviderKind

    func encodeRequest(_ request: ChatRequest, upstreamModel: String) throws(GatewayError) -> [UInt8] {
        switch kind {
        case .openai: JSONWriter.bytes(try OpenAIChat.encodeRequest(request, upstreamModel: upstreamModel))
        case .anthropic: JSONWriter.bytes(try AnthropicMessages.encodeRequest(request, upstreamModel: upstreamModel))
        case .gemini: JSONWriter.bytes(try GeminiGenerateContent.encodeRequest(request, upstreamModel: upstreamModel))
        }
    }

    /// The path under the provider's base URL.
    func path(upstreamModel: String, stream: Bool) -> String {
        switch kind {
        case .openai: "/chat/completions"
        case .anthropic: "/messages"
        case .gemini: GeminiGenerateContent.path(upstreamModel: upstreamModel, stream: stream)
        }
    }

    func decodeResponse(_ body: JSONValue) throws(GatewayError) -> ChatResponse {
        switch kind {
        case .openai: try OpenAIChat.decodeResponse(body)
        case .anthropic: try AnthropicMessages.decodeResponse(body)
        case .gemini: try GeminiGenerateContent.decodeResponse(body)
        }
    }

    func makeStreamReader() -> any ProviderStreamReader {
        switch kind {
        case .openai: OpenAIChat.StreamReader()
        case .anthropic: AnthropicMessages.StreamReader()
        case .gemini: GeminiGenerateContent.StreamReader()
        }
    }
}
