import Conversation
import Dialects
import TokModelCore

/// OpenAI `messages` → canonical system blocks and turns (§2.2, §11.1, §11.2).
///
/// - `system` and `developer` messages, wherever they appear, are hoisted into ``ChatRequest/system`` in order
///   (the canonical model has no positional system message; LiteLLM and Portkey hoist the same way).
/// - `tool` messages become tool-result blocks of a user turn. Consecutive tool messages share one turn, and
///   the user message right after them joins it too, after the results: `tool(A) tool(B) user(x)` is one user
///   turn `[result A, result B, x]`, which is what Anthropic and Gemini require and what the OpenAI encoder
///   splits apart again.
/// - Other messages keep their order; consecutive user (or assistant) messages stay separate turns, since
///   OpenAI allows them and merging is the job of encoders whose target forbids them.
struct MessageDecoder {
    private(set) var system: [ContentBlock] = []
    private(set) var turns: [Turn] = []
    /// Tool-call id → function name from earlier assistant messages; Gemini needs the name on results.
    private var toolNames: [String: String] = [:]
    /// The last turn holds tool results and may still take the user message that follows them.
    private var toolTurnOpen = false

    mutating func decode(_ messages: [JSONValue]) throws(GatewayError) {
        for (index, message) in messages.enumerated() {
            let path = "messages[\(index)]"
            guard case .object = message else { throw GatewayError.invalidField(path, "expected a message object") }
            let role = try Field.requiredString(message["role"], "\(path).role")
            switch role {
            case "system", "developer":
                for text in try Content.texts(message["content"], "\(path).content", role: role) where !text.isEmpty {
                    system.append(.text(text))
                }
            case "user":
                let blocks = try Content.userBlocks(message["content"], "\(path).content")
                if toolTurnOpen, let last = turns.indices.last {
                    turns[last].blocks += blocks
                } else {
                    turns.append(Turn(role: .user, blocks: blocks))
                }
                toolTurnOpen = false
            case "assistant":
                turns.append(Turn(role: .assistant, blocks: try assistantBlocks(message, path)))
                toolTurnOpen = false
            case "tool":
                let result = try toolResult(message, path)
                if toolTurnOpen, let last = turns.indices.last {
                    turns[last].blocks.append(.toolResult(result))
                } else {
                    turns.append(Turn(role: .user, blocks: [.toolResult(result)]))
                    toolTurnOpen = true
                }
            case "function":
                throw GatewayError.unsupported("\(path).role", "the deprecated 'function' role is not supported; send 'tool' messages")
            default:
                throw GatewayError.invalidField("\(path).role", "expected one of 'system', 'developer', 'user', 'assistant', 'tool'")
            }
        }
    }

    /// Text (and refusal text, §11.2) first, then the tool calls in order. Empty text is dropped when the
    /// message has other content: clients often send `"content": ""` next to `tool_calls`, and an empty text
    /// block is a 400 at Anthropic.
    private mutating func assistantBlocks(_ message: JSONValue, _ path: String) throws(GatewayError) -> [ContentBlock] {
        var blocks: [ContentBlock] = []
        for text in try Content.assistantTexts(message["content"], "\(path).content") {
            blocks.append(.text(text))
        }
        if let refusal = try Field.string(message["refusal"], "\(path).refusal") {
            blocks.append(.text(refusal))
        }
        if let call = message["function_call"], !call.isNull {
            throw GatewayError.unsupported("\(path).function_call", "the deprecated 'function_call' is not supported; send 'tool_calls'")
        }
        for (index, call) in (try Field.array(message["tool_calls"], "\(path).tool_calls") ?? []).enumerated() {
            let toolCall = try Self.toolCall(call, "\(path).tool_calls[\(index)]")
            toolNames[toolCall.id] = toolCall.name
            blocks.append(.toolCall(toolCall))
        }
        let nonEmpty = blocks.filter { $0 != .text("") }
        if nonEmpty.isEmpty && blocks.isEmpty {
            throw GatewayError.missingField("\(path).content")
        }
        return nonEmpty.isEmpty ? [.text("")] : nonEmpty
    }

    static func toolCall(_ call: JSONValue, _ path: String) throws(GatewayError) -> ToolCall {
        guard case .object = call else { throw GatewayError.invalidField(path, "expected a tool call object") }
        if let type = try Field.string(call["type"], "\(path).type"), type != "function" {
            throw GatewayError.unsupported("\(path).type", "only 'function' tool calls can be translated, not '\(type)'")
        }
        let id = try Field.requiredString(call["id"], "\(path).id")
        let function = try Field.requiredObject(call["function"], "\(path).function")
        let name = try Field.requiredString(function["name"], "\(path).function.name")
        return ToolCall(id: id, name: name, arguments: try arguments(function["arguments"], "\(path).function.arguments"))
    }

    /// The arguments text exactly as sent. Some clients send an object instead of its JSON text; accept it
    /// by serialising. Absent means a call without arguments, `{}`.
    static func arguments(_ value: JSONValue?, _ path: String) throws(GatewayError) -> String {
        switch value {
        case nil, .null?: return "{}"
        case .string(let text)?: return text
        case .object(let members)?: return JSONWriter.string(.object(members))
        default: throw GatewayError.invalidField(path, "expected the arguments as a JSON string")
        }
    }

    private func toolResult(_ message: JSONValue, _ path: String) throws(GatewayError) -> ToolResult {
        let callID = try Field.requiredString(message["tool_call_id"], "\(path).tool_call_id")
        let texts = try Content.texts(message["content"], "\(path).content", role: "tool")
        return ToolResult(callID: callID, name: toolNames[callID], content: texts.filter { !$0.isEmpty }.map { .text($0) })
    }
}
