import Conversation
import Dialects
import TokModelCore

/// `tools`, `tool_choice` and `response_format` (§2.3, §2.4, §11.4, §11.5).
enum ToolsDecoder {
    /// Function tools only: built-in and custom tools have no portable equivalent, and silently dropping a
    /// tool changes what the model can do, so they are refused (§11.4).
    static func tools(_ value: JSONValue?) throws(GatewayError) -> [FunctionTool] {
        var tools: [FunctionTool] = []
        for (index, tool) in (try Field.array(value, "tools") ?? []).enumerated() {
            let path = "tools[\(index)]"
            guard case .object = tool else { throw GatewayError.invalidField(path, "expected a tool object") }
            let type = try Field.requiredString(tool["type"], "\(path).type")
            guard type == "function" else {
                throw GatewayError.unsupported("\(path).type", "only 'function' tools can be translated, not '\(type)'")
            }
            let function = try Field.requiredObject(tool["function"], "\(path).function")
            let name = try Field.requiredString(function["name"], "\(path).function.name")
            guard !name.isEmpty else { throw GatewayError.invalidField("\(path).function.name", "expected a non-empty name") }
            var definition = FunctionTool(
                name: name,
                description: try Field.string(function["description"], "\(path).function.description"),
                strict: try Field.bool(function["strict"], "\(path).function.strict"))
            if let parameters = try Field.object(function["parameters"], "\(path).function.parameters") {
                definition.parameters = parameters
            }
            tools.append(definition)
        }
        return tools
    }

    /// `tool_choice`. `allowed_tools` has no canonical form; it is honoured by narrowing `tools` to the
    /// allowed ones (the model sees only those) and keeping its mode.
    static func toolChoice(_ value: JSONValue?, tools: inout [FunctionTool]) throws(GatewayError) -> ToolChoice? {
        switch value {
        case nil, .null?: return nil
        case .string("auto")?: return .auto
        case .string("none")?: return ToolChoice.none
        case .string("required")?: return .required
        case .string?: throw GatewayError.invalidField("tool_choice", "expected 'auto', 'none', 'required' or an object")
        case .object?:
            guard let choice = value else { return nil }
            let type = try Field.requiredString(choice["type"], "tool_choice.type")
            switch type {
            case "function":
                let function = try Field.requiredObject(choice["function"], "tool_choice.function")
                return .function(try Field.requiredString(function["name"], "tool_choice.function.name"))
            case "allowed_tools":
                return try allowedTools(choice, tools: &tools)
            default:
                throw GatewayError.unsupported("tool_choice.type", "'\(type)' cannot be translated; use 'function' or 'allowed_tools'")
            }
        default: throw GatewayError.invalidField("tool_choice", "expected a string or an object")
        }
    }

    private static func allowedTools(_ choice: JSONValue, tools: inout [FunctionTool]) throws(GatewayError) -> ToolChoice {
        let allowed = try Field.requiredObject(choice["allowed_tools"], "tool_choice.allowed_tools")
        let mode = try Field.requiredString(allowed["mode"], "tool_choice.allowed_tools.mode")
        guard mode == "auto" || mode == "required" else {
            throw GatewayError.invalidField("tool_choice.allowed_tools.mode", "expected 'auto' or 'required'")
        }
        var names: Set<String> = []
        for (index, tool) in (try Field.array(allowed["tools"], "tool_choice.allowed_tools.tools") ?? []).enumerated() {
            let path = "tool_choice.allowed_tools.tools[\(index)]"
            let function = try Field.requiredObject(tool["function"], "\(path).function")
            names.insert(try Field.requiredString(function["name"], "\(path).function.name"))
        }
        tools = tools.filter { names.contains($0.name) }
        return mode == "auto" ? .auto : .required
    }

    static func responseFormat(_ value: JSONValue?) throws(GatewayError) -> ResponseFormat? {
        guard let format = try Field.object(value, "response_format") else { return nil }
        switch try Field.requiredString(format["type"], "response_format.type") {
        case "text": return .text
        case "json_object": return .jsonObject
        case "json_schema":
            let schema = try Field.requiredObject(format["json_schema"], "response_format.json_schema")
            return .jsonSchema(
                name: try Field.requiredString(schema["name"], "response_format.json_schema.name"),
                schema: try Field.object(schema["schema"], "response_format.json_schema.schema") ?? .object([]),
                strict: try Field.bool(schema["strict"], "response_format.json_schema.strict"))
        case let type:
            throw GatewayError.invalidField("response_format.type", "expected 'text', 'json_object' or 'json_schema', not '\(type)'")
        }
    }
}
