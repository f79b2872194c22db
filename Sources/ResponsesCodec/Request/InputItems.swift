import Conversation
import Dialects
import TokModelCore

/// `input` → canonical system blocks and turns.
///
/// Grouping rules: every message item starts a new turn; `function_call` items join the assistant turn
/// right before them (the model's text and its calls are one canonical turn, as in Anthropic); consecutive
/// `function_call_output` items share one user turn (every result of a parallel call in the same turn, which
/// Gemini requires). `system`/`developer` messages go to the system prompt.
struct InputItems {
    var system: [ContentBlock] = []
    var turns: [Turn] = []
    /// call_id → function name, from the `function_call` items seen so far: Gemini needs the name on results.
    private var callNames: [String: String] = [:]

    static func decode(_ input: JSONValue?) throws(GatewayError) -> InputItems {
        var items = InputItems()
        switch input {
        case .string(let text)?:
            if !text.isEmpty { items.turns.append(Turn(role: .user, blocks: [.text(text)])) }
        case .array(let elements)?:
            guard !elements.isEmpty else { throw GatewayError.invalidField("input", "at least one input item is required") }
            for (index, element) in elements.enumerated() {
                try items.add(element, "input[\(index)]")
            }
        case nil, .null?:
            throw GatewayError.missingField("input")
        default:
            throw GatewayError.invalidField("input", "expected a string or an array of input items")
        }
        return items
    }

    private mutating func add(_ item: JSONValue, _ param: String) throws(GatewayError) {
        guard case .object = item else { throw GatewayError.invalidField(param, "expected an input item object") }
        // A message may omit `type` (the "easy input message" form).
        let type = try FieldReader.string(item["type"], "\(param).type") ?? (item["role"] != nil ? "message" : "")
        switch type {
        case "message":
            try addMessage(item, param)
        case "function_call":
            let callID = try FieldReader.name(item["call_id"], "\(param).call_id")
            let name = try FieldReader.name(item["name"], "\(param).name")
            var arguments = try FieldReader.requiredString(item["arguments"], "\(param).arguments")
            // A function without parameters may come back with "": every provider wants a JSON object (§11.18).
            if arguments.isEmpty { arguments = "{}" }
            callNames[callID] = name
            appendToolCall(ToolCall(id: callID, name: name, arguments: arguments))
        case "function_call_output":
            let callID = try FieldReader.name(item["call_id"], "\(param).call_id")
            let content: [ContentBlock]
            switch item["output"] {
            case .string(let text)?: content = text.isEmpty ? [] : [.text(text)]
            case .array?: content = try ContentParts.decode(item["output"], "\(param).output", allowance: .textAndImages)
            case nil, .null?: throw GatewayError.missingField("\(param).output")
            default: throw GatewayError.invalidField("\(param).output", "expected a string or an array of content parts")
            }
            appendToolResult(ToolResult(callID: callID, name: callNames[callID], content: content))
        case "reasoning":
            // OpenAI's encrypted reasoning replayed for stateless multi-turn: no other provider can read it.
            break
        case "item_reference":
            throw FieldReader.unsupported(
                "\(param).type", "item_reference items need stored responses, which this gateway does not keep; send the referenced items in full.")
        case "":
            throw GatewayError.missingField("\(param).type")
        default:
            throw FieldReader.unsupported("\(param).type", "Input items of type '\(type)' are not supported by this gateway.")
        }
    }

    private mutating func addMessage(_ item: JSONValue, _ param: String) throws(GatewayError) {
        let role = try FieldReader.name(item["role"], "\(param).role")
        switch role {
        case "user":
            let blocks = try ContentParts.decode(item["content"], "\(param).content", allowance: .textAndImages)
            if !blocks.isEmpty { turns.append(Turn(role: .user, blocks: blocks)) }
        case "assistant":
            let blocks = try ContentParts.decode(item["content"], "\(param).content", allowance: .textOnly)
            if !blocks.isEmpty { turns.append(Turn(role: .assistant, blocks: blocks)) }
        case "system", "developer":
            system += try ContentParts.decode(item["content"], "\(param).content", allowance: .textOnly)
        default:
            throw GatewayError.invalidField("\(param).role", "expected one of 'user', 'assistant', 'system', 'developer'")
        }
    }

    private mutating func appendToolCall(_ call: ToolCall) {
        if let last = turns.indices.last, turns[last].role == .assistant {
            turns[last].blocks.append(.toolCall(call))
        } else {
            turns.append(Turn(role: .assistant, blocks: [.toolCall(call)]))
        }
    }

    private mutating func appendToolResult(_ result: ToolResult) {
        if let last = turns.indices.last, turns[last].role == .user,
            turns[last].blocks.allSatisfy({ if case .toolResult = $0 { true } else { false } })
        {
            turns[last].blocks.append(.toolResult(result))
        } else {
            turns.append(Turn(role: .user, blocks: [.toolResult(result)]))
        }
    }
}
