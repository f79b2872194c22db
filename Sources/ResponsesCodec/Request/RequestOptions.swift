import Conversation
import Dialects
import TokModelCore

/// `tools`, `tool_choice`, `text.format` and `reasoning`: the Responses shapes are flat where Chat nests
/// (`{"type":"function","name":…}` rather than `{"function":{"name":…}}`).
enum RequestOptions {
    static func tools(_ value: JSONValue?) throws(GatewayError) -> [FunctionTool] {
        guard let elements = try FieldReader.array(value, "tools") else { return [] }
        var tools: [FunctionTool] = []
        for (index, tool) in elements.enumerated() {
            let param = "tools[\(index)]"
            guard case .object = tool else { throw GatewayError.invalidField(param, "expected a tool object") }
            let type = try FieldReader.name(tool["type"], "\(param).type")
            guard type == "function" else {
                throw FieldReader.unsupported(
                    "\(param).type",
                    "The tool type '\(type)' is not supported by this gateway: built-in and custom tools have no equivalent at the providers it reaches. Only function tools (type \"function\") are supported."
                )
            }
            let name = try FieldReader.name(tool["name"], "\(param).name")
            let description = try FieldReader.string(tool["description"], "\(param).description")
            let parameters = try FieldReader.object(tool["parameters"], "\(param).parameters") ?? ["type": "object", "properties": [:]]
            let strict = try FieldReader.bool(tool["strict"], "\(param).strict")
            tools.append(FunctionTool(name: name, description: description, parameters: parameters, strict: strict))
        }
        return tools
    }

    static func toolChoice(_ value: JSONValue?) throws(GatewayError) -> ToolChoice? {
        switch value {
        case nil, .null?: return nil
        case .string("auto")?: return .auto
        case .string("none")?: return ToolChoice.none
        case .string("required")?: return .required
        case .string(let other)?:
            throw GatewayError.invalidField("tool_choice", "expected 'auto', 'none', 'required' or an object, not '\(other)'")
        case .object?:
            let type = try FieldReader.name(value?["type"], "tool_choice.type")
            switch type {
            case "function":
                return .function(try FieldReader.name(value?["name"], "tool_choice.name"))
            case "allowed_tools":
                throw FieldReader.unsupported(
                    "tool_choice.type", "tool_choice of type 'allowed_tools' is not supported by this gateway; send only the allowed tools in 'tools'.")
            default:
                throw FieldReader.unsupported(
                    "tool_choice.type", "tool_choice of type '\(type)' names a built-in tool, which this gateway does not support.")
            }
        default:
            throw GatewayError.invalidField("tool_choice", "expected a string or an object")
        }
    }

    /// `text.format` → response format; `text.verbosity` has no canonical equivalent and is ignored.
    static func responseFormat(_ text: JSONValue?) throws(GatewayError) -> ResponseFormat? {
        guard let text = try FieldReader.object(text, "text"),
            let format = try FieldReader.object(text["format"], "text.format")
        else { return nil }
        let type = try FieldReader.name(format["type"], "text.format.type")
        switch type {
        case "text": return .text
        case "json_object": return .jsonObject
        case "json_schema":
            let name = try FieldReader.name(format["name"], "text.format.name")
            guard let schema = try FieldReader.object(format["schema"], "text.format.schema") else {
                throw GatewayError.missingField("text.format.schema")
            }
            return .jsonSchema(name: name, schema: schema, strict: try FieldReader.bool(format["strict"], "text.format.strict"))
        default:
            throw GatewayError.invalidField("text.format.type", "expected 'text', 'json_object' or 'json_schema', not '\(type)'")
        }
    }

    /// `reasoning.effort`: "none" turns reasoning off; any other level passes through for the provider codec to
    /// map (minimal, low, medium, high, xhigh, max). `reasoning.summary` is ignored: thinking is always surfaced.
    static func reasoning(_ value: JSONValue?) throws(GatewayError) -> Reasoning? {
        guard let reasoning = try FieldReader.object(value, "reasoning"),
            let effort = try FieldReader.string(reasoning["effort"], "reasoning.effort")
        else { return nil }
        guard !effort.isEmpty else { throw GatewayError.invalidField("reasoning.effort", "expected a non-empty string") }
        return effort == "none" ? .disabled : .effort(effort)
    }
}
