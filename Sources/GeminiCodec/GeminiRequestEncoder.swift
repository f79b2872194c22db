import Conversation
import Dialects
import TokModelCore

/// Canonical request → `GenerateContentRequest` body (wire-formats §5.2, §11).
///
/// Members, in the order Gemini documents them: `systemInstruction`, `contents`, `tools`, `toolConfig`,
/// `generationConfig`. Dropped because Gemini has no equivalent: `parallelToolCalls`, `user`, the OpenAI
/// `strict` flag of a tool, `includeUsage` (Gemini always reports usage). The model is not in the body; it goes
/// in the path (``GeminiGenerateContent/path(upstreamModel:stream:)``).
enum GeminiRequestEncoder {
    static func encode(_ request: ChatRequest) throws(GatewayError) -> JSONValue {
        var body: [(String, JSONValue)] = []
        if let system = try systemInstruction(request.system) {
            body.append(("systemInstruction", system))
        }
        body.append(("contents", try GeminiContentsBuilder.contents(for: request.turns)))
        if !request.tools.isEmpty {
            body.append(("tools", try tools(request.tools)))
            if let choice = request.toolChoice {
                body.append(("toolConfig", try toolConfig(choice, tools: request.tools)))
            }
        }
        // Without tools a tool choice means nothing, and Gemini rejects allowedFunctionNames that name no
        // declaration, so it is dropped.
        let generation = try GeminiGenerationConfig.members(for: request)
        if !generation.isEmpty {
            body.append(("generationConfig", .object(generation)))
        }
        return .object(body)
    }

    /// `systemInstruction: {"parts": [{"text"}…]}`, one part per non-empty system block; nil when there is none.
    static func systemInstruction(_ blocks: [ContentBlock]) throws(GatewayError) -> JSONValue? {
        var parts: [JSONValue] = []
        for block in blocks {
            guard case .text(let text) = block else {
                throw GatewayError.invalidField("system", "Gemini system instructions can only hold text")
            }
            if !text.isEmpty { parts.append(["text": .string(text)]) }
        }
        guard !parts.isEmpty else { return nil }
        return ["parts": .array(parts)]
    }

    /// All functions go in one tool object: `[{"functionDeclarations": […]}]`.
    static func tools(_ tools: [FunctionTool]) throws(GatewayError) -> JSONValue {
        var declarations: [JSONValue] = []
        for tool in tools {
            guard !tool.name.isEmpty else {
                throw GatewayError.invalidField("tools", "every function needs a non-empty name")
            }
            var declaration: [(String, JSONValue)] = [("name", .string(tool.name))]
            if let description = tool.description, !description.isEmpty {
                declaration.append(("description", .string(description)))
            }
            if let parameters = try GeminiSchema.parameters(tool.parameters, function: tool.name) {
                declaration.append(("parameters", parameters))
            }
            declarations.append(.object(declaration))
        }
        return [["functionDeclarations": .array(declarations)]]
    }

    /// `toolConfig.functionCallingConfig` per §11.5: auto → AUTO, none → NONE, required → ANY, a named function →
    /// ANY restricted to it (which must be one of the declared tools).
    static func toolConfig(_ choice: ToolChoice, tools: [FunctionTool]) throws(GatewayError) -> JSONValue {
        let config: JSONValue
        switch choice {
        case .auto: config = ["mode": "AUTO"]
        case .none: config = ["mode": "NONE"]
        case .required: config = ["mode": "ANY"]
        case .function(let name):
            guard tools.contains(where: { $0.name == name }) else {
                throw GatewayError.invalidField("tool_choice", "the function '\(name)' is not among the declared tools")
            }
            config = ["mode": "ANY", "allowedFunctionNames": [.string(name)]]
        }
        return ["functionCallingConfig": config]
    }
}
