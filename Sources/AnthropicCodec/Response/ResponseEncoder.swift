public import Conversation
public import Dialects
import TokModelCore

extension AnthropicMessages {
    /// A canonical response as the message object an Anthropic SDK expects, named `clientModel`.
    ///
    /// Blocks keep their order: thinking (signed, or `redacted_thinking`), text, `tool_use` with its arguments
    /// parsed into an `input` object (§11.2 fallbacks for bad JSON). Empty text is left out. The id keeps a
    /// provider's `msg_` id and prefixes any other with `msg_` (some clients assume the prefix); tool-call ids
    /// are made valid Anthropic ids, so the client can send them back. `stop_reason` follows the content
    /// (`tool_use` when there are tool calls); `stop_sequence` is set only with `stop_sequence`. Usage has all
    /// four fields, `input_tokens` without the cached ones, as Anthropic counts.
    public static func encodeResponse(_ response: ChatResponse, clientModel: String) -> JSONValue {
        var content: [JSONValue] = []
        var hasToolCalls = false
        for block in response.blocks {
            switch block {
            case .text(let text):
                if !text.isEmpty { content.append(MessagesEncoder.textBlock(text)) }
            case .toolCall(let call):
                hasToolCalls = true
                content.append([
                    "type": "tool_use", "id": .string(ToolIDs.forClient(call.id)), "name": .string(call.name),
                    "input": ToolInput.object(fromArguments: call.arguments),
                ])
            case .thinking(let thinking):
                if let data = thinking.redactedData {
                    content.append(["type": "redacted_thinking", "data": .string(data)])
                } else if !thinking.text.isEmpty || thinking.signature != nil {
                    content.append(["type": "thinking", "thinking": .string(thinking.text), "signature": .string(thinking.signature ?? "")])
                }
            case .image, .toolResult:
                // Not something an assistant answer carries; nothing in the Messages API to put it in.
                continue
            }
        }
        let stopReason = StopReasons.anthropic(response.stopReason, hasToolCalls: hasToolCalls)
        let stopSequence: JSONValue = stopReason == "stop_sequence" ? (response.stopSequence.map { .string($0) } ?? .null) : .null
        return [
            "id": .string(messageID(response.id)), "type": "message", "role": "assistant", "model": .string(clientModel),
            "content": .array(content), "stop_reason": .string(stopReason), "stop_sequence": stopSequence,
            "usage": UsageFields.object(response.usage ?? .zero),
        ]
    }

    /// `msg_…`: the provider's id when it already is one, else the id with the prefix, else a fresh one.
    static func messageID(_ id: String) -> String {
        if id.hasPrefix("msg_") { return id }
        if id.isEmpty { return "msg_gw" + String(ToolIDs.minted().dropFirst("toolu_gw".count)) }
        return "msg_" + id
    }
}
