import Conversation
import Dialects
import TokModelCore

/// Reads `tools` and `tool_choice` of a client's request.
enum ToolsDecoder {
    /// Client tools (`name`, `description`, `input_schema`, `strict`). Anthropic's server tools
    /// (`{"type":"web_search_20250305",…}`, `bash_…`, `text_editor_…`) run inside Anthropic and have no
    /// portable equivalent, so they are refused rather than dropped (§11.4): dropping a tool silently changes
    /// what the model can do.
    static func tools(_ root: ObjectReader) throws(GatewayError) -> [FunctionTool] {
        guard let tools = try root.optionalArray("tools") else { return [] }
        var result: [FunctionTool] = []
        result.reserveCapacity(tools.count)
        for (index, tool) in tools.enumerated() {
            let reader = try ObjectReader(tool, path: "tools[\(index)]")
            if let type = try reader.optionalString("type"), type != "custom" {
                throw ContentDecoder.unsupported(
                    reader.param("type"),
                    "Server tools such as '\(type)' are not supported by this gateway; define a client tool with name, description and input_schema.")
            }
            let name = try reader.string("name")
            guard !name.isEmpty else { throw GatewayError.invalidField(reader.param("name"), "expected a non-empty string") }
            let schema = try reader.require("input_schema")
            guard case .object = schema else { throw GatewayError.invalidField(reader.param("input_schema"), "expected a JSON Schema object") }
            result.append(
                FunctionTool(
                    name: name, description: try reader.optionalString("description"), parameters: schema, strict: try reader.optionalBool("strict")))
        }
        return result
    }

    struct Choice {
        var choice: ToolChoice
        /// false when the client set `disable_parallel_tool_use: true`; nil leaves the provider's default
        /// (Anthropic's default allows parallel calls, so `false` there asks for nothing different).
        var parallelToolCalls: Bool?
    }

    /// `tool_choice`: `{type: auto|any|tool|none}`, `name` for `tool`, `disable_parallel_tool_use`.
    static func toolChoice(_ root: ObjectReader) throws(GatewayError) -> Choice? {
        guard let reader = try root.optionalObject("tool_choice") else { return nil }
        let choice: ToolChoice
        switch try reader.string("type") {
        case "auto": choice = .auto
        case "any": choice = .required
        case "none": choice = .none
        case "tool":
            let name = try reader.string("name")
            guard !name.isEmpty else { throw GatewayError.invalidField(reader.param("name"), "expected a non-empty string") }
            choice = .function(name)
        default:
            throw GatewayError.invalidField(reader.param("type"), "expected 'auto', 'any', 'tool' or 'none'")
        }
        let disableParallel = try reader.optionalBool("disable_parallel_tool_use") ?? false
        return Choice(choice: choice, parallelToolCalls: disableParallel ? false : nil)
    }
}
