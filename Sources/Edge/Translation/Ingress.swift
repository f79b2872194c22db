import AnthropicCodec
import Conversation
import Dialects
import OpenAIChatCodec
import ResponsesCodec
import TokModelCore

/// Writes canonical stream events in a client's dialect.
protocol ClientStreamWriter: Sendable {
    mutating func write(_ event: StreamEvent) -> [UInt8]
}

extension OpenAIChat.StreamWriter: ClientStreamWriter {}
extension AnthropicMessages.StreamWriter: ClientStreamWriter {}
extension OpenAIResponses.StreamWriter: ClientStreamWriter {}
extension OpenAIResponses.CompactStreamWriter: ClientStreamWriter {}

/// The dialect a client speaks: how its requests are read and its answers and errors written.
enum Ingress: Sendable {
    case openAIChat
    case anthropicMessages
    case responses
    /// `/v1/responses/compact`: a Responses request; the answer is the output text only.
    case responsesCompact

    var errorDialect: Dialect {
        switch self {
        case .anthropicMessages: .anthropic
        default: .openAI
        }
    }

    /// The API surface recorded on usage events.
    var endpointName: String {
        switch self {
        case .openAIChat: "chat.completions"
        case .anthropicMessages: "messages"
        case .responses: "responses"
        case .responsesCompact: "responses.compact"
        }
    }

    func decodeRequest(_ body: JSONValue) throws(GatewayError) -> ChatRequest {
        switch self {
        case .openAIChat: try OpenAIChat.decodeRequest(body)
        case .anthropicMessages: try AnthropicMessages.decodeRequest(body)
        case .responses, .responsesCompact: try OpenAIResponses.decodeRequest(body)
        }
    }

    /// The complete answer as body bytes and content type.
    func encodeResponse(_ response: ChatResponse, clientModel: String, request: ChatRequest, body: JSONValue) -> (bytes: [UInt8], contentType: String) {
        switch self {
        case .openAIChat:
            (JSONWriter.bytes(OpenAIChat.encodeResponse(response, clientModel: clientModel)), "application/json")
        case .anthropicMessages:
            (JSONWriter.bytes(AnthropicMessages.encodeResponse(response, clientModel: clientModel)), "application/json")
        case .responses:
            (JSONWriter.bytes(OpenAIResponses.encodeResponse(response, clientModel: clientModel, echo: .init(request: request, body: body))), "application/json")
        case .responsesCompact:
            (Array(OpenAIResponses.compactText(response).utf8), "text/plain; charset=utf-8")
        }
    }

    func makeStreamWriter(clientModel: String, request: ChatRequest, body: JSONValue) -> any ClientStreamWriter {
        switch self {
        case .openAIChat: OpenAIChat.StreamWriter(clientModel: clientModel, includeUsage: request.includeUsage)
        case .anthropicMessages: AnthropicMessages.StreamWriter(clientModel: clientModel, includeUsage: true)
        case .responses: OpenAIResponses.StreamWriter(clientModel: clientModel, echo: .init(request: request, body: body))
        case .responsesCompact: OpenAIResponses.CompactStreamWriter()
        }
    }

    var streamContentType: String {
        self == .responsesCompact ? "text/plain; charset=utf-8" : "text/event-stream"
    }
}
