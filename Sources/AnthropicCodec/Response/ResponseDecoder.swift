public import Conversation
public import Dialects
public import TokModelCore

extension AnthropicMessages {
    /// A Messages API message object (a provider's non-streamed answer) as a canonical response.
    ///
    /// `text`, `tool_use` (its `input` object becomes the arguments text), `thinking` (with its signature)
    /// and `redacted_thinking` blocks are kept in order; server-tool blocks, which only Anthropic can replay,
    /// are skipped. Anthropic sends no creation time, so `created` is 0: the edge stamps its own clock.
    /// An error object (`{"type":"error",…}`) throws the provider's error.
    public static func decodeResponse(_ body: JSONValue) throws(GatewayError) -> ChatResponse {
        if body["type"]?.stringValue == "error" { throw ProviderErrors.gatewayError(body) }
        guard case .object = body, let content = body["content"]?.arrayValue else { throw ProviderErrors.malformed("a response") }
        var blocks: [ContentBlock] = []
        blocks.reserveCapacity(content.count)
        for block in content {
            if let decoded = try responseBlock(block) { blocks.append(decoded) }
        }
        let stopSequence = body["stop_sequence"]?.stringValue
        return ChatResponse(
            id: body["id"]?.stringValue ?? "", model: body["model"]?.stringValue ?? "", created: 0, blocks: blocks,
            stopReason: StopReasons.canonical(body["stop_reason"]?.stringValue), stopSequence: stopSequence,
            usage: body["usage"].flatMap { usage(from: $0) })
    }

    private static func responseBlock(_ block: JSONValue) throws(GatewayError) -> ContentBlock? {
        switch block["type"]?.stringValue {
        case "text":
            guard let text = block["text"]?.stringValue else { throw ProviderErrors.malformed("a text block") }
            return .text(text)
        case "tool_use":
            guard let id = block["id"]?.stringValue, let name = block["name"]?.stringValue else {
                throw ProviderErrors.malformed("a tool_use block")
            }
            return .toolCall(ToolCall(id: id, name: name, arguments: ToolInput.arguments(from: block["input"])))
        case "thinking":
            let signature = block["signature"]?.stringValue
            return .thinking(Thinking(text: block["thinking"]?.stringValue ?? "", signature: signature?.isEmpty == false ? signature : nil))
        case "redacted_thinking":
            guard let data = block["data"]?.stringValue else { throw ProviderErrors.malformed("a redacted_thinking block") }
            return .thinking(Thinking(text: "", redactedData: data))
        default:
            return nil
        }
    }
}
