public import Dialects

/// Gemini's JSON accepts lowerCamelCase and snake_case field names alike (protobuf JSON parsing); these read
/// either.
enum GeminiField {
    static func member(_ json: JSONValue, _ camel: String, _ snake: String) -> JSONValue? {
        json[camel] ?? json[snake]
    }

    static func functionCall(_ part: JSONValue) -> JSONValue? { member(part, "functionCall", "function_call") }
    static func functionResponse(_ part: JSONValue) -> JSONValue? { member(part, "functionResponse", "function_response") }
    static func inlineData(_ part: JSONValue) -> JSONValue? { member(part, "inlineData", "inline_data") }
    static func fileData(_ part: JSONValue) -> JSONValue? { member(part, "fileData", "file_data") }
    static func mimeType(_ data: JSONValue) -> String? { member(data, "mimeType", "mime_type")?.stringValue }
}

extension MockChatRequest {
    /// Parses a Gemini `GenerateContentRequest` (§5.2 of the wire-format reference); the model and the
    /// streaming flag come from the URL.
    public init(geminiBody body: [UInt8], model: String, stream: Bool) throws(MockError) {
        try self.init(gemini: try Self.parseJSON(body), model: model, stream: stream)
    }

    public init(geminiBody body: UnsafeRawBufferPointer, model: String, stream: Bool) throws(MockError) {
        try self.init(gemini: try Self.parseJSON(body), model: model, stream: stream)
    }

    /// Reads a Gemini request: `contents` (required, non-empty; roles `user`, `model`, legacy `function`, or
    /// none; parts with `text`, `functionCall`, `functionResponse`, `inlineData`, `fileData`, ...),
    /// `systemInstruction`, `tools[].functionDeclarations[]` (`name`, `parameters` or
    /// `parametersJsonSchema`), `toolConfig.functionCallingConfig` (`mode` and `allowedFunctionNames`) and
    /// `generationConfig` (`maxOutputTokens`, `stopSequences`, `candidateCount`). camelCase and snake_case
    /// names are both accepted.
    ///
    /// The directives come from the last user content that has a text part. The last turn is a tool result
    /// (``toolResultText``) when the last content holds `functionResponse` parts and no text part. `ANY`
    /// forces a call to the first of `allowedFunctionNames`, or to the first tool when none are listed.
    public init(gemini json: JSONValue, model: String, stream: Bool) throws(MockError) {
        guard case .object = json else { throw MockError.invalidRequest("Invalid JSON payload received. Expected an object.") }
        self.model = model
        self.stream = stream
        self.includeUsage = true

        guard let contentsValue = json["contents"], !contentsValue.isNull else {
            throw MockError.invalidRequest("* GenerateContentRequest.contents: contents is not specified", param: "contents")
        }
        guard let contents = contentsValue.arrayValue else {
            throw MockError.invalidRequest("Invalid JSON payload received. Invalid value at 'contents': expected a list.", param: "contents")
        }
        guard !contents.isEmpty else {
            throw MockError.invalidRequest("* GenerateContentRequest.contents: contents is not specified", param: "contents")
        }
        var lastUserText: String?
        var toolResultText: String?
        var priorToolCalls = 0
        for (index, content) in contents.enumerated() {
            guard case .object = content else {
                throw MockError.invalidRequest("Invalid JSON payload received. Invalid value at 'contents[\(index)]'.", param: "contents")
            }
            let role = content["role"]?.stringValue ?? "user"
            guard role == "user" || role == "model" || role == "function" else {
                throw MockError.invalidRequest(
                    "Please use a valid role: user, model. Got \"\(role)\" at contents[\(index)].", param: "contents")
            }
            guard let parts = content["parts"]?.arrayValue else {
                throw MockError.invalidRequest(
                    "* GenerateContentRequest.contents[\(index)].parts: contents.parts must not be empty.", param: "contents")
            }
            var text: String?
            var firstResult: String?
            for (partIndex, part) in parts.enumerated() {
                guard case .object = part else {
                    throw MockError.invalidRequest(
                        "Invalid JSON payload received. Invalid value at 'contents[\(index)].parts[\(partIndex)]'.", param: "contents")
                }
                if let partText = part["text"]?.stringValue {
                    // Thought parts are the model's own reasoning, never the user's text.
                    if part["thought"]?.boolValue != true { text = (text ?? "") + partText }
                } else if let call = GeminiField.functionCall(part) {
                    guard call["name"]?.stringValue != nil else {
                        throw MockError.invalidRequest(
                            "* GenerateContentRequest.contents[\(index)].parts[\(partIndex)].function_call.name: Name cannot be empty.",
                            param: "contents")
                    }
                    priorToolCalls += 1
                } else if let response = GeminiField.functionResponse(part) {
                    guard response["name"]?.stringValue != nil else {
                        throw MockError.invalidRequest(
                            "* GenerateContentRequest.contents[\(index)].parts[\(partIndex)].function_response.name: Name cannot be empty.",
                            param: "contents")
                    }
                    if firstResult == nil { firstResult = MockPromptTokens.geminiResultText(response) }
                }
            }
            if role != "model", let text { lastUserText = text }
            toolResultText = role != "model" && text == nil ? firstResult : nil
        }
        self.lastUserText = lastUserText ?? ""
        self.toolResultText = toolResultText
        self.priorToolCalls = priorToolCalls

        let system = GeminiField.member(json, "systemInstruction", "system_instruction")
        if let system, !system.isNull, system.objectValue == nil {
            throw MockError.invalidRequest(
                "Invalid JSON payload received. Invalid value at 'system_instruction': expected a Content object.", param: "systemInstruction")
        }
        self.promptTokens = MockPromptTokens.count(geminiSystemInstruction: system, contents: contents)

        var tools: [MockTool] = []
        switch json["tools"] {
        case nil, .null?: break
        case .array(let entries)?:
            for entry in entries {
                guard let declarations = GeminiField.member(entry, "functionDeclarations", "function_declarations") else { continue }
                guard let list = declarations.arrayValue else {
                    throw MockError.invalidRequest("Invalid JSON payload received. 'function_declarations' must be a list.", param: "tools")
                }
                for declaration in list {
                    guard let name = declaration["name"]?.stringValue, !name.isEmpty else {
                        throw MockError.invalidRequest(
                            "* GenerateContentRequest.tools[0].function_declarations[0].name: Name cannot be empty.", param: "tools")
                    }
                    let schema =
                        declaration["parameters"] ?? GeminiField.member(declaration, "parametersJsonSchema", "parameters_json_schema")
                    tools.append(MockTool(name: name, parameters: schema))
                }
            }
        default: throw MockError.invalidRequest("Invalid JSON payload received. 'tools' must be a list.", param: "tools")
        }
        self.tools = tools
        self.parallelToolCalls = true

        self.toolChoice = .auto
        if let config = GeminiField.member(json, "toolConfig", "tool_config"),
            let calling = GeminiField.member(config, "functionCallingConfig", "function_calling_config")
        {
            let allowed = GeminiField.member(calling, "allowedFunctionNames", "allowed_function_names")?.arrayValue?.compactMap(\.stringValue) ?? []
            switch calling["mode"]?.stringValue {
            case nil, "AUTO", "MODE_UNSPECIFIED", "VALIDATED": self.toolChoice = .auto
            case "NONE": self.toolChoice = .none
            case "ANY": self.toolChoice = allowed.first.map { .named($0) } ?? .required
            case let mode?:
                throw MockError.invalidRequest(
                    "Invalid value at 'tool_config.function_calling_config.mode' (\(mode)).", param: "toolConfig")
            }
        }

        var maxTokens: Int?
        var stops: [String] = []
        var candidates = 1
        if let generation = GeminiField.member(json, "generationConfig", "generation_config"), !generation.isNull {
            guard generation.objectValue != nil else {
                throw MockError.invalidRequest("Invalid JSON payload received. 'generation_config' must be an object.", param: "generationConfig")
            }
            maxTokens = try Self.optionalInt(
                GeminiField.member(generation, "maxOutputTokens", "max_output_tokens"), param: "generationConfig.maxOutputTokens",
                range: 0...Int(Int32.max))
            candidates =
                try Self.optionalInt(
                    GeminiField.member(generation, "candidateCount", "candidate_count"), param: "generationConfig.candidateCount",
                    range: 1...8) ?? 1
            switch GeminiField.member(generation, "stopSequences", "stop_sequences") {
            case nil, .null?: break
            case .array(let values)?:
                stops = try Self.strings(values, param: "generationConfig.stopSequences").filter { !$0.isEmpty }
            default:
                throw MockError.invalidRequest(
                    "Invalid JSON payload received. 'stop_sequences' must be a list of strings.", param: "generationConfig.stopSequences")
            }
        }
        self.maxTokens = maxTokens
        self.stopSequences = stops
        self.choices = candidates
    }
}
